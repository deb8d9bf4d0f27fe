import { can, canEditFiles, type Actor, type Resource } from '../access/policy';

/** Why a room is read-only for someone, in words the editor shows. */
export const READ_ONLY_REASONS = {
  viewer: 'You can view this project but not edit it.',
  archived: 'This project is archived: restore it to edit.',
  binary: 'This is a binary file: download it to see its contents.',
  tooLarge: 'This file is too large to edit live (over 1 MB).',
} as const;

/** What someone may do in a project's room: `write` edits its documents, `read` watches (and shows presence). */
export type RoomAccess = { access: 'write'; reason: null } | { access: 'read'; reason: string };

/**
 * The access `/liveblocks-auth` grants and `openFile` reports: `write` with project:update on a project that is
 * not archived, `read` with project:read, null without it. Pure, like `can()`, so the matrix can be tested whole.
 */
export function roomAccess(actor: Actor, project: Extract<Resource, { kind: 'project' }>, archived: boolean): RoomAccess | null {
  const editor = canEditFiles(actor, project);
  if (editor && !archived) return { access: 'write', reason: null };
  if (!can(actor, 'project:read', project)) return null;
  return { access: 'read', reason: editor ? READ_ONLY_REASONS.archived : READ_ONLY_REASONS.viewer };
}
