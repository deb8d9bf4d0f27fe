import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CodeViewerComponent } from '../../../shared/code-viewer/code-viewer.component';
import { ProjectsApi } from '../../projects/services/projects-api.service';
import { BinaryFileComponent } from './binary-file.component';
import { FileHistoryComponent } from './file-history.component';
import { FileTreeComponent } from './file-tree.component';
import type { TreeFile } from './models/file-tree';
import { FilesApi, type FileTreeData } from './services/files-api.service';
import { firstValueFrom } from 'rxjs';

/**
 * TEMPORARY (branch h-tree only): hosts the tree, the binary panel and the history the way the workspace page
 * will, so they can be seen and tested in a browser before that page lands. Removed once it does.
 */
@Component({
  selector: 'app-files-harness',
  imports: [FileTreeComponent, FileHistoryComponent, BinaryFileComponent, CodeViewerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="harness">
      <aside class="harness-tree">
        @if (data(); as d) {
          <app-file-tree
            [projectId]="id()"
            [files]="d.files"
            [folders]="d.folders"
            [canEdit]="true"
            [openFileId]="openId()"
            [presence]="presence()"
            (open)="openFile($event)"
          />
        }
      </aside>
      <main class="harness-main">
        @if (openFileEntry(); as file) {
          <div class="harness-bar">
            <span>{{ file.path }}</span>
            <button type="button" class="button" data-testid="history-toggle" (click)="history.set(!history())">
              History
            </button>
          </div>
          @if (file.binary) {
            <app-binary-file [projectId]="id()" [file]="file" />
          } @else if (content() !== null) {
            <app-code-viewer class="harness-editor" [path]="file.path" language="typescript" [content]="content() ?? ''" />
          }
        } @else {
          <p class="muted harness-empty">Open a file.</p>
        }
      </main>
      @if (history() && openId(); as fileId) {
        <aside class="harness-history">
          <app-file-history [projectId]="id()" [fileId]="fileId" [canEdit]="true" (restored)="openFile($event)" />
        </aside>
      }
    </div>
  `,
  styles: `
    .harness { display: grid; grid-template-columns: 280px 1fr auto; height: calc(100vh - 96px); }
    .harness-tree { border-right: 1px solid var(--border); min-height: 0; }
    .harness-main { display: flex; flex-direction: column; min-width: 0; min-height: 0; background: var(--surface); }
    .harness-bar { display: flex; justify-content: space-between; align-items: center; padding: 6px 12px; border-bottom: 1px solid var(--border); font-family: var(--mono); font-size: 12px; }
    .harness-editor { flex: 1; }
    .harness-empty { padding: 24px; }
    .harness-history { width: 560px; border-left: 1px solid var(--border); min-height: 0; }
  `,
})
export class FilesHarnessPage {
  readonly id = input.required<string>();
  private readonly files = inject(FilesApi);
  private readonly projects = inject(ProjectsApi);
  protected readonly data = signal<FileTreeData | null>(null);
  protected readonly openId = signal<string | null>(null);
  protected readonly content = signal<string | null>(null);
  protected readonly history = signal(false);
  protected readonly presence = computed(() =>
    this.openId() ? [{ fileId: this.openId() ?? '', name: 'You Here', color: '#3f5bd9' }] : [],
  );
  protected readonly openFileEntry = computed<TreeFile | null>(
    () => this.data()?.files.find((f) => f.id === this.openId()) ?? null,
  );

  constructor() {
    queueMicrotask(() => void this.load());
  }

  private async load() {
    const result = await this.files.tree(this.id());
    if (result.ok) this.data.set(result.value);
  }

  protected async openFile(fileId: string) {
    await this.load();
    this.openId.set(fileId);
    this.content.set(null);
    const file = this.openFileEntry();
    if (!file || file.binary) return;
    const result = await firstValueFrom(this.projects.file(this.id(), file.path));
    this.content.set(result.ok ? result.value.content : '');
  }
}
