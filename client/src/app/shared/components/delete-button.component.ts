import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A row's Delete button, disabled while that row's delete is in flight; the test id stays on the button. */
@Component({
  selector: 'app-delete-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="button danger"
      [attr.data-testid]="testId()"
      [disabled]="busy()"
      (click)="pressed.emit()"
    >
      Delete
    </button>
  `,
})
export class DeleteButtonComponent {
  readonly testId = input.required<string>();
  readonly busy = input(false);
  readonly pressed = output<void>();
}
