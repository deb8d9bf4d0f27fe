import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { debounceTime, switchMap } from 'rxjs';
import { CONFIRM } from '../../../shared/browser.tokens';
import { ByteSizePipe } from '../../../shared/byte-size.pipe';
import type { FileError } from './models/file-error';
import { fileIcon, initialsOf } from './models/file-icon';
import {
  type FilePresence,
  type FileTreeData,
  type TreeFile,
  type TreeNode,
  type TreeRow,
  allFolders,
  ancestorsOf,
  baseName,
  buildTree,
  isWithin,
  joinPath,
  movedPath,
  parentOf,
  visibleRows,
} from './models/file-tree';
import { FileEvents } from './services/file-events.service';
import { UploadQueue } from './services/upload-queue';
import { archiveUrl, rawFileUrl } from './services/file-urls';
import { FilesApi } from './services/files-api.service';
import { treeKeyAction } from './models/tree-keys';
import {
  type DrawnRow,
  type TreeEdit,
  deleteQuestion,
  foldersUpTo,
  sameTree,
  withDraft,
} from './models/tree-view';
import { UploadListComponent } from './upload-list.component';
import { TreeMenuComponent, type TreeMenuAction } from './tree-menu.component';

/** Our own drag data: a path of this project's tree (other drags are the OS's files). */
const TREE_PATH_MIME = 'application/x-atelier-path';
/** Refetches of a burst of file events are collapsed into one. */
export const TREE_REFRESH_MS = 150;
/** Projects this small open with all their folders expanded (two levels deep). */
const EXPAND_ALL_UP_TO_FILES = 50;

/**
 * The project's files and folders: browse and open them, and, for editors, create, rename, move (drag
 * and drop or "Move to…"), delete and upload. Calls the API itself and refetches on the project's file
 * events, so it stays current for everyone. See README.md for the keyboard map.
 */
@Component({
  selector: 'app-file-tree',
  imports: [ByteSizePipe, NgTemplateOutlet, UploadListComponent, TreeMenuComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [UploadQueue],
  templateUrl: './file-tree.component.html',
  styleUrl: './file-tree.component.css',
})
export class FileTreeComponent {
  readonly projectId = input.required<string>();
  readonly files = input.required<readonly TreeFile[]>();
  readonly folders = input<readonly string[]>([]);
  readonly canEdit = input(false);
  readonly openFileId = input<string | null>(null);
  readonly presence = input<readonly FilePresence[]>([]);
  readonly open = output<string>();

  private readonly api = inject(FilesApi);
  protected readonly uploadQueue = inject(UploadQueue);
  private readonly confirm = inject(CONFIRM);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  /** The inputs, replaced by fresher data this component fetched itself until the inputs change. */
  private readonly given = computed(
    (): FileTreeData => ({ files: this.files(), folders: this.folders() }),
    { equal: sameTree },
  );
  protected readonly data = linkedSignal(() => this.given());
  protected readonly tree = computed(() => buildTree(this.data().files, this.data().folders));
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly focused = signal<string | null>(null);
  protected readonly edit = signal<TreeEdit | null>(null);
  protected readonly menu = signal<{ node: TreeNode; x: number; y: number } | null>(null);
  protected readonly moving = signal<{ node: TreeNode; to: string; error?: FileError } | null>(null);
  protected readonly dragging = signal<string | null>(null);
  protected readonly dropTarget = signal<string | null>(null);
  protected readonly notice = signal<FileError | null>(null);
  protected readonly zipUrl = computed(() => archiveUrl(this.projectId()));

  protected readonly rows = computed(() => visibleRows(this.tree(), this.expanded()));
  protected readonly drawn = computed((): DrawnRow[] => withDraft(this.rows(), this.edit()));
  protected readonly empty = computed(() => this.tree().children.length === 0);
  protected readonly openPath = computed(
    () => this.data().files.find((f) => f.id === this.openFileId())?.path ?? null,
  );
  /** The row reached with Tab (roving tabindex): the focused one, else the open file, else the first. */
  protected readonly tabStop = computed(() => {
    const paths = this.rows().map((r) => r.node.path);
    const focused = this.focused();
    if (focused !== null && paths.includes(focused)) return focused;
    const open = this.openPath();
    return open !== null && paths.includes(open) ? open : (paths[0] ?? null);
  });
  /** Who has what open, by file id and by each folder above the file (shown while it is collapsed). */
  protected readonly presenceByPlace = computed(() => {
    const by = new Map<string, FilePresence[]>();
    const add = (key: string, p: FilePresence) => {
      const people = by.get(key) ?? [];
      if (!people.some((q) => q.name === p.name && q.color === p.color)) by.set(key, [...people, p]);
    };
    const paths = new Map(this.data().files.map((f) => [f.id, f.path]));
    for (const p of this.presence()) {
      add(p.fileId, p);
      for (const folder of ancestorsOf(paths.get(p.fileId) ?? '')) add(`${folder}/`, p);
    }
    return by;
  });
  protected readonly moveTargets = computed(() => {
    const moving = this.moving();
    if (!moving) return [];
    const from = moving.node.path;
    return ['', ...allFolders(this.tree())].filter((f) => !isWithin(f, from));
  });

  protected readonly icon = fileIcon;
  protected readonly initials = initialsOf;
  protected readonly parentOf = parentOf;
  protected readonly rawUrl = (path: string) => rawFileUrl(this.projectId(), path);
  protected readonly presenceLabel = (kind: TreeNode['kind'], people: readonly FilePresence[]) =>
    `${kind === 'file' ? 'Open by' : 'Files open in here by'} ${people.map((p) => p.name).join(', ')}`;

  private refreshes = 0;

  constructor() {
    const events = inject(FileEvents);
    toObservable(this.projectId)
      .pipe(
        switchMap((id) => events.changes(id)),
        debounceTime(TREE_REFRESH_MS),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.refresh());
    // The open file's folders open with it, wherever it was opened from.
    effect(() => {
      const open = this.openPath();
      if (open) untracked(() => this.expand(...ancestorsOf(open)));
    });
    let expandedOnce = false;
    effect(() => {
      const tree = this.tree();
      if (expandedOnce || tree.children.length === 0) return;
      expandedOnce = true;
      if (tree.fileCount <= EXPAND_ALL_UP_TO_FILES)
        untracked(() => this.expand(...foldersUpTo(tree, 2)));
    });
    inject(DestroyRef).onDestroy(() => (this.refreshes = -1));
  }

  /** Fetches the tree now; a slower earlier answer never overwrites a later one. */
  async refresh(): Promise<void> {
    const mine = ++this.refreshes;
    const result = await this.api.tree(this.projectId());
    if (mine !== this.refreshes) return;
    if (result.ok) this.data.set(result.value);
    else this.notice.set(result.error);
  }

  // Browsing ----------------------------------------------------------------------------------------------

  protected activate(node: TreeNode): void {
    this.focusRow(node.path);
    if (node.kind === 'file') this.open.emit(node.file.id);
    else this.toggle(node.path);
  }

  protected toggle(path: string): void {
    const next = new Set(this.expanded());
    if (!next.delete(path)) next.add(path);
    this.expanded.set(next);
  }

  private expand(...paths: string[]): void {
    if (paths.every((p) => this.expanded().has(p))) return;
    this.expanded.set(new Set([...this.expanded(), ...paths]));
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    const rows = this.rows();
    const at = rows.findIndex((r) => r.node.path === this.tabStop());
    const node = rows[at]?.node;
    const action = node && treeKeyAction(event, rows, at);
    if (!node || !action) return;
    event.preventDefault();
    if (action.kind === 'focus') this.focusRow(action.path);
    else if (action.kind === 'toggle') this.toggle(action.path);
    else if (action.kind === 'activate') this.activate(node);
    else if (action.kind === 'rename') this.startRename(node);
    else if (action.kind === 'delete') void this.remove(node);
    else this.openMenuAtRow(node);
  }

  protected focusRow(path: string): void {
    this.focused.set(path);
    afterNextRender(() => this.rowElement(path)?.focus(), { injector: this.injector });
  }

  private rowElement(path: string): HTMLElement | null {
    const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('[data-testid="tree-row"]');
    return Array.from(rows).find((el) => el.dataset['path'] === path) ?? null;
  }

  // Menus -------------------------------------------------------------------------------------------------

  protected openMenu(node: TreeNode, event: MouseEvent): void {
    event.preventDefault();
    event.stopPropagation();
    if (!this.canEdit() && node.kind === 'folder') return;
    this.focused.set(node.path);
    this.menu.set({ node, x: event.clientX, y: event.clientY });
  }

  private openMenuAtRow(node: TreeNode): void {
    if (!this.canEdit() && node.kind === 'folder') return;
    const box = this.rowElement(node.path)?.getBoundingClientRect();
    this.menu.set({ node, x: (box?.left ?? 0) + 24, y: box?.bottom ?? 0 });
  }

  protected closeMenu(): void {
    const node = this.menu()?.node;
    this.menu.set(null);
    if (node) this.focusRow(node.path);
  }

  protected onMenu(action: TreeMenuAction): void {
    const node = this.menu()?.node;
    this.menu.set(null);
    if (!node) return;
    const folder = node.kind === 'folder' ? node.path : parentOf(node.path);
    switch (action) {
      case 'open':
        return this.activate(node);
      case 'new-file':
        return this.startCreate('file', folder);
      case 'new-folder':
        return this.startCreate('folder', folder);
      case 'upload':
        return this.pickFiles(folder);
      case 'rename':
        return this.startRename(node);
      case 'move':
        return this.startMove(node);
      case 'delete':
        return void this.remove(node);
    }
  }

  // Create and rename -------------------------------------------------------------------------------------

  /** The folder new files go to: the focused folder, or the focused file's folder, else the root. */
  protected targetFolder(): string {
    const focused = this.rows().find((r) => r.node.path === this.focused())?.node;
    if (!focused) return '';
    return focused.kind === 'folder' ? focused.path : parentOf(focused.path);
  }

  protected startCreate(mode: 'file' | 'folder', folder = this.targetFolder()): void {
    if (!this.canEdit()) return;
    if (folder) this.expand(...ancestorsOf(folder), folder);
    this.edit.set({ mode, folder, value: '' });
    this.focusEditInput(false);
  }

  protected startRename(node: TreeNode): void {
    if (!this.canEdit()) return;
    this.edit.set({ mode: 'rename', folder: parentOf(node.path), path: node.path, value: node.name });
    this.focusEditInput(node.kind === 'file');
  }

  private focusEditInput(selectStem: boolean): void {
    afterNextRender(
      () => {
        const input = this.host.nativeElement.querySelector<HTMLInputElement>('.tree-edit-input');
        if (!input) return;
        input.focus();
        const dot = input.value.lastIndexOf('.');
        input.setSelectionRange(0, selectStem && dot > 0 ? dot : input.value.length);
      },
      { injector: this.injector },
    );
  }

  protected onEditInput(value: string): void {
    const edit = this.edit();
    if (edit) this.edit.set({ ...edit, value, error: undefined });
  }

  protected onEditKeydown(event: KeyboardEvent): void {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.submitEdit();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelEdit();
    }
  }

  /** Leaving the input keeps a change (as editors do), unless it was refused: then the draft goes. */
  protected onEditBlur(): void {
    const edit = this.edit();
    if (!edit || edit.pending) return;
    const unchanged = edit.mode === 'rename' && edit.value === baseName(edit.path ?? '');
    if (edit.error || !edit.value.trim() || unchanged) this.cancelEdit(false);
    else void this.submitEdit();
  }

  protected cancelEdit(refocus = true): void {
    const edit = this.edit();
    this.edit.set(null);
    if (refocus && edit) this.focusRow(edit.path ?? (edit.folder || this.tabStop() || ''));
  }

  protected async submitEdit(): Promise<void> {
    const edit = this.edit();
    if (!edit || edit.pending) return;
    const name = edit.value.trim().replace(/^\/+|\/+$/g, '');
    if (!name) {
      this.edit.set({ ...edit, error: { code: 'PATH_INVALID', message: 'Enter a name.' } });
      return;
    }
    const path = joinPath(edit.folder, name);
    if (edit.mode === 'rename' && path === edit.path) return this.cancelEdit();
    const pending: TreeEdit = { ...edit, pending: true, error: undefined };
    this.edit.set(pending);
    const id = this.projectId();
    const result =
      edit.mode === 'file'
        ? await this.api.createFile(id, path)
        : edit.mode === 'folder'
          ? await this.api.createFolder(id, path)
          : await this.api.move(id, edit.path ?? '', path);
    if (this.edit() !== pending) return void this.refresh();
    if (!result.ok) {
      this.edit.set({ ...edit, error: result.error });
      this.focusEditInput(false);
      return;
    }
    this.edit.set(null);
    if (edit.mode === 'rename' && edit.path) this.followMove(edit.path, path);
    this.expand(...ancestorsOf(path), ...(edit.mode === 'folder' ? [path] : []));
    await this.refresh();
    this.focusRow(path);
    if (edit.mode === 'file' && typeof result.value === 'object') this.open.emit(result.value.id);
  }

  /** Keeps moved folders open and the focus on what moved. */
  private followMove(from: string, to: string): void {
    this.expanded.set(new Set([...this.expanded()].map((p) => movedPath(p, from, to))));
  }

  // Move and delete ---------------------------------------------------------------------------------------

  protected startMove(node: TreeNode): void {
    if (!this.canEdit()) return;
    this.moving.set({ node, to: parentOf(node.path) });
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>('[data-testid="move-target"]')?.focus(),
      { injector: this.injector },
    );
  }

  protected cancelMove(): void {
    const node = this.moving()?.node;
    this.moving.set(null);
    if (node) this.focusRow(node.path);
  }

  protected async submitMove(): Promise<void> {
    const moving = this.moving();
    if (!moving) return;
    const error = await this.move(moving.node.path, moving.to);
    if (error) this.moving.set({ ...moving, error });
    else this.moving.set(null);
  }

  /** Moves a file or folder into `folder`; resolves to the error, if any. */
  private async move(from: string, folder: string): Promise<FileError | null> {
    const to = joinPath(folder, baseName(from));
    if (to === from) return null;
    const result = await this.api.move(this.projectId(), from, to);
    if (!result.ok) return result.error;
    this.followMove(from, to);
    this.expand(...ancestorsOf(to));
    await this.refresh();
    this.focusRow(to);
    return null;
  }

  protected async remove(node: TreeNode): Promise<void> {
    if (!this.canEdit()) return;
    if (!this.confirm(deleteQuestion(node))) return;
    const rows = this.rows();
    const at = rows.findIndex((r) => r.node.path === node.path);
    const after = rows.slice(at + 1).find((r) => !isWithin(r.node.path, node.path)) ?? rows[at - 1];
    const result = await this.api.delete(this.projectId(), node.path);
    if (!result.ok) {
      this.notice.set(result.error);
      return;
    }
    await this.refresh();
    if (after) this.focusRow(after.node.path);
  }

  // Drag and drop -----------------------------------------------------------------------------------------

  protected onDragStart(node: TreeNode, event: DragEvent): void {
    if (!this.canEdit() || this.edit()) return event.preventDefault();
    this.dragging.set(node.path);
    event.dataTransfer?.setData(TREE_PATH_MIME, node.path);
    event.dataTransfer?.setData('text/plain', node.path);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  protected onDragEnd(): void {
    this.dragging.set(null);
    this.dropTarget.set(null);
  }

  /** Over a folder: into it; over a file: into the file's folder; over empty space: the root. */
  protected onDragOver(event: DragEvent, row: TreeRow | null): void {
    const folder = row ? (row.node.kind === 'folder' ? row.node.path : row.parent) : '';
    const types = Array.from(event.dataTransfer?.types ?? []);
    const dragged = this.dragging();
    const ours = dragged !== null && types.includes(TREE_PATH_MIME);
    const valid = ours
      ? parentOf(dragged) !== folder && !isWithin(folder, dragged)
      : types.includes('Files');
    if (!this.canEdit() || !valid) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = ours ? 'move' : 'copy';
    this.dropTarget.set(folder);
  }

  protected onDragLeave(event: DragEvent): void {
    const into = event.relatedTarget as Node | null;
    if (!into || !this.host.nativeElement.contains(into)) this.dropTarget.set(null);
  }

  protected async onDrop(event: DragEvent): Promise<void> {
    const folder = this.dropTarget();
    const dragged = this.dragging();
    this.onDragEnd();
    if (folder === null || !this.canEdit()) return;
    event.preventDefault();
    event.stopPropagation();
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (dragged !== null && event.dataTransfer?.types.includes(TREE_PATH_MIME)) {
      const error = await this.move(dragged, folder);
      if (error) this.notice.set(error);
    } else if (files.length) {
      if (folder) this.expand(...ancestorsOf(folder), folder);
      await this.upload(files, folder);
    }
  }

  // Upload ------------------------------------------------------------------------------------------------

  private uploadFolder = '';

  protected pickFiles(folder = this.targetFolder()): void {
    this.uploadFolder = folder;
    this.host.nativeElement.querySelector<HTMLInputElement>('[data-testid="upload-input"]')?.click();
  }

  protected onFilesPicked(input: HTMLInputElement): void {
    const files = Array.from(input.files ?? []);
    input.value = '';
    if (files.length) void this.upload(files, this.uploadFolder);
  }

  /** Uploads into `folder`, then refetches once. */
  async upload(files: readonly File[], folder: string): Promise<void> {
    await this.uploadQueue.run(this.projectId(), files, folder);
    await this.refresh();
  }
}
