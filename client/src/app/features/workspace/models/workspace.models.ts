/**
 * The workspace's shapes as the GraphQL API returns them (see api/src/graphql: project, files, collab),
 * generated; and what the page derives from them.
 */
import { EventType } from '@contracts/events';
import type {
  CollaborationFragment,
  OpenFileMutation,
  WorkspaceFileFragment,
  WorkspaceProjectFragment,
} from '../../../generated/workspace';

export type Collaboration = CollaborationFragment;
export type WorkspaceFile = WorkspaceFileFragment;
export type WorkspaceProject = WorkspaceProjectFragment;
/** A project event as far as the workspace reads it. */
export interface WorkspaceEvent {
  readonly type: string;
  readonly message: string;
  readonly data: unknown;
}
export type OpenedFile = OpenFileMutation['openFile'];

/** The workspace query's answer. */
export interface Workspace {
  readonly project: WorkspaceProject;
  readonly collaboration: Collaboration;
}

/** A deletion: which files (or the path under which all went) and who deleted them. */
export interface Deletion {
  readonly fileIds: readonly string[];
  readonly path: string | null;
  readonly by: string | null;
}

/**
 * Reads a `file.deleted` event: data `{ fileIds, path, folder, by }` (`by` is a user id; the message,
 * "Ada deleted src/a.ts", names the person). A `byName` in the data, if a server sends one, wins.
 */
export function deletionOf(event: WorkspaceEvent): Deletion | null {
  if (event.type !== EventType.FILE_DELETED) return null;
  const data = (event.data ?? {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === 'string' && value ? value : null);
  const ids = Array.isArray(data['fileIds']) ? data['fileIds'] : [data['fileId']];
  const cut = event.message.indexOf(' deleted ');
  return {
    fileIds: ids.filter((id): id is string => typeof id === 'string'),
    path: str(data['path']),
    by: str(data['byName']) ?? (cut > 0 ? event.message.slice(0, cut) : null),
  };
}

/** Whether a deletion covers the file: by id, else the file's path or a folder above it. */
export function deletes(deletion: Deletion, file: { id: string; path: string }): boolean {
  if (deletion.fileIds.length) return deletion.fileIds.includes(file.id);
  if (!deletion.path) return false;
  return deletion.path === file.path || file.path.startsWith(`${deletion.path}/`);
}

/** Why a file cannot be edited here, in words; null when it can. */
export function readOnlyReason(
  project: WorkspaceProject,
  file: WorkspaceFile,
  opened: OpenedFile | null,
): string | null {
  if (file.binary) return 'This is a binary file: it can be downloaded, not edited as text.';
  // The server's words first: it decides (and enforces) what this person may do with this file.
  if (opened?.readOnly) return describeReason(opened.reason);
  if (project.archivedAt) return 'This project is archived: restore it to edit.';
  if (!project.myAccess.canEdit) return 'You can read this project but not edit it.';
  return null;
}

const REASONS: Readonly<Record<string, string>> = {
  viewer: 'You can read this project but not edit it.',
  archived: 'This project is archived: restore it to edit.',
  too_large: 'This file is too large to edit in the browser.',
  binary: 'This is a binary file: it can be downloaded, not edited as text.',
};

/** The server's reason (a code such as `too_large`, or a sentence) as a sentence. */
export function describeReason(reason: string | null): string {
  if (!reason) return 'This file is read-only.';
  return (
    REASONS[
      reason
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    ] ?? reason
  );
}
