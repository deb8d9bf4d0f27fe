/**
 * The tree a list of file paths and explicit folders makes, and the rows it shows with some folders
 * expanded. Pure functions: the component keeps only the state (which folders are open, which row is
 * focused).
 */

/** A file as the tree lists it (no content). */
export interface TreeFile {
  readonly id: string;
  readonly path: string;
  readonly size: number;
  readonly binary: boolean;
}

/** A project's files and explicit (possibly empty) folders, as the tree lists them. */
export interface FileTreeData {
  readonly files: readonly TreeFile[];
  readonly folders: readonly string[];
}

/** Someone who has a file open (Liveblocks presence, passed in by the workspace page). */
export interface FilePresence {
  readonly fileId: string;
  readonly name: string;
  readonly color: string;
}

export interface FolderNode {
  readonly kind: 'folder';
  readonly name: string;
  /** '' for the project's root. */
  readonly path: string;
  readonly children: readonly TreeNode[];
  /** Files anywhere under it. */
  readonly fileCount: number;
}

export interface FileNode {
  readonly kind: 'file';
  readonly name: string;
  readonly path: string;
  readonly file: TreeFile;
}

export type TreeNode = FolderNode | FileNode;

/** One visible line of the tree. */
export interface TreeRow {
  readonly node: TreeNode;
  /** 1 for the root's children (aria-level). */
  readonly level: number;
  readonly parent: string;
  readonly expanded: boolean;
}

/** The root folder of the given files and explicit folders: folders first, then by name, as people sort. */
export function buildTree(files: readonly TreeFile[], folders: readonly string[]): FolderNode {
  interface Draft {
    folders: Map<string, Draft>;
    files: FileNode[];
  }
  const root: Draft = { folders: new Map(), files: [] };
  const folderOf = (segments: readonly string[]): Draft => {
    let at = root;
    for (const segment of segments) {
      let next = at.folders.get(segment);
      if (!next) at.folders.set(segment, (next = { folders: new Map(), files: [] }));
      at = next;
    }
    return at;
  };
  for (const folder of folders) folderOf(segmentsOf(folder));
  for (const file of files) {
    const segments = segmentsOf(file.path);
    const name = segments.pop();
    if (name) folderOf(segments).files.push({ kind: 'file', name, path: file.path, file });
  }
  const finish = (draft: Draft, name: string, path: string): FolderNode => {
    const subfolders = [...draft.folders]
      .map(([child, sub]) => finish(sub, child, joinPath(path, child)))
      .sort(byName);
    const fileCount = subfolders.reduce((n, f) => n + f.fileCount, draft.files.length);
    return { kind: 'folder', name, path, children: [...subfolders, ...draft.files.sort(byName)], fileCount };
  };
  return finish(root, '', '');
}

/** The rows shown when exactly the `expanded` folders are open. */
export function visibleRows(root: FolderNode, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: FolderNode, level: number) => {
    for (const node of folder.children) {
      const open = node.kind === 'folder' && expanded.has(node.path);
      rows.push({ node, level, parent: folder.path, expanded: open });
      if (open) walk(node as FolderNode, level + 1);
    }
  };
  walk(root, 1);
  return rows;
}

/** Every folder path of the tree (for "Move to…"), root excluded, in tree order. */
export function allFolders(root: FolderNode): string[] {
  const out: string[] = [];
  const walk = (folder: FolderNode) => {
    for (const node of folder.children) {
      if (node.kind !== 'folder') continue;
      out.push(node.path);
      walk(node);
    }
  };
  walk(root);
  return out;
}

/** The folders that hold a path, outermost first ('a/b/c.ts' → ['a', 'a/b']). */
export function ancestorsOf(path: string): string[] {
  const segments = segmentsOf(path);
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
}

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(folder: string, name: string): string {
  return folder ? `${folder}/${name}` : name;
}

/** Whether `path` is `folder` itself or lies under it. */
export function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder}/`);
}

/** `path` with its `from` prefix replaced by `to` (after a folder moved), or unchanged. */
export function movedPath(path: string, from: string, to: string): string {
  return isWithin(path, from) ? to + path.slice(from.length) : path;
}

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function byName(a: TreeNode, b: TreeNode): number {
  return collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
