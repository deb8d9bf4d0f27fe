/**
 * What the event log shows for a model call's text. Structured replies (the architect's plan, a role's JSON
 * result) arrive as raw JSON; people read a one-line summary instead, with the JSON one click away.
 */
export interface ModelTextView {
  /** A readable line for a JSON reply, or null when the text is prose and is shown as it is. */
  readonly summary: string | null;
  /** The JSON as written, for the "Show JSON" toggle (null for prose). */
  readonly json: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function summarize(value: unknown): string {
  if (Array.isArray(value)) return `A list of ${plural(value.length, 'item')}`;
  if (typeof value !== 'object' || value === null) return String(value);
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['tasks'])) {
    const summary =
      typeof record['summary'] === 'string' && record['summary'].trim()
        ? `: ${record['summary'].trim()}`
        : '';
    return `Plan: ${plural(record['tasks'].length, 'task')}${summary}`;
  }
  if (typeof record['summary'] === 'string') return record['summary'];
  return `Structured reply (${Object.keys(record).slice(0, 4).join(', ') || 'empty'})`;
}

/** Summarizes a JSON reply (still streaming: "Writing a structured reply…"); prose is left alone. */
export function modelTextView(text: string, streaming: boolean): ModelTextView {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return { summary: null, json: null };
  try {
    return { summary: summarize(JSON.parse(trimmed)), json: trimmed };
  } catch {
    return streaming
      ? { summary: `Writing a structured reply… (${trimmed.length} characters)`, json: trimmed }
      : { summary: null, json: null };
  }
}
