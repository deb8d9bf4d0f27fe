import type { TreeRow } from './file-tree';

/** What a key pressed on a tree row asks for (WAI-ARIA tree view pattern, plus F2 and Delete). */
export type TreeKeyAction =
  | { readonly kind: 'focus'; readonly path: string }
  | { readonly kind: 'toggle'; readonly path: string }
  | { readonly kind: 'activate' | 'rename' | 'delete' | 'menu' };

/** The action of `key` on `rows[at]`, or null when the tree does not handle the key. */
export function treeKeyAction(
  key: { readonly key: string; readonly shiftKey: boolean },
  rows: readonly TreeRow[],
  at: number,
): TreeKeyAction | null {
  const row = rows[at];
  if (!row) return null;
  const focus = (index: number): TreeKeyAction | null => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, index))];
    return target ? { kind: 'focus', path: target.node.path } : null;
  };
  const { node } = row;
  const folder = node.kind === 'folder';
  switch (key.key) {
    case 'ArrowDown':
      return focus(at + 1);
    case 'ArrowUp':
      return focus(at - 1);
    case 'Home':
      return focus(0);
    case 'End':
      return focus(rows.length - 1);
    case 'ArrowRight':
      if (folder && !row.expanded) return { kind: 'toggle', path: node.path };
      return folder && node.children.length ? focus(at + 1) : { kind: 'focus', path: node.path };
    case 'ArrowLeft':
      if (folder && row.expanded) return { kind: 'toggle', path: node.path };
      return { kind: 'focus', path: row.parent || node.path };
    case 'Enter':
    case ' ':
      return { kind: 'activate' };
    case 'F2':
      return { kind: 'rename' };
    case 'Delete':
      return { kind: 'delete' };
    case 'ContextMenu':
      return { kind: 'menu' };
    case 'F10':
      return key.shiftKey ? { kind: 'menu' } : null;
    default:
      return null;
  }
}
