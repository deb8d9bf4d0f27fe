import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { debounceTime, switchMap } from 'rxjs';
import { CONFIRM } from '../../../shared/browser.tokens';
import { ByteSizePipe } from '../../../shared/byte-size.pipe';
import { FileDiffComponent } from './diff/file-diff.component';
import type { FileError } from './models/file-error';
import { timeAgo } from './models/format';
import { FileEvents } from './services/file-events.service';
import { FILES_NOW } from './services/file-upload.service';
import { type FileVersionEntry, FilesApi } from './services/files-api.service';

/** What the diff pane shows for the selected version. */
export type HistoryDiff =
  | { readonly state: 'loading' }
  | { readonly state: 'text'; readonly path: string; readonly original: string; readonly modified: string }
  | { readonly state: 'binary'; readonly side: 'version' | 'current' }
  | { readonly state: 'deleted' }
  | { readonly state: 'error'; readonly error: FileError };

const REASONS: Readonly<Record<string, string>> = {
  flush: 'Edited',
  agent: 'Written by an agent',
  restore: 'Restored',
  upload: 'Uploaded',
  create: 'Created',
  scaffold: 'Starter file',
};
const KINDS: Readonly<Record<string, string>> = { user: 'person', agent: 'agent', system: 'system' };

/** History refetches after a burst of file events wait this long. */
export const HISTORY_REFRESH_MS = 300;

/**
 * A file's versions, newest first: who (a person or an agent) saved what and why. Choosing one shows it
 * against the current content in Monaco's diff editor; an editor can restore it (itself a new version).
 */
@Component({
  selector: 'app-file-history',
  imports: [ByteSizePipe, FileDiffComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './file-history.component.html',
  styleUrl: './file-history.component.css',
})
export class FileHistoryComponent {
  readonly projectId = input.required<string>();
  readonly fileId = input.required<string>();
  readonly canEdit = input(false);
  readonly restored = output<string>();

  private readonly api = inject(FilesApi);
  private readonly confirm = inject(CONFIRM);
  private readonly clock = inject(FILES_NOW);

  protected readonly versions = signal<readonly FileVersionEntry[] | null>(null);
  protected readonly loadError = signal<FileError | null>(null);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly diff = signal<HistoryDiff | null>(null);
  protected readonly restoring = signal(false);
  protected readonly restoreError = signal<FileError | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly now = signal(this.clock());

  protected readonly selected = computed(
    () => this.versions()?.find((v) => v.id === this.selectedId()) ?? null,
  );
  protected readonly isNewest = computed(() => this.versions()?.[0]?.id === this.selectedId());
  protected readonly ago = (iso: string) => timeAgo(iso, this.now());
  protected readonly reason = (reason: string) => REASONS[reason] ?? reason;
  protected readonly kind = (kind: string) => KINDS[kind] ?? kind;

  private loads = 0;

  constructor() {
    effect(() => {
      this.fileId();
      untracked(() => {
        this.versions.set(null);
        this.selectedId.set(null);
        this.diff.set(null);
        this.notice.set(null);
        void this.load();
      });
    });
    const events = inject(FileEvents);
    toObservable(this.projectId)
      .pipe(
        switchMap((id) => events.changes(id)),
        debounceTime(HISTORY_REFRESH_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.load());
    const tick = setInterval(() => this.now.set(this.clock()), 30_000);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(tick);
      this.loads = -1;
    });
  }

  /** Loads the versions (and the selected one's diff again: "current" may have moved). */
  async load(): Promise<void> {
    const mine = ++this.loads;
    const fileId = this.fileId();
    const result = await this.api.versions(fileId);
    if (mine !== this.loads) return;
    this.now.set(this.clock());
    if (!result.ok) return this.loadError.set(result.error);
    this.loadError.set(null);
    this.versions.set(result.value);
    const selected = this.selected();
    if (selected) await this.showDiff(selected);
  }

  protected async select(version: FileVersionEntry): Promise<void> {
    this.selectedId.set(version.id);
    this.restoreError.set(null);
    this.notice.set(null);
    this.diff.set({ state: 'loading' });
    await this.showDiff(version);
  }

  private async showDiff(version: FileVersionEntry): Promise<void> {
    const projectId = this.projectId();
    const [old, tree] = await Promise.all([this.api.versionText(version.id), this.api.tree(projectId)]);
    if (this.selectedId() !== version.id) return;
    if (!old.ok) return this.diff.set({ state: 'error', error: old.error });
    if (!tree.ok) return this.diff.set({ state: 'error', error: tree.error });
    const file = tree.value.files.find((f) => f.id === version.fileId);
    if (!file) return this.diff.set({ state: 'deleted' });
    const current = await this.api.currentText(projectId, file.path);
    if (this.selectedId() !== version.id) return;
    if (!current.ok) return this.diff.set({ state: 'error', error: current.error });
    if (old.value.binary) return this.diff.set({ state: 'binary', side: 'version' });
    if (current.value.binary) return this.diff.set({ state: 'binary', side: 'current' });
    this.diff.set({
      state: 'text',
      path: file.path,
      original: old.value.content ?? '',
      modified: current.value.content ?? '',
    });
  }

  protected async restore(): Promise<void> {
    const version = this.selected();
    if (!version || !this.canEdit() || this.restoring()) return;
    const question = `Restore “${version.path}” to the version from ${this.ago(version.createdAt)}? The current content stays in the history.`;
    if (!this.confirm(question)) return;
    this.restoring.set(true);
    this.restoreError.set(null);
    const result = await this.api.restore(version.id);
    this.restoring.set(false);
    if (!result.ok) return this.restoreError.set(result.error);
    this.notice.set(`Restored the version from ${this.ago(version.createdAt)}.`);
    this.restored.emit(this.fileId());
    this.selectedId.set(null);
    this.diff.set(null);
    await this.load();
  }
}
