import type { DeployLogLine } from './deploy.models';

/** Lines the log view keeps in the DOM; older ones are dropped (the count says how many). */
export const LOG_CAP = 2000;

/** The shown tail of a deployment's log: lines in seq order, each once, at most `cap`. */
export interface LogBuffer {
  readonly lines: readonly DeployLogLine[];
  /** The newest seq held (0 before any): the cursor to read more after. */
  readonly lastSeq: number;
  /** Lines dropped from the top to stay under the cap. */
  readonly dropped: number;
}

export const EMPTY_LOG: LogBuffer = { lines: [], lastSeq: 0, dropped: 0 };

/**
 * Adds lines from the first read, a later read or `deploy.log` events, which overlap (a replayed event,
 * a read racing the stream): a seq already held is ignored, so a line never shows twice, and lines are kept
 * in seq order whatever order they came in.
 */
export function appendLines(
  buffer: LogBuffer,
  incoming: readonly DeployLogLine[],
  cap = LOG_CAP,
): LogBuffer {
  if (!incoming.length) return buffer;
  const fresh = incoming.filter((line) => line.seq > buffer.lastSeq);
  const held = new Set(buffer.lines.map((l) => l.seq));
  // Lines older than the newest held are rare (a gap filled by a read): merge them in order.
  const late = incoming.filter((l) => l.seq <= buffer.lastSeq && !held.has(l.seq) && l.seq > firstSeq(buffer));
  const unique = new Map<number, DeployLogLine>();
  for (const line of [...late, ...fresh]) if (!unique.has(line.seq)) unique.set(line.seq, line);
  if (!unique.size) return buffer;
  const added = [...unique.values()];
  let lines =
    late.length > 0
      ? [...buffer.lines, ...added].sort((a, b) => a.seq - b.seq)
      : [...buffer.lines, ...added.sort((a, b) => a.seq - b.seq)];
  let dropped = buffer.dropped;
  if (lines.length > cap) {
    dropped += lines.length - cap;
    lines = lines.slice(lines.length - cap);
  }
  return { lines, lastSeq: Math.max(buffer.lastSeq, ...added.map((l) => l.seq)), dropped };
}

/** Lines before the first held one were dropped on purpose (or never read): they are not filled back in. */
function firstSeq(buffer: LogBuffer): number {
  return buffer.dropped > 0 ? (buffer.lines[0]?.seq ?? 0) : 0;
}
