import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type FilePresence, initials, textOn } from '../models/presence.models';

/** A file as the list shows it. */
export interface ListedFile {
  readonly id: string;
  readonly path: string;
  readonly binary: boolean;
}

/**
 * A flat list of the project's files with who has each open. It has `<app-file-tree>`'s inputs and output,
 * and stands in for it until the tree (create, rename, move, delete, upload) replaces it.
 */
@Component({
  selector: 'app-workspace-file-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="files" data-testid="workspace-files">
      @for (file of files(); track file.id) {
        <li>
          <button
            type="button"
            class="file"
            data-testid="workspace-file"
            [attr.data-path]="file.path"
            [class.open]="file.id === openFileId()"
            [attr.aria-current]="file.id === openFileId() ? 'true' : null"
            (click)="open.emit(file.id)"
          >
            <span class="path" [title]="file.path">{{ file.path }}</span>
            @for (who of presentIn().get(file.id) ?? []; track $index) {
              <span
                class="dot"
                data-testid="file-presence"
                [title]="who.name"
                [style.background]="who.color"
                [style.color]="textOn(who.color)"
                >{{ initials(who.name) }}</span
              >
            }
          </button>
        </li>
      } @empty {
        <li class="empty" data-testid="workspace-files-empty">This project has no files yet.</li>
      }
    </ul>
  `,
  styles: `
    .files {
      margin: 0;
      padding: 6px;
      list-style: none;
    }
    .file {
      display: flex;
      align-items: center;
      gap: 4px;
      width: 100%;
      padding: 5px 8px;
      border: 0;
      border-radius: 6px;
      background: none;
      color: var(--text);
      font: 13px var(--mono);
      text-align: left;
      cursor: pointer;
    }
    .file:hover {
      background: var(--neutral-bg);
    }
    .file.open {
      background: var(--info-bg);
      color: var(--accent-strong);
    }
    .path {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .dot {
      flex: none;
      display: grid;
      place-items: center;
      min-width: 18px;
      height: 18px;
      padding: 0 3px;
      border-radius: 9px;
      font:
        700 9px system-ui,
        sans-serif;
    }
    .empty {
      padding: 12px 8px;
      color: var(--muted);
    }
  `,
})
export class WorkspaceFileListComponent {
  readonly projectId = input.required<string>();
  readonly files = input.required<readonly ListedFile[]>();
  readonly folders = input<readonly string[]>([]);
  readonly canEdit = input(false);
  readonly openFileId = input<string | null>(null);
  readonly presence = input<readonly FilePresence[]>([]);
  readonly open = output<string>();

  protected readonly presentIn = computed(() => {
    const byFile = new Map<string, FilePresence[]>();
    for (const entry of this.presence()) {
      byFile.set(entry.fileId, [...(byFile.get(entry.fileId) ?? []), entry]);
    }
    return byFile;
  });
  protected readonly initials = initials;
  protected readonly textOn = textOn;
}
