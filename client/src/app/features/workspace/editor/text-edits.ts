import { diffLines } from 'diff';
import type * as Y from 'yjs';

/**
 * Turns `text` into `next` in ONE transaction with `origin` (the binding, which this person's `undo` manager
 * tracks), as line-wise inserts and deletes so untouched lines, and the carets on them, stay where they are.
 * Capturing stops before and after, so typing just before or after never merges into it: one Ctrl-Z reverts
 * exactly this edit. False when there was nothing to change.
 */
export function applyTextEdit(
  text: Y.Text,
  next: string,
  origin: unknown,
  undo: Y.UndoManager,
): boolean {
  const current = text.toString();
  if (current === next) return false;
  undo.stopCapturing();
  text.doc!.transact(() => {
    let index = 0;
    for (const part of diffLines(current, next)) {
      if (part.removed) text.delete(index, part.value.length);
      else if (part.added) {
        text.insert(index, part.value);
        index += part.value.length;
      } else index += part.value.length;
    }
  }, origin);
  undo.stopCapturing();
  return true;
}
