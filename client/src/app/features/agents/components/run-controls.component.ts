import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { UserFacingError } from '../../../core/user-facing-error';

/** Phases in which the agent team can be paused, and cancelled. */
const PAUSABLE: ReadonlySet<string> = new Set([
  'planning',
  'awaiting_approval',
  'running',
  'verifying',
]);
/** A run waiting for an agent-run slot can be cancelled (there is nothing to pause yet). */
const CANCELLABLE: ReadonlySet<string> = new Set([...PAUSABLE, 'paused', 'waiting']);

/** Pause (with a reason), resume and cancel (after a confirmation); only what the phase allows shows. */
@Component({
  selector: 'app-run-controls',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="run-controls" data-testid="run-controls" [attr.data-phase]="phase()">
      @if (phase() === 'paused') {
        <p class="paused" data-testid="paused-reason">
          Paused: {{ pausedReason() || 'no reason given' }}
        </p>
        <button
          type="button"
          class="button primary"
          data-testid="run-resume"
          [disabled]="pending()"
          (click)="resume.emit()"
        >
          Resume
        </button>
      }
      @if (canPause()) {
        <input
          aria-label="Reason to pause"
          placeholder="Reason (optional)"
          data-testid="pause-reason-input"
          maxlength="500"
          [value]="reason()"
          (input)="reason.set($any($event.target).value)"
        />
        <button
          type="button"
          class="button"
          data-testid="run-pause"
          [disabled]="pending()"
          (click)="pause.emit(reason().trim() || null)"
        >
          Pause
        </button>
      }
      @if (canCancel()) {
        @if (confirming()) {
          <span>Cancel the run? The agents stop and the sandbox is destroyed.</span>
          <button
            type="button"
            class="button"
            [disabled]="pending()"
            (click)="confirming.set(false)"
          >
            Keep running
          </button>
          <button
            type="button"
            class="button danger"
            data-testid="run-cancel-confirm"
            [disabled]="pending()"
            (click)="confirming.set(false); cancel.emit()"
          >
            Yes, cancel
          </button>
        } @else {
          <button
            type="button"
            class="button danger"
            data-testid="run-cancel"
            [disabled]="pending()"
            (click)="confirming.set(true)"
          >
            Cancel run
          </button>
        }
      }
      @if (error(); as e) {
        <p class="error" role="alert" data-testid="run-controls-error">{{ e.message }}</p>
      }
    </div>
  `,
  styles: `
    .run-controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
    }
    /* An ended run has no controls: no empty band above what the panel says next. */
    .run-controls:empty {
      display: none;
    }
    .paused {
      flex-basis: 100%;
      margin: 0;
      font-weight: 600;
    }
    input {
      font: inherit;
      padding: 6px 8px;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      min-width: 200px;
    }
    .error {
      flex-basis: 100%;
      margin: 0;
    }
  `,
})
export class RunControlsComponent {
  /** The agent team's phase, or null when the live state is unknown (nothing to control then). */
  readonly phase = input<string | null>(null);
  readonly pausedReason = input<string | null>(null);
  readonly pending = input(false);
  /** The last control's error (CONFLICT says what the state forbids). */
  readonly error = input<UserFacingError | null>(null);
  readonly pause = output<string | null>();
  readonly resume = output<void>();
  readonly cancel = output<void>();

  protected readonly reason = signal('');
  protected readonly confirming = signal(false);
  protected readonly canPause = computed(() => PAUSABLE.has(this.phase() ?? ''));
  protected readonly canCancel = computed(() => CANCELLABLE.has(this.phase() ?? ''));
}
