import { ByteSizePipe } from '../../../../shared/byte-size.pipe';

const bytes = new ByteSizePipe();

/** 12345 → "12 kB", as the rest of the app writes sizes. */
export function formatBytes(size: number): string {
  return bytes.transform(size);
}

/** How long ago `iso` was, in words ("just now", "5 min ago", "3 h ago", "2 days ago", then the date). */
export function timeAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (!Number.isFinite(at)) return '';
  const seconds = Math.max(0, (now - at) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 90 * 60) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  if (seconds < 14 * 86400) return `${Math.round(seconds / 86400)} days ago`;
  return new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
