/**
 * Live co-editing from the API's side: who may enter a project's room and with what access, opening a file's
 * live document for the editor, and telling the project's room workflow which documents people edited.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { projectRoomWorkflow } from '../../workflows';
import { projectRoomId } from '../../contracts/collab';
import { ErrorCode } from '../../contracts/errors';
import { filesEditedSignal, type FilesEdited } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';
import { loadActor } from '../access/actor';
import { can, canEditFiles } from '../access/policy';
import { Project, ProjectFile } from '../project/project.entity';
import { asResource } from '../project/project.service';
import { ForbiddenError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import type { LiveDocs } from './live-docs';
import { READ_ONLY_REASONS, roomAccess, type RoomAccess } from './room-access';

/** Files larger than this (bytes) open read-only: a live document of several megabytes is slow for everyone. */
export const LIVE_FILE_MAX_BYTES = 1024 * 1024;
/** The most documents one `filesEdited` call may name (the client batches a debounce window's edits). */
export const FILES_EDITED_MAX = 100;
/** Liveblocks client throttle: 16 ms is the floor and gives about one frame of edit propagation. */
export const COLLAB_THROTTLE_MS = 16;

/** Thrown when live collaboration is not configured (no LIVEBLOCKS_SECRET_KEY) or Liveblocks cannot be reached. */
export class CollaborationUnavailableError extends Error {
  override readonly name = 'CollaborationUnavailableError';
  readonly code = ErrorCode.COLLABORATION_UNAVAILABLE;
  constructor(options?: { cause?: unknown }) {
    super('Live collaboration is unavailable right now; files can still be read.', options);
  }
}

/** A project and what the viewer may do in its room. */
export type RoomGrant = RoomAccess & { project: Project };

/** The answer to `openFile`. */
export interface OpenedFile {
  fileId: string;
  roomId: string;
  readOnly: boolean;
  reason: string | null;
}

/** A person's cursor colour, stable per user id (agents have theirs in contracts/collab.ts). */
export function personColor(id: string): string {
  const palette = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#469990', '#9a6324', '#800000', '#808000', '#000075'];
  return palette[createHash('sha256').update(id).digest().readUInt32BE(0) % palette.length]!;
}

/** Per-request collaboration operations (over the request's entity manager). */
export class CollabService {
  constructor(
    private readonly em: EntityManager,
    private readonly live: LiveDocs | null,
    private readonly temporal: Client,
    private readonly taskQueue: string,
    /** Whether the browser reaches Liveblocks through the app's origin (the embedded dev server). */
    private readonly proxied: boolean,
  ) {}

  /** What the client needs to set up its Liveblocks client. */
  settings(): { enabled: boolean; proxied: boolean; throttleMs: number } {
    return { enabled: this.live !== null, proxied: this.live !== null && this.proxied, throttleMs: COLLAB_THROTTLE_MS };
  }

  /** The viewer's access to the project's room ({@link roomAccess}); null when they may not read it or it does not exist. */
  async grant(viewerId: string | null, projectId: string): Promise<RoomGrant | null> {
    const project = isUuid(projectId) ? await this.em.findOne(Project, { id: projectId }) : null;
    if (!project) return null;
    const access = roomAccess(await loadActor(this.em, viewerId), asResource(project), Boolean(project.archivedAt));
    return access && { ...access, project };
  }

  /**
   * Registers and seeds the file's live document so the editor can load it. Binary and large files are not
   * made live: they open read-only, with the reason.
   */
  async openFile(viewerId: string | null, projectId: string, fileId: string): Promise<OpenedFile> {
    const live = this.requireLive();
    const grant = await this.grant(viewerId, projectId);
    if (!grant) throw new NotFoundError('Project', projectId);
    const file = isUuid(fileId) ? await this.em.findOne(ProjectFile, { id: fileId, project: projectId }) : null;
    if (!file) throw new NotFoundError('File', fileId);
    const opened = { fileId, roomId: projectRoomId(projectId) };
    if (file.binary) return { ...opened, readOnly: true, reason: READ_ONLY_REASONS.binary };
    if (file.size > LIVE_FILE_MAX_BYTES) return { ...opened, readOnly: true, reason: READ_ONLY_REASONS.tooLarge };
    try {
      await live.ensure(projectId, fileId, file.content);
    } catch (error) {
      throw new CollaborationUnavailableError({ cause: error });
    }
    return { ...opened, readOnly: grant.access !== 'write', reason: grant.reason };
  }

  /**
   * Signals the project's room workflow (starting it when no run is open) that `fileIds` were edited, so it
   * flushes them to PostgreSQL soon. Allowed on an archived project: edits made before it was archived are
   * still the user's work and must not be lost.
   */
  async filesEdited(viewerId: string, projectId: string, fileIds: readonly string[]): Promise<true> {
    this.requireLive();
    const ids = [...new Set(fileIds)];
    if (ids.length === 0 || ids.length > FILES_EDITED_MAX) {
      throw new ValidationError([{ field: 'fileIds', message: `Name between 1 and ${FILES_EDITED_MAX} files` }]);
    }
    if (!ids.every(isUuid)) throw new ValidationError([{ field: 'fileIds', message: 'Each file id must be a UUID' }]);
    const project = isUuid(projectId) ? await this.em.findOne(Project, { id: projectId }) : null;
    const actor = await loadActor(this.em, viewerId);
    if (!project || !can(actor, 'project:read', asResource(project))) throw new NotFoundError('Project', projectId);
    if (!canEditFiles(actor, asResource(project))) throw new ForbiddenError('Only the project’s editors can edit its files');
    const found = new Set((await this.em.find(ProjectFile, { id: { $in: ids }, project: projectId }, { fields: ['id'] })).map((f) => f.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw new NotFoundError('File', missing);
    try {
      await this.temporal.workflow.signalWithStart<typeof projectRoomWorkflow, [FilesEdited]>('projectRoomWorkflow', {
        workflowId: workflowIds.projectRoom(projectId),
        taskQueue: this.taskQueue,
        args: [{ projectId }],
        signal: filesEditedSignal,
        signalArgs: [{ fileIds: ids, userId: viewerId }],
      });
    } catch (error) {
      // The client retries until accepted; the edits are safe in the live documents meanwhile.
      throw new ServiceUnavailableError('Saving edits', { cause: error });
    }
    return true;
  }

  private requireLive(): LiveDocs {
    if (!this.live) throw new CollaborationUnavailableError();
    return this.live;
  }
}
