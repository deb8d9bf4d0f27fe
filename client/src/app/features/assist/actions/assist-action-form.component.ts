import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { ASSIST_LIMITS } from '@contracts/assist';
import {
  ACTION_LABELS,
  type AssistAsk,
  type AssistFormValues,
  defaultTestCommand,
  scopeLabel,
} from './assist-action.models';

/** What refactor, fix and new_file ask before they start: an instruction, the error and its command, a path. */
@Component({
  selector: 'app-assist-action-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = ask();
    <form class="action-form" data-testid="assist-form" (submit)="$event.preventDefault(); send()">
      @switch (a.action) {
        @case ('refactor') {
          <label for="assist-instruction">What should change in {{ scope() }}?</label>
          <textarea
            id="assist-instruction"
            data-testid="assist-instruction"
            rows="3"
            placeholder="e.g. extract the parsing into its own function"
            [maxLength]="limits.instructionMax"
            [value]="instruction()"
            (input)="instruction.set(value($event))"
          ></textarea>
        }
        @case ('fix') {
          <label for="assist-error">The error (a failing test's output, a terminal error)</label>
          <textarea
            id="assist-error"
            data-testid="assist-error-output"
            rows="5"
            class="mono"
            placeholder="Paste the output here"
            [maxLength]="limits.errorOutputMax"
            [value]="errorOutput()"
            (input)="errorOutput.set(value($event))"
          ></textarea>
          <label for="assist-command">Check the fix with</label>
          <input
            id="assist-command"
            class="mono"
            data-testid="assist-test-command"
            [value]="testCommandValue()"
            (input)="testCommand.set(value($event))"
          />
          <p class="hint">
            Run in a sandbox with the fix written, before you accept it. Empty: no check.
          </p>
        }
        @case ('new_file') {
          <label for="assist-path">New file</label>
          <input
            id="assist-path"
            class="mono"
            data-testid="assist-new-path"
            placeholder="src/utils/slugify.ts"
            [value]="path()"
            (input)="path.set(value($event))"
          />
          <label for="assist-description">What should it do?</label>
          <textarea
            id="assist-description"
            data-testid="assist-instruction"
            rows="4"
            placeholder="e.g. a slugify(title) that lower-cases, strips accents and joins words with -"
            [maxLength]="limits.instructionMax"
            [value]="instruction()"
            (input)="instruction.set(value($event))"
          ></textarea>
        }
      }
      <div class="form-actions">
        <button
          type="submit"
          class="button primary small"
          data-testid="assist-run"
          [disabled]="!ready()"
        >
          {{ label() }}
        </button>
        <button
          type="button"
          class="button small"
          data-testid="assist-form-cancel"
          (click)="cancelled.emit()"
        >
          Cancel
        </button>
      </div>
    </form>
  `,
  styleUrl: './assist-action-form.component.css',
})
export class AssistActionFormComponent {
  readonly ask = input.required<AssistAsk>();
  readonly submitted = output<AssistFormValues>();
  readonly cancelled = output<void>();

  protected readonly limits = ASSIST_LIMITS;
  protected readonly instruction = signal('');
  protected readonly errorOutput = signal('');
  /** Null until edited: the usual runner of the file's language. */
  protected readonly testCommand = signal<string | null>(null);
  protected readonly path = signal('');

  protected readonly scope = computed(() => scopeLabel(this.ask().selection));
  protected readonly label = computed(() => ACTION_LABELS[this.ask().action].replace('…', ''));
  protected readonly ready = computed(() => {
    switch (this.ask().action) {
      case 'refactor':
        return this.instruction().trim().length > 0;
      case 'fix':
        return this.errorOutput().trim().length > 0;
      case 'new_file':
        return this.path().trim().length > 0 && this.instruction().trim().length > 0;
      default:
        return true;
    }
  });

  protected testCommandValue(): string {
    return this.testCommand() ?? defaultTestCommand(this.ask().path);
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected send(): void {
    if (!this.ready()) return;
    const action = this.ask().action;
    this.submitted.emit({
      instruction: this.instruction().trim() || undefined,
      errorOutput: action === 'fix' ? this.errorOutput() : undefined,
      testCommand: action === 'fix' ? this.testCommandValue().trim() : undefined,
      path: action === 'new_file' ? this.path().trim().replace(/^\/+/, '') : undefined,
    });
  }
}
