import { Injectable, inject, signal } from '@angular/core';
import { joinPath } from '../models/file-tree';
import type { UploadItem } from '../upload-list.component';
import { FileUploads } from './file-upload.service';

/**
 * One tree's uploads: files go one after another (each counts against the daily limit) and each keeps
 * its state and error. Provided per tree component.
 */
@Injectable()
export class UploadQueue {
  private readonly uploads = inject(FileUploads);
  private keys = 0;
  readonly items = signal<readonly UploadItem[]>([]);

  /** Uploads `files` into `folder`; finished items of an earlier batch make room for these. */
  async run(projectId: string, files: readonly File[], folder: string): Promise<void> {
    const batch = files.map(
      (file): UploadItem => ({
        key: ++this.keys,
        name: file.name,
        path: joinPath(folder, file.name),
        size: file.size,
        status: 'queued',
      }),
    );
    const busy = this.items().some((u) => u.status === 'queued' || u.status === 'uploading');
    this.items.set([...(busy ? this.items() : []), ...batch]);
    for (const [i, item] of batch.entries()) {
      this.update(item.key, { status: 'uploading' });
      const result = await this.uploads.upload(projectId, item.path, files[i] as File);
      if (result.ok) this.update(item.key, { status: 'done', binary: result.value.binary });
      else this.update(item.key, { status: 'failed', error: result.error.message });
    }
  }

  clear(): void {
    this.items.set([]);
  }

  private update(key: number, change: Partial<UploadItem>): void {
    this.items.update((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));
  }
}
