import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
} from '@angular/core';

let nextId = 0;

/**
 * A modal dialog for the rooms feature's forms: a labelled `role="dialog"` over a backdrop; the first field
 * takes focus, Escape or the backdrop closes it, Tab stays inside, and focus returns where it came from.
 */
@Component({
  selector: 'app-room-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Escape closes wherever focus is (a button that went disabled while busy leaves it on the body).
  host: { '(document:keydown.escape)': 'closed.emit()' },
  template: `
    <div class="backdrop" (click)="closed.emit()"></div>
    <section
      class="dialog card"
      role="dialog"
      aria-modal="true"
      [attr.aria-labelledby]="titleId"
      (keydown)="onKey($event)"
    >
      <header class="dialog-head">
        <h2 [id]="titleId">{{ heading() }}</h2>
        <button type="button" class="close" aria-label="Close" (click)="closed.emit()">×</button>
      </header>
      <div class="dialog-body"><ng-content /></div>
    </section>
  `,
  styleUrls: ['../../../shared/styles/dialog.css'],
  styles: `
    .close:focus-visible {
      outline: 2px solid var(--accent);
    }
  `,
})
export class RoomDialogComponent {
  readonly heading = input.required<string>();
  readonly closed = output<void>();
  protected readonly titleId = `room-dialog-${++nextId}`;
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly document = inject(DOCUMENT);

  constructor() {
    const opener = this.document.activeElement as HTMLElement | null;
    afterNextRender(() => this.focusables()[1]?.focus());
    inject(DestroyRef).onDestroy(() => opener?.focus?.());
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const all = this.focusables();
    const first = all[0];
    const last = all.at(-1);
    if (event.shiftKey && this.document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && this.document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  }

  /** The close button first, then the fields and buttons of the content. */
  private focusables(): HTMLElement[] {
    return Array.from(
      this.host.nativeElement.querySelectorAll<HTMLElement>(
        'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href]',
      ),
    );
  }
}
