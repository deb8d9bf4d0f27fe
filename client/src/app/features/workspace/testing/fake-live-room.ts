/** Fakes of the workspace's two outside worlds for component tests: the Liveblocks room and Monaco. */
import { FILE_TEXT, ROOT_AGENTS_MAP, ROOT_FILES_MAP, type AgentCursor } from '@contracts/collab';
import * as Y from 'yjs';
import { applyTextEdit } from '../editor/text-edits';
import type {
  AgentMark,
  EditorContextAction,
  InlineCompletionSource,
  LineSelection,
  LiveEditorEngine,
  LiveEditorInstance,
  LiveEditorOptions,
  StoredEditorOptions,
} from '../editor/live-editor-engine';
import type { RoomMember, WorkspacePresence } from '../models/presence.models';
import type { ConnectionStatus, LiveAwareness, LiveRoom } from '../services/live-room';

/** A room member with defaults. */
export function member(overrides: Partial<RoomMember> & { connectionId: number }): RoomMember {
  return {
    userId: `u${overrides.connectionId}`,
    name: `Person ${overrides.connectionId}`,
    color: '#3f5bd9',
    fileId: null,
    path: null,
    clientId: 1000 + overrides.connectionId,
    ...overrides,
  };
}

class FakeAwareness implements LiveAwareness {
  readonly states = new Map<number, Record<string, unknown>>();
  readonly local: Record<string, unknown> = {};
  private readonly listeners = new Set<() => void>();
  constructor(readonly doc: Y.Doc) {}
  getStates() {
    return new Map([...this.states, [this.doc.clientID, this.local]]);
  }
  setLocalStateField(field: string, value: unknown) {
    this.local[field] = value;
  }
  on(_event: 'change', listener: () => void) {
    this.listeners.add(listener);
  }
  off(_event: 'change', listener: () => void) {
    this.listeners.delete(listener);
  }
  /** Another connection's state changed. */
  set(clientId: number, state: Record<string, unknown>) {
    this.states.set(clientId, state);
    this.listeners.forEach((listener) => listener());
  }
}

/**
 * A room whose server the test plays: `register` is what `openFile` does on the server, `remoteEdit` an
 * edit arriving from someone else, `setStatus` a dropped or restored connection.
 */
export class FakeLiveRoom implements LiveRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new FakeAwareness(this.doc);
  connection: ConnectionStatus = 'connected';
  me: RoomMember | null = member({ connectionId: 1, name: 'Ada Lovelace', color: '#c0392b' });
  people: RoomMember[] = [];
  writable = true;
  pending = false;
  presence: Partial<WorkspacePresence> = {};
  left = false;
  reconnects = 0;
  private readonly seeds = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  status = () => this.connection;
  self = () =>
    this.me && {
      ...this.me,
      fileId: this.presence.fileId ?? null,
      path: this.presence.path ?? null,
    };
  others = () => this.people;
  canWrite = () => this.writable;
  hasPendingChanges = () => this.pending;
  whenSynced = () => Promise.resolve();
  leave = () => void (this.left = true);
  reconnect = () => void this.reconnects++;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  updatePresence(presence: Partial<WorkspacePresence>): void {
    this.presence = { ...this.presence, ...presence };
    this.emit();
  }

  async loadDocument(subdoc: Y.Doc): Promise<void> {
    subdoc.load();
    const seed = this.seeds.get(subdoc.guid);
    const text = subdoc.getText(FILE_TEXT);
    if (seed !== undefined && text.length === 0) {
      subdoc.transact(() => text.insert(0, seed), 'backend');
    }
  }

  /** The server registers the file's document with this text (what `openFile` does). */
  register(fileId: string, text: string): void {
    this.seeds.set(fileId, text);
    this.doc.getMap<Y.Doc>(ROOT_FILES_MAP).set(fileId, new Y.Doc({ guid: fileId }));
  }

  /** The file's document leaves the room (the file was deleted). */
  unregister(fileId: string): void {
    this.doc.getMap(ROOT_FILES_MAP).delete(fileId);
  }

  text(fileId: string): Y.Text {
    const subdoc = this.doc.getMap<Y.Doc>(ROOT_FILES_MAP).get(fileId);
    if (!subdoc) throw new Error(`no document for ${fileId}`);
    return subdoc.getText(FILE_TEXT);
  }

  /** Someone else's edit arrives from the server. */
  remoteEdit(fileId: string, change: (text: Y.Text) => void): void {
    const text = this.text(fileId);
    text.doc!.transact(() => change(text), 'backend');
  }

  setAgent(cursor: AgentCursor): void {
    this.doc.getMap(ROOT_AGENTS_MAP).set(cursor.role, cursor);
  }

  setStatus(status: ConnectionStatus): void {
    this.connection = status;
    this.emit();
  }

  setPeople(people: RoomMember[]): void {
    this.people = people;
    this.emit();
  }

  setPending(pending: boolean): void {
    this.pending = pending;
    this.emit();
  }

  private emit(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** An editor instance that records what the page asked of it. */
export interface FakeEditor extends LiveEditorInstance {
  readonly live: LiveEditorOptions | null;
  readonly stored: StoredEditorOptions | null;
  readOnly: boolean;
  marks: readonly AgentMark[];
  detached: boolean;
  disposed: boolean;
  /** Lines shown through `revealLine`, in order. */
  revealed: number[];
  /** What the person selected (the test sets it). */
  selection: LineSelection | null;
  contextActions: readonly EditorContextAction[];
  completions: InlineCompletionSource | null;
  /** Ctrl-Z: this person's undo manager (live editors only), as the real engine keeps one. */
  undo(): void;
}

/** The origin of this person's typing (the real engine's is its y-monaco binding). */
const BINDING = 'binding';

/** Records the editors created; typing goes straight into the live text (as the binding would). */
export class FakeLiveEditorEngine implements LiveEditorEngine {
  readonly editors: FakeEditor[] = [];

  createLive(_host: HTMLElement, options: LiveEditorOptions): LiveEditorInstance {
    return this.record(options, null, options.readOnly);
  }

  createStored(_host: HTMLElement, options: StoredEditorOptions): LiveEditorInstance {
    return this.record(null, options, true);
  }

  get last(): FakeEditor {
    const editor = this.editors.at(-1);
    if (!editor) throw new Error('no editor was created');
    return editor;
  }

  /** This person types: a local transaction on the live text (origin: the binding, here a token). */
  type(index: number, text: string): void {
    const live = this.last.live;
    if (!live) throw new Error('the editor is not live');
    if (this.last.readOnly) return;
    live.text.doc!.transact(() => live.text.insert(index, text), BINDING);
  }

  private record(
    live: LiveEditorOptions | null,
    stored: StoredEditorOptions | null,
    readOnly: boolean,
  ): FakeEditor {
    const undo = live && new Y.UndoManager(live.text, { trackedOrigins: new Set([BINDING]) });
    const editor: FakeEditor = {
      live,
      stored,
      readOnly,
      marks: [],
      detached: false,
      disposed: false,
      revealed: [],
      revealLine: (line) => void editor.revealed.push(line),
      selection: null,
      contextActions: [],
      completions: null,
      undo: () => void undo?.undo(),
      getText: () => (live ? live.text.toString() : (stored?.content ?? '')),
      getSelectionLines: () => editor.selection,
      applyAssistEdit: (next) =>
        !!live &&
        !!undo &&
        !editor.readOnly &&
        !editor.detached &&
        applyTextEdit(live.text, next, BINDING, undo),
      setContextActions: (actions) => void (editor.contextActions = actions),
      setInlineCompletions: (source) => void (editor.completions = source),
      setReadOnly: (value) => void (editor.readOnly = value),
      setAgentCursors: (marks) => void (editor.marks = marks),
      detach: () => {
        editor.detached = true;
        editor.readOnly = true;
      },
      dispose: () => void (editor.disposed = true),
    };
    this.editors.push(editor);
    return editor;
  }
}
