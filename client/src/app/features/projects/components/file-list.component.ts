import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ByteSizePipe } from '../../../shared/byte-size.pipe';
import type { ProjectFileEntry } from '../models/project.models';

/** The project's files; choosing one asks the page to open it. */
@Component({
  selector: 'app-file-list',
  imports: [ByteSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="file-list" data-testid="file-list">
      @for (file of files(); track file.id) {
        <li>
          <button
            type="button"
            class="file-item"
            data-testid="file-item"
            [attr.data-path]="file.path"
            [class.selected]="file.path === selectedPath()"
            [attr.aria-current]="file.path === selectedPath() ? 'true' : null"
            (click)="open.emit(file.path)"
          >
            <span class="file-path">{{ file.path }}</span>
            <span class="file-meta">{{ file.language }} · {{ file.size | byteSize }}</span>
          </button>
        </li>
      } @empty {
        <li class="file-empty">No files yet. They appear here as the run creates them.</li>
      }
    </ul>
  `,
})
export class FileListComponent {
  readonly files = input.required<readonly ProjectFileEntry[]>();
  readonly selectedPath = input<string | null>(null);
  readonly open = output<string>();
}
