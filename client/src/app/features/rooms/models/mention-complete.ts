/**
 * @-autocomplete in the chat box: which word the caret is in, the people and agents that match it, and
 * the text after picking one. Pure; the composer owns the caret and the listbox.
 */
import { AGENT_ROLES } from '@contracts/roles';

export interface MentionOption {
  readonly kind: 'person' | 'agent';
  /** What the list shows ("Ada Lovelace", "reviewer (agent)"). */
  readonly label: string;
  /** What goes after the @ ("Ada Lovelace", "reviewer"). */
  readonly insert: string;
}

/** The @word being typed at `caret`: where its @ is and what follows it; null outside one. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s(])@([\p{L}\p{N}_.-]*)$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]! };
}

/** People (by display name; any word of it may match) and agent roles starting with the query; at most `max`. */
export function mentionOptions(
  query: string,
  people: readonly { readonly displayName: string }[],
  max = 8,
): MentionOption[] {
  const q = query.toLowerCase();
  const starts = (name: string) =>
    name.toLowerCase().startsWith(q) || name.toLowerCase().split(/\s+/).some((word) => word.startsWith(q));
  const persons = [...new Set(people.map((p) => p.displayName))]
    .filter(starts)
    .map((name): MentionOption => ({ kind: 'person', label: name, insert: name }));
  const agents = AGENT_ROLES.filter((role) => role.startsWith(q)).map(
    (role): MentionOption => ({ kind: 'agent', label: `${role} (agent)`, insert: role }),
  );
  return [...persons, ...agents].slice(0, max);
}

/** Replaces the @word at `start..caret` with the pick and a space; returns the text and the new caret. */
export function applyMention(
  text: string,
  at: { start: number; caret: number },
  insert: string,
): { text: string; caret: number } {
  const head = `${text.slice(0, at.start)}@${insert} `;
  const tail = text.slice(at.caret).replace(/^ /, '');
  return { text: head + tail, caret: head.length };
}

/** Names a message's @mentions are matched against: people's display names and the agent roles. */
export const mentionNames = (people: readonly { readonly displayName: string }[]): string[] => [
  ...people.map((p) => p.displayName),
  ...AGENT_ROLES,
];
