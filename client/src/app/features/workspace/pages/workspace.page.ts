import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { AssistAction } from '@contracts/assist';
import { EventType } from '@contracts/events';
import {
  EMPTY,
  Subject,
  auditTime,
  filter,
  firstValueFrom,
  merge,
  switchMap,
  tap,
  timeout,
} from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { PresenceBarComponent } from '../components/presence-bar.component';
import { AssistPanelComponent, type AssistTab } from '../components/assist-panel.component';
import { LiveEditorComponent } from '../editor/live-editor.component';
import type {
  EditorContextAction,
  LineSelection,
  LiveEditorInstance,
} from '../editor/live-editor-engine';
import { FileHistoryComponent } from '../files/file-history.component';
import { FileTreeComponent } from '../files/file-tree.component';
import { FileEvents } from '../files/services/file-events.service';
import {
  type Deletion,
  type Workspace,
  type WorkspaceFile,
  deletes,
  deletionOf,
} from '../models/workspace.models';
import { CollabService } from '../services/collab.service';
import type { ProjectRoom } from '../services/project-room';
import { SaveTracker, saveState } from '../services/save-tracker';
import { WorkspaceApi } from '../services/workspace-api.service';
import { ProjectNotFoundComponent } from '../../../shared/components/project-not-found.component';
import { AssistMenuComponent } from '../../assist/actions/assist-menu.component';
import { ACTION_LABELS, EDITOR_ACTIONS } from '../../assist/actions/assist-action.models';
import {
  type AssistEditorHost,
  AssistActions,
} from '../../assist/actions/assist-actions.controller';
import { CompletionSettings } from '../../assist/completions/completion-settings';
import { CompletionStatusComponent } from '../../assist/completions/completion-status.component';
import {
  type CompletionRefusal,
  InlineCompletions,
} from '../../assist/completions/inline-completions';
import {
  AssistActionsApi,
  type AssistCapabilities,
} from '../../assist/services/assist-actions-api.service';
import { FilesApi } from '../files/services/files-api.service';

/** Bursts of file events cause one re-read of the file list. */
export const FILES_REFRESH_AUDIT_MS = 300;

/** How long Accept waits for the target file to open writable before it gives up. */
export const ASSIST_OPEN_TIMEOUT_MS = 15_000;

/** `/projects/:id/code`: the file list, the live editor, who is here, and the Assist panel. */
@Component({
  selector: 'app-workspace-page',
  imports: [
    RouterLink,
    FileHistoryComponent,
    FileTreeComponent,
    LiveEditorComponent,
    PresenceBarComponent,
    ProjectNotFoundComponent,
    AssistPanelComponent,
    AssistMenuComponent,
    CompletionStatusComponent,
  ],
  providers: [AssistActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workspace.page.html',
  styleUrl: './workspace.page.css',
})
export class WorkspacePage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
  /** The `?file=` query parameter: the path to open. */
  readonly file = input<string | undefined>();
  /** The `?line=` query parameter: the line to show in that file (a chat citation, a shared link). */
  readonly line = input<string | undefined>();

  private readonly api = inject(WorkspaceApi);
  private readonly fileEvents = inject(FileEvents);
  private readonly collab = inject(CollabService);
  private readonly router = inject(Router);
  private readonly filesApi = inject(FilesApi);
  private readonly assistApi = inject(AssistActionsApi);
  private readonly inlineCompletions = inject(InlineCompletions);
  private readonly completionSettings = inject(CompletionSettings);
  protected readonly actions = inject(AssistActions);
  private readonly editorView = viewChild(LiveEditorComponent);
  private readonly refresh = new Subject<void>();
  private pendingOpen: string | null = null;

  protected readonly workspace = signal<Result<Workspace> | null>(null);
  protected readonly room = signal<ProjectRoom | null>(null);
  protected readonly roomFailed = signal(false);
  protected readonly openFile = signal<WorkspaceFile | null>(null);
  /** The history drawer of the open file. */
  protected readonly history = signal(false);
  private readonly deletions = signal<readonly Deletion[]>([]);
  private readonly tracker = signal<SaveTracker | null>(null);
  /** A line to show in the open file (each request a new object). */
  protected readonly reveal = signal<{ readonly line: number } | null>(null);
  protected readonly assistOpen = signal(false);
  protected readonly assistTab = signal<AssistTab>('action');
  protected readonly capabilities = signal<AssistCapabilities | null>(null);
  protected readonly completionRefusal = signal<CompletionRefusal | null>(null);

  protected readonly project = computed(() => {
    const result = this.workspace();
    return result?.ok ? result.value.project : null;
  });
  protected readonly collaboration = computed(() => {
    const result = this.workspace();
    return result?.ok ? result.value.collaboration : null;
  });
  protected readonly deletion = computed(() => {
    const file = this.openFile();
    return (file && this.deletions().find((d) => deletes(d, file))) ?? null;
  });
  protected readonly saveState = computed(() => {
    const room = this.room();
    const unsaved = this.tracker()?.unsaved() ?? false;
    return saveState(unsaved, room?.pending() ?? false, room?.connected() ?? true);
  });
  protected readonly canEdit = computed(() => {
    const p = this.project();
    return !!p && p.myAccess.canEdit && !p.archivedAt;
  });
  /** Why editor actions cannot run (no model), or null. */
  /** A proposal is under review: the panel widens so Monaco shows the diff side by side. */
  protected readonly reviewing = computed(() => this.actions.phase() === 'ready' && !!this.actions.request()?.proposedContent);
  protected readonly actionsOff = computed(() => {
    const actions = this.capabilities()?.actions;
    return actions && !actions.available
      ? (actions.reason ?? 'No model can serve editor actions.')
      : null;
  });
  /** The editor's right-click entries: explain for everyone, the changing actions for editors. */
  protected readonly contextActions = computed((): EditorContextAction[] => {
    if (!this.capabilities()?.actions.available) return [];
    const allowed = EDITOR_ACTIONS.filter((action) => action === 'explain' || this.canEdit());
    return allowed.map((action) => ({
      id: action,
      label: `Assist: ${ACTION_LABELS[action]}`,
      run: (selection: LineSelection | null) => this.runAction(action, selection),
    }));
  });
  protected readonly completions = computed(() => {
    const project = this.project();
    const on = this.capabilities()?.completions.available && this.completionSettings.enabled();
    if (!project || !on || !this.canEdit()) return null;
    return this.inlineCompletions.source(project.id, (refusal) =>
      this.completionRefusal.set(refusal),
    );
  });
  /** What Accept needs: the target open in a writable editor, created first when missing. */
  protected readonly assistHost: AssistEditorHost = { editorFor: (path) => this.editorFor(path) };
  protected readonly selectionNow = () => this.editorView()?.selection() ?? null;
  private readonly writable$ = toObservable(computed(() => this.editorView()?.writable() ?? null));

  /** The connection dropped (Liveblocks reconnects by itself), or the server closed it (the page rejoins). */
  protected readonly connection = computed(() => {
    const status = this.room()?.status();
    return status === 'reconnecting' || status === 'disconnected' ? status : null;
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          this.reset();
          return this.api.workspace(id).pipe(
            tap((result) => this.loaded(id, result)),
            switchMap((result) => (result.ok ? merge(this.events(id), this.refreshes(id)) : EMPTY)),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
    inject(DestroyRef).onDestroy(() => this.reset());
    // A file named in the address opens once the list has it.
    effect(() => {
      const path = this.file();
      const files = this.project()?.files ?? [];
      const wanted = path ? files.find((f) => f.path === path) : undefined;
      if (wanted && untracked(this.openFile)?.id !== wanted.id) this.openFile.set(wanted);
    });
    // `?line=` shows that line once the file is open.
    effect(() => {
      const line = Number(this.line());
      if (this.file() && Number.isInteger(line) && line > 0)
        untracked(() => this.reveal.set({ line }));
    });
    // The server closes the room when someone's access changes: read what they may do now, and again once back.
    let lastStatus: string | undefined;
    effect(() => {
      const status = this.room()?.status();
      if (status === 'disconnected' || (status === 'connected' && lastStatus === 'disconnected')) {
        untracked(() => this.refresh.next());
      }
      lastStatus = status;
    });
    // A note waiting for the edits to reach the room may go once they did.
    effect(() => {
      this.room()?.pending();
      this.room()?.connected();
      untracked(() => this.tracker()?.syncChanged());
    });
  }

  /** Opens a file the tree chose; one it knows before this page does (just created) after a re-read. */
  protected open(fileId: string): void {
    const known = this.project()?.files.find((f) => f.id === fileId);
    if (known) return this.show(known);
    this.pendingOpen = fileId;
    this.refresh.next();
  }

  /** A chat citation (`path:line`): opens the file and shows the line. */
  protected openAt(path: string, line: number | null): void {
    const file = this.project()?.files.find((f) => f.path === path.replace(/^\.\//, ''));
    if (!file) return;
    this.show(file);
    if (line) this.reveal.set({ line });
  }

  /** An action from the toolbar menu (the editor's selection) or the context menu (its own). */
  protected runAction(action: AssistAction, selection?: LineSelection | null): void {
    const project = this.project();
    if (!project) return;
    const path = action === 'new_file' ? '' : (this.openFile()?.path ?? '');
    if (action !== 'new_file' && !path) return;
    const lines = action === 'new_file' ? null : (selection ?? this.selectionNow());
    this.assistOpen.set(true);
    this.assistTab.set('action');
    this.actions.begin(project.id, { action, path, selection: lines });
  }

  private async editorFor(
    path: string,
  ): Promise<{ editor: LiveEditorInstance } | { reason: string }> {
    const project = this.project();
    if (!project) return { reason: 'The workspace is not loaded.' };
    let file: { id: string } | undefined = project.files.find((f) => f.path === path);
    if (!file) {
      const created = await this.filesApi.createFile(project.id, path);
      if (!created.ok) return { reason: created.error.message };
      file = created.value;
    }
    const id = file.id;
    this.open(id);
    const ready = await firstValueFrom(
      this.writable$.pipe(
        filter((writable) => writable?.fileId === id),
        timeout(ASSIST_OPEN_TIMEOUT_MS),
      ),
    ).catch(() => null);
    return ready
      ? { editor: ready.editor }
      : { reason: `${path} could not be opened for editing.` };
  }

  private show(file: WorkspaceFile): void {
    this.pendingOpen = null;
    this.openFile.set(file);
    void this.router.navigate([], { queryParams: { file: file.path }, replaceUrl: true });
  }

  protected edited(fileId: string): void {
    this.tracker()?.edited(fileId);
  }

  private loaded(projectId: string, result: Result<Workspace>): void {
    this.workspace.set(result);
    if (result.ok) {
      void this.assistApi.capabilities(projectId).then((caps) => {
        if (caps.ok && this.project()?.id === projectId) this.capabilities.set(caps.value);
      });
    }
    if (!result.ok || !result.value.collaboration.enabled) return;
    const tracker = new SaveTracker(
      (ids) => this.api.filesEdited(projectId, ids),
      () => !!this.room()?.connected() && !this.room()?.pending(),
    );
    this.tracker.set(tracker);
    this.collab.enter(projectId, result.value.collaboration).then(
      (room) => (this.tracker() === tracker ? this.room.set(room) : room.leave()),
      () => this.roomFailed.set(true),
    );
  }

  /** File events (shared with the tree): the list follows them; deletions are kept for the editor. */
  private events(projectId: string) {
    return this.fileEvents.changes(projectId).pipe(
      tap((change) => {
        if (change.kind === 'resumed') return this.refresh.next();
        const found = change.events.map(deletionOf).filter((d): d is Deletion => d !== null);
        if (found.length) this.deletions.update((list) => [...list, ...found]);
        // A flush changes sizes only; the tree re-reads those itself.
        if (change.events.some((e) => e.type !== EventType.FILES_FLUSHED)) this.refresh.next();
      }),
    );
  }

  private refreshes(projectId: string) {
    return this.refresh.pipe(
      auditTime(FILES_REFRESH_AUDIT_MS),
      switchMap(() => this.api.workspace(projectId)),
      filter((result) => result.ok),
      tap((result) => {
        this.workspace.set(result);
        // A renamed open file keeps its id: follow its new path. A deleted one stays as it was.
        if (!result.ok) return;
        const files = result.value.project.files;
        const wanted = this.pendingOpen && files.find((f) => f.id === this.pendingOpen);
        if (wanted) return this.show(wanted);
        const open = this.openFile();
        const now = open && files.find((f) => f.id === open.id);
        if (now && now !== open) this.openFile.set(now);
      }),
    );
  }

  private reset(): void {
    this.tracker()?.dispose();
    this.tracker.set(null);
    this.room()?.leave();
    this.room.set(null);
    this.roomFailed.set(false);
    this.workspace.set(null);
    this.openFile.set(null);
    this.history.set(false);
    this.capabilities.set(null);
    this.completionRefusal.set(null);
    this.actions.close();
    this.pendingOpen = null;
    this.deletions.set([]);
  }
}
