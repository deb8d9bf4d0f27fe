import { InjectionToken } from '@angular/core';

/** Puts text on the clipboard; rejects when the browser refuses (no permission, insecure origin). */
export const CLIPBOARD_WRITE = new InjectionToken<(text: string) => Promise<void>>(
  'CLIPBOARD_WRITE',
  { providedIn: 'root', factory: () => (text) => navigator.clipboard.writeText(text) },
);

/** Asks the user to confirm an action that cannot be undone; tests answer for them. */
export const CONFIRM = new InjectionToken<(question: string) => boolean>('CONFIRM', {
  providedIn: 'root',
  factory: () => (question) => window.confirm(question),
});

/** A file the user saves to disk; `content` is its text. */
export interface DownloadedFile {
  readonly name: string;
  readonly type: string;
  readonly content: string;
}

/** Offers a file as a download (a Blob behind an object URL); tests record what was offered. */
export const DOWNLOAD_FILE = new InjectionToken<(file: DownloadedFile) => void>('DOWNLOAD_FILE', {
  providedIn: 'root',
  factory: () => (file) => {
    const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name;
    link.click();
    // The click starts the download synchronously; the URL only has to outlive this task.
    setTimeout(() => URL.revokeObjectURL(url));
  },
});
