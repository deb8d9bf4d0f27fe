import type { FileError } from './file-error';
import { type FileTreeData, type FolderNode, type TreeNode, type TreeRow, allFolders } from './file-tree';

/** An inline name being typed: a new file or folder inside `folder`, or a new name for `path`. */
export interface TreeEdit {
  readonly mode: 'file' | 'folder' | 'rename';
  readonly folder: string;
  readonly path?: string;
  readonly value: string;
  readonly error?: FileError;
  readonly pending?: boolean;
}

/** A line of the tree as drawn: a node, or the input where a new file or folder is named. */
export type DrawnRow =
  | { readonly type: 'node'; readonly row: TreeRow }
  | { readonly type: 'draft'; readonly level: number; readonly edit: TreeEdit };

/** The rows with the new file's or folder's input first inside its folder. */
export function withDraft(rows: readonly TreeRow[], edit: TreeEdit | null): DrawnRow[] {
  const drawn: DrawnRow[] = rows.map((row) => ({ type: 'node', row }));
  if (!edit || edit.mode === 'rename') return drawn;
  if (!edit.folder) return [{ type: 'draft', level: 1, edit }, ...drawn];
  const at = rows.findIndex((r) => r.node.path === edit.folder);
  const level = (rows[at]?.level ?? 0) + 1;
  drawn.splice(at + 1, 0, { type: 'draft', level, edit });
  return drawn;
}

export function foldersUpTo(root: FolderNode, depth: number): string[] {
  return allFolders(root).filter((path) => path.split('/').length <= depth);
}

export function deleteQuestion(node: TreeNode): string {
  if (node.kind === 'file') return `Delete “${node.path}”? This cannot be undone.`;
  const n = node.fileCount;
  if (n === 0) return `Delete the empty folder “${node.path}”?`;
  return `Delete the folder “${node.path}” and the ${n === 1 ? 'file' : `${n} files`} in it? This cannot be undone.`;
}

/** Same files and folders (the page may hand over equal data in a new array). */
export function sameTree(a: FileTreeData, b: FileTreeData): boolean {
  return (
    a.files.length === b.files.length &&
    a.folders.length === b.folders.length &&
    a.folders.every((f, i) => f === b.folders[i]) &&
    a.files.every((f, i) => {
      const g = b.files[i];
      return !!g && f.id === g.id && f.path === g.path && f.size === g.size && f.binary === g.binary;
    })
  );
}
