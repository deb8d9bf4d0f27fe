/**
 * The live editor: Monaco bound to a file's Yjs text by y-monaco, in the lazy chunk that carries Monaco.
 * Each opened file gets an editor of its own, so nothing y-monaco attaches to an editor outlives its file.
 */
import { MonacoBinding } from 'y-monaco';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { monaco, monacoLanguage, setupMonaco } from '../../../shared/code-viewer/monaco-setup';
import { agentClass } from './cursor-styles';
import type {
  AgentMark,
  LiveEditorEngine,
  LiveEditorInstance,
  LiveEditorOptions,
  StoredEditorOptions,
} from './live-editor.types';

/** For the theme service: Monaco's theme is global, set once for every editor. */
export { monaco };

export async function loadMonacoLiveEngine(): Promise<LiveEditorEngine> {
  await setupMonaco();
  return { createLive, createStored };
}

const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  fontSize: 13,
  // Room above the first line for the name labels over carets.
  padding: { top: 18 },
  // Suggestions and hovers may leave the editor's box (it sits in a flex layout with overflow hidden).
  fixedOverflowWidgets: true,
};

/** The file's URI (its extension drives the TypeScript service), unless another editor holds that model. */
function freeUri(path: string): monaco.Uri {
  const uri = monaco.Uri.file(path);
  if (!monaco.editor.getModel(uri)) return uri;
  for (let copy = 1; ; copy++) {
    const other = uri.with({ query: `copy=${copy}` });
    if (!monaco.editor.getModel(other)) return other;
  }
}

function createLive(host: HTMLElement, options: LiveEditorOptions): LiveEditorInstance {
  const { path, language, text, awareness } = options;
  const model = monaco.editor.createModel(text.toString(), monacoLanguage(language), freeUri(path));
  const editor = monaco.editor.create(host, {
    ...EDITOR_OPTIONS,
    model,
    readOnly: options.readOnly,
  });
  let binding: MonacoBinding | null = new MonacoBinding(
    text,
    model,
    new Set([editor]),
    awareness as unknown as Awareness | null,
  );
  // Per-person undo: only this editor's own changes (the binding's transactions), never others' or agents'.
  const undo = new Y.UndoManager(text, { trackedOrigins: new Set([binding]) });
  const whenWritable = (action: () => void) => () => {
    if (binding && !editor.getOption(monaco.editor.EditorOption.readOnly)) action();
  };
  const { KeyMod, KeyCode } = monaco;
  editor.addCommand(
    KeyMod.CtrlCmd | KeyCode.KeyZ,
    whenWritable(() => undo.undo()),
  );
  editor.addCommand(
    KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ,
    whenWritable(() => undo.redo()),
  );
  editor.addCommand(
    KeyMod.CtrlCmd | KeyCode.KeyY,
    whenWritable(() => undo.redo()),
  );
  const agents = editor.createDecorationsCollection();

  return {
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly: readOnly || !binding }),
    setAgentCursors: (marks) => agents.set(marks.flatMap((mark) => agentDecorations(model, mark))),
    revealLine: (line) => revealLine(editor, line),
    detach: () => {
      binding?.destroy();
      binding = null;
      undo.destroy();
      editor.updateOptions({ readOnly: true });
    },
    dispose: () => {
      if (binding) undo.destroy();
      editor.dispose();
      // Also ends the binding (it listens for its model's disposal).
      model.dispose();
    },
  };
}

function createStored(host: HTMLElement, options: StoredEditorOptions): LiveEditorInstance {
  const model = monaco.editor.createModel(
    options.content,
    monacoLanguage(options.language),
    freeUri(options.path),
  );
  const editor = monaco.editor.create(host, { ...EDITOR_OPTIONS, model, readOnly: true });
  return {
    setReadOnly: () => undefined,
    setAgentCursors: () => undefined,
    detach: () => undefined,
    revealLine: (line) => revealLine(editor, line),
    dispose: () => {
      editor.dispose();
      model.dispose();
    },
  };
}

function revealLine(editor: monaco.editor.IStandaloneCodeEditor, line: number): void {
  const lineNumber = Math.min(Math.max(1, Math.floor(line)), editor.getModel()?.getLineCount() ?? 1);
  editor.setPosition({ lineNumber, column: 1 });
  editor.revealLineInCenter(lineNumber);
  editor.focus();
}

/** An agent's caret (a bar with its name, styled per role by the page) and a tint on its line. */
function agentDecorations(
  model: monaco.editor.ITextModel,
  mark: AgentMark,
): monaco.editor.IModelDeltaDecoration[] {
  const at = model.getPositionAt(mark.index);
  const role = agentClass(mark.role);
  return [
    {
      range: new monaco.Range(at.lineNumber, at.column, at.lineNumber, at.column),
      options: {
        afterContentClassName: `agentCursor ${role}`,
        hoverMessage: { value: `${mark.name} edited here` },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    },
    {
      range: new monaco.Range(at.lineNumber, 1, at.lineNumber, 1),
      options: {
        isWholeLine: true,
        className: `agentLine-${role.slice('agentCursor-'.length)}`,
      },
    },
  ];
}
