import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { DatePipe, DecimalPipe, PercentPipe } from '@angular/common';
import type { AgentCard } from '../models/agent-team-view';
import type { AgentTask } from '../models/agent-team.models';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';

/**
 * One card per role: what it works on now (idle, or finished once the run ended) and its totals in this
 * run. A card with tasks opens (click, Enter or Space: it is a button) to show the role's task history.
 */
@Component({
  selector: 'app-agent-cards',
  imports: [DatePipe, DecimalPipe, PercentPipe, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="agent-cards">
      @for (card of cards(); track card.role) {
        @let open = opened() === card.role;
        <li
          class="agent-card"
          data-testid="agent-card"
          [attr.data-role]="card.role"
          [class.working]="card.working.length"
          [class.open]="open"
          [attr.data-agent-status]="card.metrics?.status ?? 'idle'"
        >
          <button
            type="button"
            class="agent-card-toggle"
            data-testid="agent-card-toggle"
            [attr.aria-expanded]="open"
            [attr.aria-controls]="'agent-history-' + card.role"
            [disabled]="!card.history.length"
            [attr.title]="card.history.length ? null : 'No tasks yet'"
            (click)="toggle(card.role)"
          >
            <span class="agent-card-head">
              <strong>{{ card.role }}</strong>
              @if (card.history.length) {
                <span class="muted task-count"
                  >{{ card.history.length }} {{ card.history.length === 1 ? 'task' : 'tasks' }}
                  <span class="chevron" aria-hidden="true">{{ open ? '▴' : '▾' }}</span></span
                >
              }
            </span>
            <span data-testid="agent-activity">
              @if (card.working.length) {
                Working on
                @for (task of card.working; track task.key; let last = $last) {
                  <em>{{ task.title }}</em>
                  @if (task.agentStatus) {
                    <span class="agent-status" data-testid="agent-status"
                      >({{ task.agentStatus }})</span
                    >
                  }
                  {{ last ? '' : ', ' }}
                }
              } @else if (card.metrics?.status === 'done') {
                <span class="muted">Finished</span>
              } @else {
                <span class="muted">Idle</span>
              }
            </span>
            @if (card.metrics; as m) {
              <span class="agent-metrics muted" data-testid="agent-metrics">
                {{ m.tasksDone }} done{{ m.tasksFailed ? ' · ' + m.tasksFailed + ' failed' : '' }} ·
                {{ m.turns }} turns · {{ m.tokens | number }} tokens · {{ '$'
                }}{{ m.costUsd | number: '1.2-4' }}
                @if (m.successRate !== null) {
                  · {{ m.successRate | percent }} success
                }
                @if (m.timeMs) {
                  · {{ m.timeMs / 1000 | number: '1.0-1' }} s
                }
              </span>
            }
          </button>
          @if (open) {
            <ol
              class="agent-history"
              data-testid="agent-history"
              [id]="'agent-history-' + card.role"
              [attr.aria-label]="card.role + ' tasks'"
            >
              @for (task of card.history; track task.key) {
                <li data-testid="agent-history-task" [attr.data-key]="task.key">
                  <div class="history-head">
                    <span class="history-title">{{ task.title }}</span>
                    <app-status-badge [status]="taskState(task)" />
                  </div>
                  <div class="muted history-meta">
                    @if (task.startedAt) {
                      {{ task.startedAt | date: 'HH:mm:ss' }}
                      @if (task.finishedAt) {
                        – {{ task.finishedAt | date: 'HH:mm:ss' }} ({{ seconds(task) }})
                      }
                    } @else {
                      Not started
                    }
                    · {{ task.turns }} turns · {{ task.tokens | number }} tokens
                  </div>
                  @if (task.summary) {
                    <p class="history-summary">{{ task.summary }}</p>
                  }
                </li>
              }
            </ol>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .agent-cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 8px;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      align-items: start;
    }
    .agent-card {
      border: 1px solid var(--border-strong);
      border-radius: 6px;
      font-size: 13px;
      background: var(--surface);
    }
    .agent-card.working {
      border-color: #3b82f6;
    }
    .agent-card.open {
      grid-column: 1 / -1;
      border-color: var(--accent);
    }
    .agent-card-toggle {
      all: unset;
      box-sizing: border-box;
      width: 100%;
      padding: 8px 10px;
      display: flex;
      flex-direction: column;
      gap: 4px;
      cursor: pointer;
      border-radius: 6px;
    }
    .agent-card-toggle:disabled {
      cursor: default;
    }
    .agent-card-toggle:not(:disabled):hover {
      background: var(--hover);
    }
    .agent-card-toggle:focus-visible {
      outline: 2px solid var(--focus-ring);
    }
    .agent-card-head {
      display: flex;
      justify-content: space-between;
      gap: 8px;
    }
    .task-count {
      font-size: 12px;
      white-space: nowrap;
    }
    .agent-metrics {
      font-size: 12px;
    }
    .agent-history {
      list-style: none;
      margin: 0;
      padding: 4px 10px 10px;
      display: grid;
      gap: 6px;
      border-top: 1px solid var(--border);
    }
    .agent-history li {
      padding: 6px 0;
      border-bottom: 1px solid var(--border);
    }
    .agent-history li:last-child {
      border-bottom: 0;
    }
    .history-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 8px;
    }
    .history-title {
      font-weight: 600;
    }
    .history-meta {
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
    .history-summary {
      margin: 4px 0 0;
      font-size: 12.5px;
    }
  `,
})
export class AgentCardsComponent {
  readonly cards = input.required<readonly AgentCard[]>();
  /** The role whose card is open; one at a time, so the grid stays readable. */
  protected readonly opened = signal<string | null>(null);

  protected toggle(role: string): void {
    this.opened.update((current) => (current === role ? null : role));
  }

  /** A task's status on the shared badge: running as Running, pending as Queued, done as Done. */
  protected taskState(task: AgentTask): string {
    return task.status === 'pending' ? 'QUEUED' : task.status;
  }

  protected seconds(task: AgentTask): string {
    const ms = Date.parse(task.finishedAt ?? '') - Date.parse(task.startedAt ?? '');
    return Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : '';
  }
}
