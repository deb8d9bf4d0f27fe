import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * A form field for a secret (model key, deployment token): a password input the browser neither fills nor
 * checks the spelling of, and its error under it. The host holds the value; the element is the `.field`.
 */
@Component({
  selector: 'app-secret-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label [for]="inputId()">{{ label() }}</label>
    <input
      [id]="inputId()"
      [attr.name]="name()"
      type="password"
      autocomplete="new-password"
      spellcheck="false"
      [attr.data-testid]="testId()"
      [value]="value()"
      [attr.aria-invalid]="!!error()"
      (input)="valueChange.emit($any($event.target).value)"
      (blur)="touched.emit()"
    />
    @if (error(); as message) {
      <p class="field-error" [attr.data-testid]="errorTestId()">{{ message }}</p>
    }
  `,
})
export class SecretFieldComponent {
  readonly inputId = input.required<string>();
  readonly name = input<string | null>(null);
  readonly label = input.required<string>();
  readonly testId = input.required<string>();
  readonly errorTestId = input.required<string>();
  readonly value = input.required<string>();
  /** Why the value is refused, under the input. */
  readonly error = input<string | undefined | null>(null);
  readonly valueChange = output<string>();
  /** The input lost focus (its error may show from now on). */
  readonly touched = output<void>();
}
