import type {
  UsageFragment as Usage,
  UsageMeterFragment as UsageMeter,
} from '../../../generated/account-settings';

/** The viewer's tier and meters, and how much of one limit they used (`limit`, `percent` null when unlimited). */
export type { Usage, UsageMeter };

const KINDS: Record<string, { readonly label: string; readonly noun: string }> = {
  'messages:hourly': { label: 'Messages per hour', noun: 'hourly messages' },
  'messages:daily': { label: 'Messages per day', noun: 'daily messages' },
  'uploads:daily': { label: 'Uploads per day', noun: 'daily uploads' },
  'teams:daily': { label: 'Teams created per day', noun: 'daily team creations' },
  'invitations:hourly': { label: 'Invitations per hour', noun: 'hourly invitations' },
  'completions:hourly': { label: 'Completions per hour', noun: 'hourly completions' },
  'agent-runs': { label: 'Concurrent agent runs', noun: 'concurrent agent runs' },
  rooms: { label: 'Rooms', noun: 'rooms' },
  projects: { label: 'Projects', noun: 'projects' },
};

export function meterLabel(kind: string): string {
  return KINDS[kind]?.label ?? kind;
}

/** "You have used 82% of your hourly messages", or null below the warning thresholds. */
export function meterWarning(meter: UsageMeter): string | null {
  if (meter.warning == null) return null;
  return `You have used ${meter.percent ?? meter.warning}% of your ${KINDS[meter.kind]?.noun ?? meter.kind}`;
}

/** The meter nearest its limit among those with a warning, for the header badge. */
export function worstMeter(usage: Usage): UsageMeter | null {
  const warned = usage.meters.filter((m) => m.warning != null);
  return warned.reduce<UsageMeter | null>(
    (worst, m) => (!worst || (m.percent ?? 0) > (worst.percent ?? 0) ? m : worst),
    null,
  );
}
