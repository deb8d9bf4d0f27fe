import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { ByteSizePipe } from '../../../shared/byte-size.pipe';

/** One file the user asked to upload, from choosing it to the server's answer. */
export interface UploadItem {
  readonly key: number;
  readonly name: string;
  /** Where it goes in the project. */
  readonly path: string;
  readonly size: number;
  readonly status: 'queued' | 'uploading' | 'done' | 'failed';
  readonly binary?: boolean;
  readonly error?: string;
}

const STATUS_TEXT: Record<UploadItem['status'], string> = {
  queued: 'Waiting…',
  uploading: 'Uploading…',
  done: 'Uploaded',
  failed: 'Failed',
};

/** The uploads of this page: each file's progress and result, errors spelled out. */
@Component({
  selector: 'app-upload-list',
  imports: [ByteSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="uploads" data-testid="upload-list" aria-label="Uploads">
      <header class="uploads-header">
        <h3>{{ summary() }}</h3>
        @if (!busy()) {
          <button type="button" class="link" data-testid="upload-clear" (click)="clear.emit()">
            Dismiss
          </button>
        }
      </header>
      <ul aria-live="polite">
        @for (item of items(); track item.key) {
          <li
            class="upload"
            data-testid="upload-item"
            [attr.data-path]="item.path"
            [attr.data-status]="item.status"
            [class.failed]="item.status === 'failed'"
          >
            <div class="upload-line">
              <span class="upload-name" [title]="item.path">{{ item.path }}</span>
              <span class="upload-status">
                @if (item.status === 'done') {
                  {{ item.size | byteSize }}{{ item.binary ? ' · binary' : '' }} ✓
                } @else {
                  {{ statusText[item.status] }}
                }
              </span>
            </div>
            @if (item.status === 'uploading') {
              <div class="upload-bar" role="progressbar" aria-label="Uploading"></div>
            }
            @if (item.error) {
              <p class="upload-error" data-testid="upload-error" role="alert">{{ item.error }}</p>
            }
          </li>
        }
      </ul>
    </section>
  `,
  styleUrl: './upload-list.component.css',
})
export class UploadListComponent {
  readonly items = input.required<readonly UploadItem[]>();
  readonly clear = output<void>();

  protected readonly statusText = STATUS_TEXT;
  protected readonly busy = computed(() =>
    this.items().some((i) => i.status === 'queued' || i.status === 'uploading'),
  );
  protected readonly summary = computed(() => {
    const items = this.items();
    const done = items.filter((i) => i.status === 'done').length;
    const failed = items.filter((i) => i.status === 'failed').length;
    if (this.busy()) return `Uploading ${done + failed + 1} of ${items.length}`;
    if (!failed) return `${done} uploaded`;
    return done ? `${done} uploaded, ${failed} failed` : `${failed} failed`;
  });
}
