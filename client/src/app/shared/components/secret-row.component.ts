import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DeleteButtonComponent } from './delete-button.component';

/**
 * A stored secret's table row (model key, deployment token): provider, hint, the host's own cells (projected),
 * last use and Delete. The host keeps the row's test id and data attributes on its `tr`.
 */
@Component({
  selector: 'tr[appSecretRow]',
  imports: [DatePipe, DeleteButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <td class="strong">{{ label() }}</td>
    <td>
      <code [attr.data-testid]="hintTestId()">{{ hint() }}</code>
    </td>
    <ng-content />
    <td class="muted">
      {{ lastUsedAt() ? (lastUsedAt() | date: 'MMM d, y, HH:mm') : 'Never' }}
    </td>
    <td class="actions">
      <app-delete-button
        [testId]="deleteTestId()"
        [busy]="deleting()"
        (pressed)="deletePressed.emit()"
      />
    </td>
  `,
  styles: `
    .actions {
      text-align: right;
      white-space: nowrap;
    }
  `,
})
export class SecretRowComponent {
  /** The provider's name for people. */
  readonly label = input.required<string>();
  /** What the API shows of the secret (never the secret itself). */
  readonly hint = input.required<string>();
  readonly hintTestId = input.required<string>();
  readonly lastUsedAt = input<string | null>(null);
  readonly deleteTestId = input.required<string>();
  /** This row's delete is in flight. */
  readonly deleting = input(false);
  readonly deletePressed = output<void>();
}
