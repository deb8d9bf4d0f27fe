import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FILE_TEXT } from '@contracts/collab';
import type * as Y from 'yjs';
import {
  type Deletion,
  type OpenedFile,
  type WorkspaceFile,
  type WorkspaceProject,
  readOnlyReason,
} from '../models/workspace.models';
import { BinaryFileComponent } from '../files/binary-file.component';
import type { FileAwareness } from '../services/file-awareness';
import type { ProjectRoom } from '../services/project-room';
import type { SaveState } from '../services/save-tracker';
import { WorkspaceApi } from '../services/workspace-api.service';
import { agentMarks, cursorStyleSheet } from './agent-marks';
import {
  type EditorContextAction,
  type InlineCompletionSource,
  LIVE_EDITOR_LOADER,
  type LineSelection,
  type LiveEditorEngine,
  type LiveEditorInstance,
} from './live-editor-engine';

/** Where the open file stands. */
type EditorState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'live'; readonly doc: Y.Doc; readonly awareness: FileAwareness }
  | { readonly kind: 'stored' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'failed'; readonly message: string };

const SAVE_LABELS: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — will save',
};

/**
 * The open file: its live document in Monaco (y-monaco binding, people's and agents' carets), or its
 * stored text read-only when it has no live document; says when it is read-only and why, and when it was
 * deleted under the reader. Emits `edited` for this person's own changes (the page tells the server).
 */
@Component({
  selector: 'app-live-editor',
  imports: [BinaryFileComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './live-editor.component.html',
  styleUrl: './live-editor.component.css',
})
export class LiveEditorComponent {
  readonly projectId = input.required<string>();
  readonly project = input.required<WorkspaceProject>();
  readonly file = input.required<WorkspaceFile>();
  /** The project's room; null until joined, or when collaboration is off. */
  readonly room = input.required<ProjectRoom | null>();
  /** Collaboration is on: wait for the room. Off: files open read-only from PostgreSQL. */
  readonly collaborative = input(true);
  readonly saveState = input<SaveState>('saved');
  /** A `file.deleted` event that covers this file, once one arrived. */
  readonly deletion = input<Deletion | null>(null);
  /** A line to show once the file is open (each new object is a new request: the same line again works). */
  readonly reveal = input<{ readonly line: number } | null>(null);
  /** The assist entries of the editor's context menu. */
  readonly contextActions = input<readonly EditorContextAction[]>([]);
  /** Ghost-text completions while the file can be edited; null: none. */
  readonly completions = input<InlineCompletionSource | null>(null);
  readonly edited = output<string>();

  private readonly api = inject(WorkspaceApi);
  private readonly loadEngine = inject(LIVE_EDITOR_LOADER);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  /** Everyone's caret colours and names for this file; y-monaco's classes are global, so is the sheet. */
  private readonly cursorStyle = inject(DOCUMENT).createElement('style');

  protected readonly state = signal<EditorState>({ kind: 'loading' });
  /** The server's answer to `openFile` for the open file (null while opening, or with no live document). */
  private readonly opened = signal<OpenedFile | null>(null);
  private readonly vanished = signal(false);
  private readonly current = signal<LiveEditorInstance | null>(null);
  private generation = 0;
  private detachDoc: (() => void) | null = null;
  private revealed: { readonly line: number } | null = null;

  protected readonly saveLabel = computed(() => SAVE_LABELS[this.saveState()]);
  protected readonly deleted = computed(() => this.vanished() || this.deletion() !== null);
  protected readonly deletedBy = computed(() => this.deletion()?.by ?? null);
  /** Why the open file is read-only; follows the project (archived meanwhile, access changed). */
  private readonly serverReadOnly = computed(() =>
    this.state().kind === 'loading'
      ? null
      : readOnlyReason(this.project(), this.file(), this.opened()),
  );
  protected readonly reason = computed(() => {
    if (this.state().kind === 'stored' && !this.serverReadOnly()) {
      return this.room()
        ? 'This file has no live document yet: showing the saved copy.'
        : 'Live editing is off on this server: showing the saved copy.';
    }
    return this.serverReadOnly();
  });
  protected readonly readOnly = computed(
    () =>
      this.deleted() ||
      this.reason() !== null ||
      this.state().kind !== 'live' ||
      !this.room()?.canWrite(),
  );
  /** The open file's editor once this person can write to it (an accepted assist proposal goes through it). */
  readonly writable = computed(() => {
    const editor = this.current();
    return editor && !this.readOnly() ? { fileId: this.file().id, editor } : null;
  });

  /** The lines selected now; null with a caret only, or no editor. */
  selection(): LineSelection | null {
    return this.instance?.getSelectionLines() ?? null;
  }

  private get instance(): LiveEditorInstance | null {
    return this.current();
  }

  constructor() {
    inject(DOCUMENT).head.append(this.cursorStyle);
    inject(DestroyRef).onDestroy(() => {
      this.generation++;
      this.close();
      this.cursorStyle.remove();
    });
    effect(() => {
      const file = this.file();
      const room = this.room();
      const waiting = this.collaborative() && !room;
      untracked(() => void this.open(file, waiting ? undefined : room));
    });
    effect(() => {
      const request = this.reveal();
      const kind = this.state().kind;
      if (!request || request === this.revealed || (kind !== 'live' && kind !== 'stored')) return;
      this.revealed = request;
      this.instance?.revealLine?.(request.line);
    });
    effect(() => {
      const actions = this.contextActions();
      this.current()?.setContextActions(actions);
    });
    effect(() => {
      const editor = this.current();
      editor?.setInlineCompletions(this.readOnly() ? null : this.completions());
    });
    // Read-only can change while open: the project archived, the room's token refreshed.
    effect(() => {
      const readOnly = this.readOnly();
      this.instance?.setReadOnly(readOnly);
    });
    effect(() => {
      const state = this.state();
      const room = this.room();
      if (state.kind !== 'live' || !room || this.deleted()) return;
      const agents = room.agents();
      this.cursorStyle.textContent = cursorStyleSheet(room.others(), agents);
      this.instance?.setAgentCursors(
        agentMarks(agents, this.file().id, state.doc, state.doc.getText(FILE_TEXT)),
      );
    });
    // The file's document left the room: it was deleted (the event says by whom).
    effect(() => {
      const room = this.room();
      const state = this.state();
      if (state.kind === 'live' && room && !room.liveFileIds().has(this.file().id))
        this.vanished.set(true);
    });
    effect(() => {
      if (!this.deleted()) return;
      untracked(() => {
        const state = this.state();
        if (state.kind === 'live') state.awareness.leave();
        this.detachDoc?.();
        this.detachDoc = null;
        this.instance?.setAgentCursors([]);
        this.instance?.detach();
        this.cursorStyle.textContent = '';
      });
    });
  }

  /** Opens the file: live in `room`, stored when it is null, or not yet while it is undefined (joining). */
  private async open(file: WorkspaceFile, room: ProjectRoom | null | undefined): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.close();
    this.vanished.set(false);
    this.opened.set(null);
    this.state.set({ kind: 'loading' });
    if (file.binary) {
      this.state.set({ kind: 'binary' });
      return;
    }
    if (room === undefined) return;
    const engine = await this.loadEngine().catch(() => null);
    if (!current()) return;
    if (!engine) return this.fail('The editor could not be loaded. Reload the page to try again.');
    if (!room) return this.openStored(file, engine, current);

    const opened = await this.api.openFile(this.projectId(), file.id);
    if (!current()) return;
    if (!opened.ok) {
      return this.fail(
        opened.error.code === 'NOT_FOUND' ? 'This file no longer exists.' : opened.error.message,
      );
    }
    this.opened.set(opened.value);
    const doc = await room.document(file.id).catch(() => null);
    if (!current()) return;
    if (!doc) {
      if (opened.value.readOnly) return this.openStored(file, engine, current);
      return this.fail('The file could not be opened for editing. Reload the page to try again.');
    }
    const awareness = room.awarenessFor(file.id);
    const self = room.self();
    awareness.enter({ name: self?.name ?? 'Someone', color: self?.color ?? '' });
    room.showOpen(file);
    const instance = engine.createLive(this.host().nativeElement, {
      path: file.path,
      language: file.language,
      text: doc.getText(FILE_TEXT),
      awareness,
      readOnly: true,
    });
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // The provider applies what comes from the server with origin 'backend'; the rest is this person's.
      if (origin !== 'backend') this.edited.emit(file.id);
    };
    doc.on('update', onUpdate);
    this.detachDoc = () => doc.off('update', onUpdate);
    this.state.set({ kind: 'live', doc, awareness });
    instance.setReadOnly(this.readOnly());
    this.current.set(instance);
  }

  private async openStored(
    file: WorkspaceFile,
    engine: LiveEditorEngine,
    current: () => boolean,
  ): Promise<void> {
    const content = await this.api.fileContent(this.projectId(), file.path);
    if (!current()) return;
    if (!content.ok) return this.fail(content.error.message);
    const instance = engine.createStored(this.host().nativeElement, {
      path: file.path,
      language: file.language,
      content: content.value,
    });
    this.state.set({ kind: 'stored' });
    this.current.set(instance);
  }

  private fail(message: string): void {
    this.state.set({ kind: 'failed', message });
  }

  private close(): void {
    const state = this.state();
    if (state.kind === 'live') state.awareness.leave();
    this.detachDoc?.();
    this.detachDoc = null;
    this.instance?.dispose();
    this.current.set(null);
    this.cursorStyle.textContent = '';
  }
}
