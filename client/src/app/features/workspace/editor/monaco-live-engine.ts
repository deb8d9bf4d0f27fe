/**
 * The live editor: Monaco bound to a file's Yjs text by y-monaco, in the lazy chunk that carries Monaco.
 * Each opened file gets an editor of its own, so nothing y-monaco attaches to an editor outlives its file.
 */
import { MonacoBinding } from 'y-monaco';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { monaco, monacoLanguage, setupMonaco } from '../../../shared/code-viewer/monaco-setup';
import { agentClass } from './cursor-styles';
import { applyTextEdit } from './text-edits';
import type {
  AgentMark,
  EditorContextAction,
  InlineCompletionSource,
  LineSelection,
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
  const assist = assistHooks(editor, path, language);

  return {
    ...assist.instance,
    setReadOnly: (readOnly) => editor.updateOptions({ readOnly: readOnly || !binding }),
    setAgentCursors: (marks) => agents.set(marks.flatMap((mark) => agentDecorations(model, mark))),
    revealLine: (line) => revealLine(editor, line),
    applyAssistEdit: (next) =>
      !!binding &&
      !editor.getOption(monaco.editor.EditorOption.readOnly) &&
      applyTextEdit(text, next, binding, undo),
    detach: () => {
      binding?.destroy();
      binding = null;
      undo.destroy();
      editor.updateOptions({ readOnly: true });
    },
    dispose: () => {
      if (binding) undo.destroy();
      assist.dispose();
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
  const assist = assistHooks(editor, options.path, options.language);
  return {
    ...assist.instance,
    setReadOnly: () => undefined,
    setAgentCursors: () => undefined,
    detach: () => undefined,
    revealLine: (line) => revealLine(editor, line),
    applyAssistEdit: () => false,
    dispose: () => {
      assist.dispose();
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

type AssistHooks = Pick<
  LiveEditorInstance,
  'getText' | 'getSelectionLines' | 'setContextActions' | 'setInlineCompletions'
>;

/** The assist side of an editor: the selection, the context-menu entries, ghost-text completions. */
function assistHooks(
  editor: monaco.editor.IStandaloneCodeEditor,
  path: string,
  language: string,
): { instance: AssistHooks; dispose(): void } {
  let actions: monaco.IDisposable[] = [];
  let completions: monaco.IDisposable | null = null;
  const dispose = () => {
    actions.forEach((action) => action.dispose());
    actions = [];
    completions?.dispose();
    completions = null;
  };
  const instance: AssistHooks = {
    getText: () => editor.getModel()?.getValue() ?? '',
    getSelectionLines: () => selectionLines(editor),
    setContextActions: (list: readonly EditorContextAction[]) => {
      actions.forEach((action) => action.dispose());
      actions = list.map((action, order) =>
        editor.addAction({
          id: `atelier.assist.${action.id}`,
          label: action.label,
          contextMenuGroupId: '0_assist',
          contextMenuOrder: order,
          run: () => action.run(selectionLines(editor)),
        }),
      );
    },
    setInlineCompletions: (source: InlineCompletionSource | null) => {
      completions?.dispose();
      completions = source ? inlineCompletions(editor, path, language, source) : null;
    },
  };
  return { instance, dispose };
}

/** The selected lines; a selection that ends at column 1 does not take that last line. */
function selectionLines(editor: monaco.editor.IStandaloneCodeEditor): LineSelection | null {
  const selection = editor.getSelection();
  if (!selection || selection.isEmpty()) return null;
  const { startLineNumber, endLineNumber, endColumn } = selection;
  const endLine = endColumn === 1 && endLineNumber > startLineNumber ? endLineNumber - 1 : endLineNumber;
  return { startLine: startLineNumber, endLine };
}

/**
 * Ghost text for this editor's model only (providers are per language, for every model). Monaco cancels
 * the token when the person types on: that aborts the request.
 */
function inlineCompletions(
  editor: monaco.editor.IStandaloneCodeEditor,
  path: string,
  language: string,
  source: InlineCompletionSource,
): monaco.IDisposable {
  const model = editor.getModel();
  if (!model) return { dispose: () => undefined };
  return monaco.languages.registerInlineCompletionsProvider(model.getLanguageId(), {
    provideInlineCompletions: async (asked, position, _context, token) => {
      if (asked !== model || editor.getOption(monaco.editor.EditorOption.readOnly)) return { items: [] };
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      try {
        const offset = asked.getOffsetAt(position);
        const all = asked.getValue();
        const query = { path, language, prefix: all.slice(0, offset), suffix: all.slice(offset) };
        const text = await source(query, controller.signal);
        if (!text || token.isCancellationRequested) return { items: [] };
        const at = new monaco.Range(position.lineNumber, position.column, position.lineNumber, position.column);
        return { items: [{ insertText: text, range: at }] };
      } finally {
        cancelled.dispose();
      }
    },
    disposeInlineCompletions: () => undefined,
  });
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
