import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The end of a panel's form: why the last submit failed, then the actions with the submit button last
 * (other actions are projected before it). Lays its parts out in the form's own grid.
 */
@Component({
  selector: 'app-form-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (error(); as message) {
      <div class="callout error" role="alert" [attr.data-testid]="errorTestId()">{{ message }}</div>
    }
    <div class="form-actions">
      <ng-content />
      <button
        type="submit"
        class="button primary"
        [attr.data-testid]="submitTestId()"
        [disabled]="pending()"
      >
        {{ pending() ? pendingLabel() : label() }}
      </button>
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class FormFooterComponent {
  /** Why the last submit failed, in words for people. */
  readonly error = input<string | null>(null);
  readonly errorTestId = input.required<string>();
  /** A submit is in flight: the button is disabled and says `pendingLabel`. */
  readonly pending = input(false);
  readonly label = input.required<string>();
  readonly pendingLabel = input('Saving…');
  readonly submitTestId = input.required<string>();
}
