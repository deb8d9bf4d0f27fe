import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, catchError, firstValueFrom, map, of } from 'rxjs';
import {
  CreateFileDocument,
  CreateFolderDocument,
  CurrentFileContentDocument,
  DeletePathDocument,
  FileTreeDocument,
  FileVersionContentDocument,
  FileVersionsDocument,
  MovePathDocument,
  RestoreFileVersionDocument,
  type FileVersionEntryFragment,
} from '../../../../generated/files';
import { type FileResult, toFileError } from '../models/file-error';
import type { FileTreeData, TreeFile } from '../models/file-tree';

export type FileVersionEntry = FileVersionEntryFragment;

export type { FileTreeData } from '../models/file-tree';

/** The text of a file or of one of its versions; `content` is null for binary. */
export interface FileText {
  readonly path: string;
  readonly binary: boolean;
  readonly content: string | null;
}

/**
 * The workspace's file operations over GraphQL. Each call resolves to a `FileResult`: failures (a taken
 * path, an archived project, no network) are values to show, never exceptions.
 */
@Injectable({ providedIn: 'root' })
export class FilesApi {
  private readonly apollo = inject(Apollo);

  tree(projectId: string): Promise<FileResult<FileTreeData>> {
    return settle(
      this.apollo.query({ query: FileTreeDocument, variables: { id: projectId }, fetchPolicy: 'network-only' }),
      (d) => d.project && { files: d.project.files, folders: d.project.folders },
    );
  }

  createFile(projectId: string, path: string): Promise<FileResult<TreeFile>> {
    return settle(
      this.apollo.mutate({ mutation: CreateFileDocument, variables: { projectId, path } }),
      (d) => d.createFile,
    );
  }

  createFolder(projectId: string, path: string): Promise<FileResult<string>> {
    return settle(
      this.apollo.mutate({ mutation: CreateFolderDocument, variables: { projectId, path } }),
      (d) => d.createFolder,
    );
  }

  /** Renames or moves a file or a folder; resolves to the new path. */
  move(projectId: string, from: string, to: string): Promise<FileResult<string>> {
    return settle(
      this.apollo.mutate({ mutation: MovePathDocument, variables: { projectId, from, to } }),
      (d) => d.movePath,
    );
  }

  /** Deletes a file or a folder with everything under it; resolves to how many files went. */
  delete(projectId: string, path: string): Promise<FileResult<number>> {
    return settle(
      this.apollo.mutate({ mutation: DeletePathDocument, variables: { projectId, path } }),
      (d) => d.deletePath,
    );
  }

  /** The file's versions, newest first. */
  versions(fileId: string, limit = 100): Promise<FileResult<readonly FileVersionEntry[]>> {
    return settle(
      this.apollo.query({
        query: FileVersionsDocument,
        variables: { fileId, limit },
        fetchPolicy: 'network-only',
      }),
      (d) => d.fileVersions,
    );
  }

  versionText(versionId: string): Promise<FileResult<FileText>> {
    return settle(
      this.apollo.query({
        query: FileVersionContentDocument,
        variables: { id: versionId },
        fetchPolicy: 'network-only',
      }),
      (d) => d.fileVersion,
    );
  }

  /** The file's durable content now (what the last flush or server write stored). */
  currentText(projectId: string, path: string): Promise<FileResult<FileText>> {
    return settle(
      this.apollo.query({
        query: CurrentFileContentDocument,
        variables: { id: projectId, path },
        fetchPolicy: 'network-only',
      }),
      (d) => d.project?.file,
    );
  }

  restore(versionId: string): Promise<FileResult<TreeFile>> {
    return settle(
      this.apollo.mutate({ mutation: RestoreFileVersionDocument, variables: { versionId } }),
      (d) => d.restoreFileVersion,
    );
  }
}

const NOT_FOUND = { ok: false, error: { code: 'NOT_FOUND', message: 'Not found.' } } as const;

/** The first outcome of an Apollo call as a `FileResult`; a missing value is NOT_FOUND. */
function settle<D, T>(
  source: Observable<{ readonly data?: D | null; readonly error?: unknown }>,
  pick: (data: D) => T | null | undefined,
): Promise<FileResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): FileResult<T> => {
        if (outcome.error) return { ok: false, error: toFileError(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? NOT_FOUND : { ok: true, value };
      }),
      catchError((error: unknown) => of<FileResult<T>>({ ok: false, error: toFileError(error) })),
    ),
  );
}
