import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ByteSizePipe } from '../../../shared/byte-size.pipe';
import { fileIcon } from './models/file-icon';
import { type TreeFile, baseName } from './models/file-tree';
import { rawFileUrl } from './services/file-urls';

/** Stands in for the editor on a binary file: what it is, how big, and a download link. Never its bytes. */
@Component({
  selector: 'app-binary-file',
  imports: [ByteSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="binary-file" data-testid="binary-file" [attr.data-path]="file().path">
      <span class="binary-chip" aria-hidden="true" [style.color]="icon().color">{{ icon().label }}</span>
      <h2 class="binary-name">{{ name() }}</h2>
      <p class="binary-meta">
        <span data-testid="binary-file-kind">Binary file</span> ·
        <span data-testid="binary-file-size">{{ file().size | byteSize }}</span>
      </p>
      <p class="binary-note">Binary files are stored as they are and cannot be edited here.</p>
      <a
        class="button primary"
        data-testid="binary-file-download"
        [href]="downloadUrl()"
        [attr.download]="name()"
        >Download</a
      >
    </section>
  `,
  styles: `
    :host {
      display: grid;
      place-items: center;
      height: 100%;
      min-height: 240px;
      padding: 24px;
    }
    .binary-file {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 4px;
      max-width: 420px;
      text-align: center;
    }
    .binary-chip {
      display: grid;
      place-items: center;
      width: 56px;
      height: 56px;
      margin-bottom: 8px;
      border: 1px solid var(--border);
      border-radius: 10px;
      background: var(--neutral-bg);
      font: 700 14px var(--mono);
    }
    .binary-name {
      font-size: 16px;
      overflow-wrap: anywhere;
    }
    .binary-meta {
      margin: 0;
      color: var(--text);
    }
    .binary-note {
      margin: 4px 0 14px;
      color: var(--muted);
    }
  `,
})
export class BinaryFileComponent {
  readonly projectId = input.required<string>();
  readonly file = input.required<TreeFile>();

  protected readonly name = computed(() => baseName(this.file().path));
  protected readonly icon = computed(() => fileIcon(this.name(), true));
  protected readonly downloadUrl = computed(() => rawFileUrl(this.projectId(), this.file().path));
}
