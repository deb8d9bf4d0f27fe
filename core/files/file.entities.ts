import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps, type Ref } from '@mikro-orm/core';
import { Project } from '../project/project.entity';

/** Who made a version: a person (flushed edits, uploads, restores), an agent, or the platform (scaffold). */
export type VersionAuthorKind = 'user' | 'agent' | 'system';
/** Why a version was recorded. */
export type VersionReason = 'flush' | 'agent' | 'restore' | 'upload' | 'create' | 'scaffold';

/**
 * One kept state of a file: recorded per flush of its live document, per agent write, upload and restore.
 * Keyed by the file's id, not its path, so a rename keeps the history; kept when the file is deleted.
 */
export class ProjectFileVersion {
  [OptionalProps]?: 'createdAt' | 'binary' | 'authorId';
  id: string = randomUUID();
  project!: Ref<Project>;
  fileId!: string;
  /** The path when the version was made. */
  path!: string;
  content!: string;
  binary = false;
  data?: Buffer | null;
  size!: number;
  authorKind!: VersionAuthorKind;
  /** A user id, or an agent role. */
  authorId?: string | null;
  /** Shown in the history: a display name or "The coder". */
  authorName!: string;
  reason!: VersionReason;
  createdAt: Date = new Date();
}

/** A folder the user created; folders that hold files need no row (they follow from the paths). */
export class ProjectFolder {
  [OptionalProps]?: 'createdAt';
  id: string = randomUUID();
  project!: Ref<Project>;
  path!: string;
  createdAt: Date = new Date();
}

export const ProjectFileVersionSchema = new EntitySchema<ProjectFileVersion>({
  class: ProjectFileVersion,
  tableName: 'project_file_versions',
  indexes: [{ name: 'project_file_versions_file_created_index', properties: ['fileId', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade', index: true },
    fileId: { type: 'uuid' },
    path: { type: 'string', length: 512 },
    content: { type: 'text' },
    binary: { type: 'boolean', default: false },
    data: { type: 'blob', nullable: true, lazy: true },
    size: { type: 'integer' },
    authorKind: { type: 'string', length: 16 },
    authorId: { type: 'string', length: 64, nullable: true },
    authorName: { type: 'string', length: 128 },
    reason: { type: 'string', length: 16 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});

export const ProjectFolderSchema = new EntitySchema<ProjectFolder>({
  class: ProjectFolder,
  tableName: 'project_folders',
  uniques: [{ name: 'project_folders_project_path_unique', properties: ['project', 'path'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    project: { kind: 'm:1', entity: () => Project, ref: true, deleteRule: 'cascade' },
    path: { type: 'string', length: 512 },
    createdAt: { type: 'datetime', defaultRaw: 'now()', onCreate: () => new Date() },
  },
});
