import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { UserFacingError } from '../../../core/user-facing-error';

/** The approval prompt: approve the proposed plan, or ask the architect for changes with feedback. */
@Component({
  selector: 'app-plan-review',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="plan-review" role="region" aria-label="Plan approval" data-testid="plan-review">
      <p>
        <strong
          >The architect proposed a plan{{
            version() > 1 ? ' (version ' + version() + ')' : ''
          }}.</strong
        >
        Approve it to start the agent team, or say what to change.
      </p>
      @if (offline(); as o) {
        <p
          class="offline-note"
          role="note"
          data-testid="plan-offline-note"
          [class.unmatched]="!o.matched"
          [attr.data-matched]="o.matched"
        >
          {{ o.note }}
        </p>
      }
      @if (asking()) {
        <label for="plan-feedback">What should the architect change?</label>
        <textarea
          id="plan-feedback"
          rows="3"
          data-testid="plan-feedback-input"
          [value]="feedback()"
          [attr.aria-invalid]="!!error()?.fieldErrors?.['feedback']"
          (input)="feedback.set($any($event.target).value)"
        ></textarea>
        @if (error()?.fieldErrors?.['feedback']; as message) {
          <p class="field-error" data-testid="field-error-feedback">{{ message }}</p>
        }
      }
      @if (error(); as e) {
        @if (!e.fieldErrors['feedback']) {
          <p class="error" role="alert" data-testid="plan-review-error">{{ e.message }}</p>
        }
      }
      <div class="form-actions">
        @if (asking()) {
          <button type="button" class="button" [disabled]="pending()" (click)="asking.set(false)">
            Back
          </button>
          <button
            type="button"
            class="button primary"
            data-testid="plan-send-feedback"
            [disabled]="pending()"
            (click)="requestChanges.emit(feedback())"
          >
            Send feedback
          </button>
        } @else {
          <button
            type="button"
            class="button"
            data-testid="plan-request-changes"
            [disabled]="pending()"
            (click)="asking.set(true)"
          >
            Request changes
          </button>
          <button
            type="button"
            class="button primary"
            data-testid="plan-approve"
            [disabled]="pending()"
            (click)="approve.emit()"
          >
            {{ pending() ? 'Sending…' : 'Approve plan' }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .plan-review {
      display: grid;
      gap: 8px;
      padding: 12px 14px;
      margin: 12px 0;
      border: 1px solid var(--focus-ring);
      border-radius: 8px;
      background: var(--info-bg);
    }
    .plan-review p {
      margin: 0;
    }
    .offline-note {
      padding: 8px 10px;
      border-radius: 6px;
      background: var(--neutral-bg);
      font-size: 13px;
    }
    .offline-note.unmatched {
      background: var(--progress-bg);
      color: var(--progress);
      border: 1px solid color-mix(in srgb, var(--progress) 35%, transparent);
      font-weight: 500;
    }
    textarea {
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      resize: vertical;
    }
    label {
      font-weight: 600;
      font-size: 13px;
    }
  `,
})
export class PlanReviewComponent {
  readonly version = input(1);
  /** Offline mode: what the run will build instead of calling a model (the server's note). */
  readonly offline = input<{ readonly matched: boolean; readonly note: string } | null>(null);
  readonly pending = input(false);
  /** The last review's error; BAD_USER_INPUT on `feedback` shows under the textarea. */
  readonly error = input<UserFacingError | null>(null);
  readonly approve = output<void>();
  /** The feedback as typed; the server requires it and says so. */
  readonly requestChanges = output<string>();

  protected readonly asking = signal(false);
  protected readonly feedback = signal('');
}
