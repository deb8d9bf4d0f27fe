/** How the model feature writes numbers, prices and states for people. */

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('en-US');

/** 1047576 → "1M", 32768 → "32.8K": sizes of context windows and outputs. */
export function formatSize(tokens: number): string {
  return compact.format(tokens);
}

/** Token counts in full with separators: 12,345. */
export function formatTokens(tokens: number): string {
  return whole.format(Math.round(tokens));
}

/** Money with enough digits that a tenth of a cent still shows: $0.0012, ₹1.06, $12.50. */
export function formatMoney(amount: number, currency: 'USD' | 'INR'): string {
  const symbol = currency === 'USD' ? '$' : '₹';
  if (amount === 0) return `${symbol}0`;
  const digits = Math.abs(amount) >= 1 ? 2 : 4;
  return `${symbol}${amount.toFixed(digits).replace(/(\.\d{2}\d*?)0+$/, '$1')}`;
}

const REASONS: Record<string, string> = {
  NO_KEY: 'No key for this provider',
  CIRCUIT_OPEN: 'Paused after repeated failures',
  OFFLINE_MODE: 'Offline mode',
  KEYS_CONFIGURED: 'Not used: real keys are configured',
};

/** A sentence for why a model cannot be used now. */
export function reasonLabel(reason: string | null): string {
  return reason ? (REASONS[reason] ?? reason) : 'Available';
}

const KEY_SOURCES: Record<string, string> = { USER: 'Your key', PLATFORM: 'Platform key' };

/** Whose key a call would use. */
export function keySourceLabel(source: string | null): string {
  return source ? (KEY_SOURCES[source] ?? source) : '—';
}

const SOURCES: Record<string, string> = {
  PROJECT: 'This project',
  TEAM: 'Team default',
  PLATFORM: 'Platform default',
  DEFAULT: 'Built-in default',
};

/** Where a role's chain comes from. */
export function chainSourceLabel(source: string): string {
  return SOURCES[source] ?? source;
}

/** Used of limit as a whole percent (may exceed 100), or null without a limit. */
export function percentOf(used: number, limit: number | null): number | null {
  if (limit === null || limit <= 0) return null;
  return Math.round((used / limit) * 100);
}

/** A model's circuit breaker in plain words: healthy, paused after errors (until when), or trying again. */
export function healthLabel(
  circuit: string,
  retryAt: string | null,
  now = new Date(),
): { label: string; tone: 'success' | 'attention' | 'info' } {
  if (circuit === 'OPEN') {
    const at = retryAt ? new Date(retryAt) : null;
    const when =
      at && at.getTime() > now.getTime()
        ? `, retrying at ${at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
        : ', retrying soon';
    return { label: `Paused after errors${when}`, tone: 'attention' };
  }
  if (circuit === 'HALF_OPEN') return { label: 'Trying again after errors', tone: 'info' };
  return { label: 'Healthy', tone: 'success' };
}
