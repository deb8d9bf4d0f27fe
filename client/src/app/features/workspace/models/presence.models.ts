import type { AgentCursor } from '@contracts/collab';

/** What each connection publishes in the project room's Liveblocks presence. */
export interface WorkspacePresence {
  readonly name: string;
  readonly color: string;
  /** The file open in this connection's editor, if any. */
  readonly fileId: string | null;
  readonly path: string | null;
}

/** One connection in the room, as the room reports it (name and colour come from the server's token). */
export interface RoomMember {
  readonly connectionId: number;
  /** The user id the token was minted for; null for an anonymous reader. */
  readonly userId: string | null;
  readonly name: string;
  readonly color: string;
  readonly fileId: string | null;
  readonly path: string | null;
  /** The connection's Yjs client id: y-monaco's cursor classes are named after it. */
  readonly clientId: number | null;
}

/** Someone shown in the avatar stack: a person (all their connections) or an agent. */
export interface PresenceEntry {
  readonly key: string;
  readonly kind: 'person' | 'agent';
  readonly name: string;
  readonly initials: string;
  readonly color: string;
  /** Paths they have open, sorted. */
  readonly paths: readonly string[];
  readonly self: boolean;
}

/** Where a person or an agent is in a file, for the file list's dots. */
export interface FilePresence {
  readonly fileId: string;
  readonly name: string;
  readonly color: string;
}

/** Agents count as present while their last edit is this recent. */
export const AGENT_PRESENCE_MS = 60_000;

/** Colours outside this shape never reach a style sheet (presence is written by clients). */
const HEX_COLOR = /^#[0-9a-f]{6}$/i;
export const FALLBACK_COLOR = '#667085';

/** The colour if it is a plain `#rrggbb`, else a neutral grey. */
export function safeColor(color: unknown): string {
  return typeof color === 'string' && HEX_COLOR.test(color) ? color : FALLBACK_COLOR;
}

/** "Ada Lovelace" → "AL", "ada" → "A", "The coder" → "C". */
export function initials(name: string): string {
  const words = name
    .replace(/^the\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** Black or white, whichever reads better on `color` (WCAG relative luminance). */
export function textOn(color: string): '#000000' | '#ffffff' {
  const hex = safeColor(color).slice(1);
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  // Contrast with white (1.05 / (L + 0.05)) against contrast with black ((L + 0.05) / 0.05).
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** The people in the room, one entry per user however many tabs they have open; the caller first. */
export function peopleOf(self: RoomMember | null, others: readonly RoomMember[]): PresenceEntry[] {
  const byKey = new Map<string, { member: RoomMember; paths: Set<string>; self: boolean }>();
  const add = (member: RoomMember, isSelf: boolean) => {
    const key = member.userId ? `user:${member.userId}` : `connection:${member.connectionId}`;
    const entry = byKey.get(key) ?? { member, paths: new Set<string>(), self: false };
    if (member.path) entry.paths.add(member.path);
    entry.self ||= isSelf;
    byKey.set(key, entry);
  };
  if (self) add(self, true);
  others.forEach((member) => add(member, false));
  return [...byKey.entries()].map(([key, { member, paths, self: isSelf }]) => ({
    key,
    kind: 'person',
    name: member.name,
    initials: initials(member.name),
    color: safeColor(member.color),
    paths: [...paths].sort(),
    self: isSelf,
  }));
}

/** Agents that edited within {@link AGENT_PRESENCE_MS} of `now`, most recent first. */
export function activeAgents(cursors: readonly AgentCursor[], now: number): AgentCursor[] {
  return cursors
    .filter((cursor) => now - Date.parse(cursor.at) < AGENT_PRESENCE_MS)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** Agents as avatar stack entries. */
export function agentEntries(agents: readonly AgentCursor[]): PresenceEntry[] {
  return agents.map((agent) => ({
    key: `agent:${agent.role}`,
    kind: 'agent',
    name: agent.name,
    initials: initials(agent.name),
    color: safeColor(agent.color),
    paths: agent.path ? [agent.path] : [],
    self: false,
  }));
}

/** Who has which file open (other people and active agents), for dots in the file list. */
export function filePresence(
  others: readonly RoomMember[],
  agents: readonly AgentCursor[],
): FilePresence[] {
  const seen = new Set<string>();
  const out: FilePresence[] = [];
  const add = (key: string, entry: FilePresence) => {
    if (seen.has(key)) return;
    seen.add(key);
    out.push(entry);
  };
  for (const member of others) {
    if (!member.fileId) continue;
    const who = member.userId ?? `c${member.connectionId}`;
    add(`${who}:${member.fileId}`, {
      fileId: member.fileId,
      name: member.name,
      color: safeColor(member.color),
    });
  }
  for (const agent of agents) {
    add(`agent:${agent.role}:${agent.fileId}`, {
      fileId: agent.fileId,
      name: agent.name,
      color: safeColor(agent.color),
    });
  }
  return out;
}

/** Reads a root `agents` map value; anything not shaped like an {@link AgentCursor} is ignored. */
export function asAgentCursor(value: unknown): AgentCursor | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const strings = ['role', 'name', 'color', 'fileId', 'path', 'at'] as const;
  if (strings.some((key) => typeof v[key] !== 'string')) return null;
  if (Number.isNaN(Date.parse(v['at'] as string))) return null;
  return value as AgentCursor;
}
