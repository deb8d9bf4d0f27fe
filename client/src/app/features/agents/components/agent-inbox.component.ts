import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { UserFacingError } from '../../../core/user-facing-error';
import type { TaskView } from '../models/agent-team-view';
import { AgentsApi } from '../services/agents-api.service';

type Kind = 'message' | 'answer';

/**
 * Talking to the agent on one running task: a message it reads before its next turn, or the answer to a
 * question it asked (shown while the agent is blocked on it).
 */
@Component({
  selector: 'app-agent-inbox',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="agent-inbox" data-testid="agent-inbox" [attr.data-key]="task().id">
      <div class="agent-inbox-head">
        <strong>{{ task().title }}</strong> <span class="muted">· {{ task().role }}</span>
      </div>
      @if (task().question; as question) {
        <p class="agent-question" role="status" data-testid="agent-question">
          The {{ task().role }} asks: <em>{{ question }}</em>
        </p>
      }
      <div class="agent-inbox-tabs" role="group" aria-label="Kind of note">
        <button
          type="button"
          class="tab"
          [class.active]="kind() === 'message'"
          (click)="choose('message')"
        >
          Message the agent
        </button>
        <button
          type="button"
          class="tab"
          data-testid="agent-answer-tab"
          [class.active]="kind() === 'answer'"
          (click)="choose('answer')"
        >
          Answer the agent
        </button>
      </div>
      <textarea
        rows="2"
        data-testid="agent-inbox-input"
        [attr.aria-label]="kind() === 'message' ? 'Message to the agent' : 'Answer to the agent'"
        [value]="text()"
        (input)="text.set($any($event.target).value)"
      ></textarea>
      @if (error(); as e) {
        <p class="error" role="alert" data-testid="agent-inbox-error">
          {{ errorText(e) }}
        </p>
      }
      @if (sent()) {
        <p class="muted" data-testid="agent-inbox-sent">{{ sent() }}</p>
      }
      <button
        type="button"
        class="button"
        data-testid="agent-inbox-send"
        [disabled]="pending()"
        (click)="send()"
      >
        {{ kind() === 'message' ? 'Send message' : 'Send answer' }}
      </button>
    </div>
  `,
  styles: `
    .agent-inbox {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .agent-inbox-tabs {
      display: flex;
      gap: 8px;
    }
    .tab {
      background: none;
      border: 0;
      padding: 0;
      font: inherit;
      color: inherit;
      cursor: pointer;
    }
    .tab.active {
      font-weight: 600;
      text-decoration: underline;
    }
    textarea {
      font: inherit;
      padding: 6px 8px;
      border: 1px solid var(--border-strong);
      border-radius: 6px;
    }
    .button {
      align-self: flex-start;
    }
  `,
})
export class AgentInboxComponent {
  readonly projectId = input.required<string>();
  /** A running task. */
  readonly task = input.required<TaskView>();

  private readonly api = inject(AgentsApi);
  protected readonly kind = signal<Kind>('message');
  protected readonly text = signal('');
  protected readonly pending = signal(false);
  protected readonly error = signal<UserFacingError | null>(null);
  protected readonly sent = signal<string | null>(null);

  /** The server's field error (`text` or `answer`) when there is one, else its message. */
  protected errorText(error: UserFacingError): string {
    const fields: Readonly<Record<string, string | undefined>> = error.fieldErrors;
    return fields['text'] ?? fields['answer'] ?? error.message;
  }

  protected choose(kind: Kind): void {
    this.kind.set(kind);
    this.error.set(null);
  }

  protected async send(): Promise<void> {
    const kind = this.kind();
    const { id } = this.task();
    this.pending.set(true);
    this.error.set(null);
    this.sent.set(null);
    const result = await firstValueFrom(
      kind === 'message'
        ? this.api.message(this.projectId(), id, this.text())
        : this.api.answer(this.projectId(), id, this.text()),
    );
    this.pending.set(false);
    if (!result.ok) {
      this.error.set(result.error);
      return;
    }
    this.text.set('');
    this.sent.set(
      kind === 'message' ? 'Sent: the agent reads it before its next turn.' : 'Answer sent.',
    );
  }
}
