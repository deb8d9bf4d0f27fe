import {
  allFolders,
  ancestorsOf,
  buildTree,
  movedPath,
  visibleRows,
  type FolderNode,
  type TreeFile,
} from './file-tree';

const file = (path: string, binary = false): TreeFile => ({ id: `f:${path}`, path, size: 10, binary });
const names = (folder: FolderNode) => folder.children.map((c) => `${c.kind === 'folder' ? 'd' : 'f'}:${c.name}`);

describe('buildTree', () => {
  it('puts folders first, then files, each in natural order, and counts the files under each folder', () => {
    const root = buildTree(
      [file('b.ts'), file('src/file10.ts'), file('src/file2.ts'), file('A.md'), file('src/lib/x.ts')],
      ['docs', 'src/empty'],
    );
    expect(names(root)).toEqual(['d:docs', 'd:src', 'f:A.md', 'f:b.ts']);
    const src = root.children[1] as FolderNode;
    expect(names(src)).toEqual(['d:empty', 'd:lib', 'f:file2.ts', 'f:file10.ts']);
    expect([root.fileCount, src.fileCount, (root.children[0] as FolderNode).fileCount]).toEqual([5, 3, 0]);
  });

  it('makes folders of explicit paths that hold no file, and of every level of a nested path', () => {
    const root = buildTree([], ['a/b/c']);
    expect(allFolders(root)).toEqual(['a', 'a/b', 'a/b/c']);
  });
});

describe('visibleRows', () => {
  it('shows what is under expanded folders only, with levels and parents', () => {
    const root = buildTree([file('src/app/main.ts'), file('src/index.ts'), file('README.md')], []);
    const rows = (open: string[]) =>
      visibleRows(root, new Set(open)).map((r) => [r.node.path, r.level, r.parent, r.expanded]);
    expect(rows([])).toEqual([
      ['src', 1, '', false],
      ['README.md', 1, '', false],
    ]);
    expect(rows(['src', 'src/app'])).toEqual([
      ['src', 1, '', true],
      ['src/app', 2, 'src', true],
      ['src/app/main.ts', 3, 'src/app', false],
      ['src/index.ts', 2, 'src', false],
      ['README.md', 1, '', false],
    ]);
    // An open folder inside a closed one stays hidden.
    expect(rows(['src/app']).map(([p]) => p)).toEqual(['src', 'README.md']);
  });
});

describe('paths', () => {
  it('lists ancestors and follows a moved folder', () => {
    expect(ancestorsOf('a/b/c.ts')).toEqual(['a', 'a/b']);
    expect(ancestorsOf('c.ts')).toEqual([]);
    expect(movedPath('src/app/x.ts', 'src', 'lib')).toBe('lib/app/x.ts');
    expect(movedPath('srcs/x.ts', 'src', 'lib')).toBe('srcs/x.ts');
    expect(movedPath('src', 'src', 'lib')).toBe('lib');
  });
});
