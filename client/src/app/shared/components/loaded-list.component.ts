import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A list call's state as a component holds it: null while loading, else what the call answered. */
export type LoadedList =
  | { readonly ok: true; readonly value: readonly unknown[] }
  | { readonly ok: false; readonly error: { readonly message: string } }
  | null;

/**
 * The states of a loaded list around its table: a busy line while loading, the failure with "Try again",
 * the empty text; the projected content (the table) shows only once there is something in the list.
 * The host adds no box of its own.
 */
@Component({
  selector: 'app-loaded-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let list = result();
    @if (!list) {
      <p class="muted" aria-busy="true">{{ loadingText() }}</p>
    } @else if (!list.ok) {
      <div class="callout error" role="alert">
        <p>{{ list.error.message }}</p>
        <button type="button" class="button" (click)="retry.emit()">Try again</button>
      </div>
    } @else if (list.value.length === 0) {
      <p class="muted" [attr.data-testid]="emptyTestId()">{{ emptyText() }}</p>
    } @else {
      <ng-content />
    }
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class LoadedListComponent {
  readonly result = input.required<LoadedList>();
  readonly loadingText = input('Loading…');
  readonly emptyText = input.required<string>();
  readonly emptyTestId = input<string | null>(null);
  /** The reader asked to load the list again after a failure. */
  readonly retry = output<void>();
}
