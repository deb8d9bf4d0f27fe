import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { type BillingSubscription, billingDate, tierLabel } from '../models/billing.models';

/**
 * Cancelling, confirmed: at the end of the cycle (the tier stays until then) or now (Free at once, the unused
 * days refunded with a credit note). Nothing happens until "Cancel plan" is pressed.
 */
@Component({
  selector: 'app-cancel-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="backdrop" (click)="closed.emit()"></div>
    <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="cancel-title" data-testid="cancel-dialog">
      <div class="dialog-head">
        <h2 id="cancel-title">Cancel {{ label(subscription().tier) }}?</h2>
        <button type="button" class="close" aria-label="Close" (click)="closed.emit()">×</button>
      </div>
      <div class="dialog-body">
        <label class="option">
          <input type="radio" name="when" data-testid="cancel-at-end" autofocus [checked]="atCycleEnd()" (change)="atCycleEnd.set(true)" />
          <span>
            <span class="strong">At the end of the cycle</span>
            <span class="muted">Keep {{ label(subscription().tier) }} until {{ end() }}, then Free. No further charges.</span>
          </span>
        </label>
        <label class="option">
          <input type="radio" name="when" data-testid="cancel-now" [checked]="!atCycleEnd()" (change)="atCycleEnd.set(false)" />
          <span>
            <span class="strong">Now</span>
            <span class="muted">Free limits at once; the unused days are refunded with a credit note.</span>
          </span>
        </label>
        <p class="muted small">Your projects and files are kept either way.</p>
        <div class="actions">
          <button type="button" class="button" (click)="closed.emit()">Keep plan</button>
          <button type="button" class="button danger" data-testid="cancel-confirm" (click)="confirmed.emit(atCycleEnd())">
            Cancel plan
          </button>
        </div>
      </div>
    </div>
  `,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  styleUrl: '../../../shared/styles/dialog.css',
  styles: `
    .option {
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px 12px;
      border: 1px solid var(--border);
      border-radius: 6px;
      cursor: pointer;
    }
    .option > span {
      display: grid;
      gap: 2px;
    }
    .option input {
      margin-top: 4px;
    }
    .small {
      margin: 0;
      font-size: 12.5px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class CancelDialogComponent {
  readonly subscription = input.required<BillingSubscription>();
  readonly confirmed = output<boolean>();
  readonly closed = output<void>();
  protected readonly atCycleEnd = signal(true);
  protected readonly label = tierLabel;
  protected end(): string {
    return billingDate(this.subscription().currentEnd) || 'the end of the cycle';
  }
}
