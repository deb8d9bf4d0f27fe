import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { FormState } from '../../../shared/form-state';

/** One labelled text input bound to a `FormState` field, with its error below (`field-error-<field>`). */
@Component({
  selector: 'app-auth-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let error = form().errors()[field()];
    <div class="field">
      <label [for]="testId()">{{ label() }}</label>
      <input
        [id]="testId()"
        [name]="field()"
        [type]="type()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
        [value]="form().value()[field()]"
        [attr.aria-invalid]="!!error"
        [attr.aria-describedby]="error ? testId() + '-error' : hint() ? testId() + '-hint' : null"
        (input)="form().set(field(), $any($event.target).value)"
        (blur)="form().touch(field())"
      />
      @if (error) {
        <p class="field-error" [id]="testId() + '-error'" [attr.data-testid]="'field-error-' + field()">
          {{ error }}
        </p>
      } @else if (hint()) {
        <p class="hint" [id]="testId() + '-hint'">{{ hint() }}</p>
      }
    </div>
  `,
})
export class AuthFieldComponent {
  // The form's value type varies per page; each page passes its own FormState.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly form = input.required<FormState<any>>();
  readonly field = input.required<string>();
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly type = input<'text' | 'email' | 'password'>('text');
  readonly autocomplete = input<string | null>(null);
  readonly hint = input<string | null>(null);
}
