import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import type { UserFacingError } from '../../../core/user-facing-error';

/** The server's limit on a project's description (`startTeamRun` answers BAD_USER_INPUT beyond it). */
export const DESCRIPTION_MAX = 500;

/** What a new agent-team build starts from. */
export interface RebuildRequest {
  readonly description: string;
  readonly autoApprovePlan: boolean;
}

/** The description's problem, or null when the server would accept it. */
export function descriptionProblem(text: string): string | null {
  const length = text.trim().length;
  return length === 0 || length > DESCRIPTION_MAX
    ? `Describe the app in 1 to ${DESCRIPTION_MAX} characters`
    : null;
}

/**
 * "Build again with the agent team": the description (prefilled with the project's) and auto-approval, checked
 * here before sending. What was typed stays when the server refuses; its field error shows under the field.
 */
@Component({
  selector: 'app-rebuild-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="rebuild-form"
      aria-label="Build again with the agent team"
      data-testid="rebuild-form"
      novalidate
      (submit)="submit($event)"
    >
      <h3>Build again with the agent team</h3>
      <label for="rebuild-description">What should the agent team build?</label>
      <textarea
        id="rebuild-description"
        rows="3"
        data-testid="rebuild-description"
        [value]="text()"
        [attr.aria-invalid]="!!fieldError()"
        [attr.aria-describedby]="fieldError() ? 'rebuild-description-error' : null"
        (input)="text.set($any($event.target).value)"
      ></textarea>
      <span class="muted count" data-testid="rebuild-description-count"
        >{{ text().trim().length }}/{{ max }}</span
      >
      @if (fieldError(); as message) {
        <p id="rebuild-description-error" class="field-error" data-testid="field-error-description">
          {{ message }}
        </p>
      }
      <label class="check">
        <input
          type="checkbox"
          data-testid="rebuild-auto-approve"
          [checked]="autoApprove()"
          (change)="autoApprove.set($any($event.target).checked)"
        />
        Approve the plan automatically
      </label>
      @if (error(); as e) {
        @if (!e.fieldErrors['description']) {
          <p class="error" role="alert" data-testid="rebuild-error">{{ e.message }}</p>
        }
      }
      <div class="form-actions">
        <button
          type="submit"
          class="button primary"
          data-testid="rebuild-submit"
          [disabled]="pending()"
        >
          {{ pending() ? 'Starting…' : 'Build again' }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .rebuild-form {
      display: grid;
      gap: 6px;
      padding: 12px 14px;
      margin: 8px 0;
      border: 1px solid var(--border-strong);
      border-radius: 8px;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 14px;
    }
    label {
      font-weight: 600;
      font-size: 13px;
    }
    label.check {
      font-weight: normal;
      display: flex;
      gap: 6px;
      align-items: center;
    }
    textarea {
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      resize: vertical;
    }
    .count {
      justify-self: end;
      font-size: 12px;
    }
    p {
      margin: 0;
    }
  `,
})
export class RebuildFormComponent {
  /** The project's current description: the starting text. */
  readonly description = input('');
  /** The project's current setting: the checkbox's starting state. */
  readonly autoApprovePlan = input(false);
  readonly pending = input(false);
  /** The last attempt's error: BAD_USER_INPUT on `description` under the field, anything else below. */
  readonly error = input<UserFacingError | null>(null);
  readonly start = output<RebuildRequest>();

  protected readonly max = DESCRIPTION_MAX;
  // Linked, so a re-read of the same project keeps what was typed; a new description starts over.
  protected readonly text = linkedSignal(() => this.description());
  protected readonly autoApprove = linkedSignal(() => this.autoApprovePlan());
  /** Problems show once the person tried to send, then follow the text. */
  private readonly tried = signal(false);
  protected readonly fieldError = computed(
    () =>
      (this.tried() ? descriptionProblem(this.text()) : null) ??
      this.error()?.fieldErrors['description'] ??
      null,
  );

  protected submit(event: Event): void {
    event.preventDefault();
    this.tried.set(true);
    if (this.pending() || descriptionProblem(this.text())) return;
    this.start.emit({ description: this.text().trim(), autoApprovePlan: this.autoApprove() });
  }
}
