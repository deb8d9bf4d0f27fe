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
import type { Result } from '../../../core/user-facing-error';
import { LiveEditorComponent } from '../../workspace/editor/live-editor.component';
import { FileTreeComponent } from '../../workspace/files/file-tree.component';
import type { Workspace, WorkspaceFile, WorkspaceProject } from '../../workspace/models/workspace.models';
import { CollabService } from '../../workspace/services/collab.service';
import type { ProjectRoom } from '../../workspace/services/project-room';
import { SaveTracker, saveState } from '../../workspace/services/save-tracker';
import { WorkspaceApi } from '../../workspace/services/workspace-api.service';

/** A chat link to follow: open this file (and show this line). */
export interface OpenRequest {
  readonly path: string;
  readonly line: number | null;
}

/**
 * The room's co-editing workspace: the project's file tree and live editor (the workspace feature's own
 * components), joined to the project's Liveblocks room as a member of this coding room (`coding: <roomId>`
 * in the token request: room membership, not project access, grants it). Viewers and archived rooms get a
 * read-only editor. Whatever is projected (the terminal) sits under the editor.
 */
@Component({
  selector: 'app-room-workspace',
  imports: [FileTreeComponent, LiveEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-workspace.component.html',
  styleUrl: './room-workspace.component.css',
})
export class RoomWorkspaceComponent {
  readonly roomId = input.required<string>();
  readonly projectId = input.required<string>();
  /** Room.project.canEdit, and the caller is a participant or above. */
  readonly canEdit = input(false);
  /** Joined to the live document (false once the room is archived: saved copies, read-only). */
  readonly live = input(true);
  readonly openAt = input<OpenRequest | null>(null);
  /** The live project room (presence for the members panel); null while none. */
  readonly liveRoom = output<ProjectRoom | null>();

  private readonly api = inject(WorkspaceApi);
  private readonly collab = inject(CollabService);
  protected readonly workspace = signal<Result<Workspace> | null>(null);
  protected readonly room = signal<ProjectRoom | null>(null);
  protected readonly roomFailed = signal(false);
  protected readonly openFile = signal<WorkspaceFile | null>(null);
  protected readonly reveal = signal<{ readonly line: number } | null>(null);
  protected readonly notice = signal<string | null>(null);
  private readonly tracker = signal<SaveTracker | null>(null);
  private entered = 0;
  private destroyed = false;

  /** The project as the editor should treat it: editable as the room says, not as project access says. */
  protected readonly project = computed((): WorkspaceProject | null => {
    const result = this.workspace();
    if (!result?.ok) return null;
    const p = result.value.project;
    return { ...p, myAccess: { ...p.myAccess, canEdit: this.canEdit() && this.live() } };
  });
  protected readonly collaborative = computed(() => {
    const result = this.workspace();
    return !!result?.ok && result.value.collaboration.enabled && this.live() && !this.roomFailed();
  });
  protected readonly saveState = computed(() => {
    const room = this.room();
    return saveState(this.tracker()?.unsaved() ?? false, room?.pending() ?? false, room?.connected() ?? true);
  });

  constructor() {
    effect(() => {
      const [roomId, projectId, live] = [this.roomId(), this.projectId(), this.live()];
      untracked(() => void this.load(roomId, projectId, live));
    });
    effect(() => {
      const request = this.openAt();
      if (request) untracked(() => void this.follow(request));
    });
    effect(() => {
      this.room()?.pending();
      this.room()?.connected();
      untracked(() => this.tracker()?.syncChanged());
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.reset();
    });
  }

  protected open(fileId: string): void {
    const file = this.files().find((f) => f.id === fileId);
    if (file) return this.show(file, null);
    void this.reload().then(() => {
      const found = this.files().find((f) => f.id === fileId);
      if (found) this.show(found, null);
    });
  }

  protected edited(fileId: string): void {
    this.tracker()?.edited(fileId);
  }

  private files(): readonly WorkspaceFile[] {
    const result = this.workspace();
    return result?.ok ? result.value.project.files : [];
  }

  private show(file: WorkspaceFile, line: number | null): void {
    this.notice.set(null);
    this.openFile.set(file);
    this.reveal.set(line ? { line } : null);
  }

  /** A chat link: the file may be newer than the list, so the list is read again before giving up. */
  private async follow(request: OpenRequest): Promise<void> {
    const find = () => this.files().find((f) => f.path === request.path.replace(/^\.\//, ''));
    if (!find()) await this.reload();
    const file = find();
    if (file) this.show(file, request.line);
    else this.notice.set(`${request.path} is not in this project (it may have been renamed or deleted).`);
  }

  private async reload(): Promise<void> {
    const result = await new Promise<Result<Workspace>>((resolve) =>
      this.api.workspace(this.projectId()).subscribe(resolve),
    );
    if (result.ok) this.workspace.set(result);
  }

  private async load(roomId: string, projectId: string, live: boolean): Promise<void> {
    this.reset();
    const mine = ++this.entered;
    const result = await new Promise<Result<Workspace>>((resolve) => this.api.workspace(projectId).subscribe(resolve));
    if (mine !== this.entered) return;
    this.workspace.set(result);
    if (!result.ok || !result.value.collaboration.enabled || !live) return;
    const tracker = new SaveTracker(
      (ids) => this.api.filesEdited(projectId, ids),
      () => !!this.room()?.connected() && !this.room()?.pending(),
    );
    this.tracker.set(tracker);
    try {
      const room = await this.collab.enter(projectId, result.value.collaboration, { coding: roomId });
      if (mine !== this.entered) return room.leave();
      this.room.set(room);
      this.liveRoom.emit(room);
    } catch {
      if (mine === this.entered) this.roomFailed.set(true);
    }
  }

  private reset(): void {
    this.entered++;
    this.tracker()?.dispose();
    this.tracker.set(null);
    if (this.room() && !this.destroyed) this.liveRoom.emit(null);
    this.room()?.leave();
    this.room.set(null);
    this.roomFailed.set(false);
  }
}
