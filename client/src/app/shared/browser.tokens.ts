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
