/**
 * What a chat message's text points at: `path:line` file references the client opens, and `@name` mentions of
 * people and agents. Pure functions of the text and the room's members, so send and edit parse alike.
 */
import type { ChatFileRef } from './room.entities';

/** At most this many references per message (a pasted stack trace should not become a wall of links). */
export const MAX_REFS = 20;

/**
 * A path (segments of word characters, dots and dashes) and `:line` or `:start-end`. Nothing path-like may come
 * right before it, so `https://host.com:8080` and `a@b.io:3` do not match in their middle.
 */
const REF = /(?<![\w./@:~-])((?:[\w.-]+\/)*[\w.-]+):(\d{1,7})(?:-(\d{1,7}))?(?![\w/])/g;

/** Without a folder, a path is only taken for a file when its extension is a source file's (not a host's `.com`). */
const SOURCE_EXTENSIONS = new Set(
  (
    'ts tsx mts cts js jsx mjs cjs json jsonc md mdx py pyi go rs java kt kts scala rb php c h cc cpp hpp cs fs swift m ' +
    'css scss sass less html htm vue svelte astro yml yaml toml ini cfg conf sql sh bash zsh ps1 txt graphql gql xml ' +
    'gradle lock env dart lua r ex exs erl hs ml clj proto tf'
  ).split(' '),
);
const BARE_NAMES = new Set(['Dockerfile', 'Makefile', 'Procfile', 'Gemfile', 'Rakefile', 'Jenkinsfile']);

function plausiblePath(path: string): boolean {
  const segments = path.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return false;
  const name = segments[segments.length - 1]!;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (segments.length > 1) return !extension || /[a-z]/i.test(extension);
  return BARE_NAMES.has(name) || SOURCE_EXTENSIONS.has(extension.toLowerCase());
}

/** The file references in `text`, in order, once each; a range `a.ts:12-20` points at its first line. */
export function parseRefs(text: string): ChatFileRef[] {
  const refs: ChatFileRef[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(REF)) {
    const [, path, line] = match as unknown as [string, string, string];
    const lineNumber = Number(line);
    if (lineNumber < 1 || !plausiblePath(path)) continue;
    const key = `${path}:${lineNumber}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ path, line: lineNumber });
    if (refs.length === MAX_REFS) break;
  }
  return refs;
}

/** Someone (or something) a message may mention by name. */
export interface MentionCandidate {
  /** A user id for people, the role for agents. */
  id: string;
  name: string;
  kind: 'user' | 'agent';
}

export interface ParsedMentions {
  /** Mentioned people's ids, in order, once each. */
  userIds: string[];
  /** Mentioned agent roles, in order, once each. */
  agentRoles: string[];
}

const WORD = /[\p{L}\p{N}_]/u;

/**
 * `@name` mentions: after each `@` that does not follow a word character (so `ada@example.com` mentions nobody),
 * the longest candidate name that matches case-insensitively and ends at a word boundary. Names may contain
 * spaces (`@Ada Lovelace`); when a person and an agent match equally long, the agent wins (`@reviewer` asks it).
 */
export function parseMentions(text: string, candidates: readonly MentionCandidate[]): ParsedMentions {
  const usable = candidates
    .filter((c) => c.name.trim() !== '')
    .map((c) => ({ ...c, lower: c.name.trim().toLowerCase() }))
    .sort((a, b) => b.lower.length - a.lower.length || (a.kind === b.kind ? 0 : a.kind === 'agent' ? -1 : 1));
  const lower = text.toLowerCase();
  const userIds = new Set<string>();
  const agentRoles = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && WORD.test(lower[at - 1]!)) continue;
    const hit = usable.find((c) => lower.startsWith(c.lower, at + 1) && !WORD.test(lower[at + 1 + c.lower.length] ?? ' '));
    if (!hit) continue;
    (hit.kind === 'user' ? userIds : agentRoles).add(hit.id);
  }
  return { userIds: [...userIds], agentRoles: [...agentRoles] };
}
