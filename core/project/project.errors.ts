import { ErrorCode } from '../../contracts/errors';
import { ConflictError } from '../shared/domain.errors';
import type { Project } from './project.entity';

/** Thrown when something would change an archived project, which is read-only until restored. */
export class ProjectArchivedError extends ConflictError {
  override readonly name = 'ProjectArchivedError';
  override readonly code = ErrorCode.PROJECT_ARCHIVED;
  constructor(readonly projectId: string) {
    super('This project is archived, so it is read-only: restore it first');
  }
}

/** Thrown when a destructive action's typed confirmation (the project's name) does not match. */
export class ConfirmationMismatchError extends ConflictError {
  override readonly name = 'ConfirmationMismatchError';
  override readonly code = ErrorCode.CONFIRMATION_MISMATCH;
  constructor(readonly expected: string) {
    super(`Type the project's name exactly ("${expected}") to confirm`);
  }
}

/** Thrown when a rename would give the owner two projects of one name. */
export class ProjectNameTakenError extends ConflictError {
  override readonly name = 'ProjectNameTakenError';
  constructor(
    readonly projectName: string,
    ownedByViewer: boolean,
  ) {
    super(
      ownedByViewer
        ? `You already have a project named "${projectName}"`
        : `The project's creator already has a project named "${projectName}"`,
    );
  }
}

/** Refuses any change to an archived project (file edits, builds, sandboxes, renames). */
export function assertNotArchived(project: Pick<Project, 'id' | 'archivedAt'>): void {
  if (project.archivedAt) throw new ProjectArchivedError(project.id);
}
