import { Injectable, signal } from '@angular/core';

const KEY = 'atelier:assist-completions';

/** Whether this person wants inline completions (on unless turned off), kept in localStorage. */
@Injectable({ providedIn: 'root' })
export class CompletionSettings {
  readonly enabled = signal(read());

  toggle(): void {
    const next = !this.enabled();
    this.enabled.set(next);
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Storage refused (private mode): the choice lasts for this page only.
    }
  }
}

function read(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}
