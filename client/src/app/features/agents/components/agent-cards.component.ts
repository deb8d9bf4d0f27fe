import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DecimalPipe, PercentPipe } from '@angular/common';
import type { AgentCard } from '../models/agent-team-view';

/** One card per role: what it works on now (idle, or finished once the run ended) and its totals in this run. */
@Component({
  selector: 'app-agent-cards',
  imports: [DecimalPipe, PercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="agent-cards">
      @for (card of cards(); track card.role) {
        <li
          class="agent-card"
          data-testid="agent-card"
          [attr.data-role]="card.role"
          [class.working]="card.working.length"
          [attr.data-agent-status]="card.metrics?.status ?? 'idle'"
        >
          <strong>{{ card.role }}</strong>
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
    }
    .agent-card {
      border: 1px solid #cfd5df;
      border-radius: 6px;
      padding: 8px;
      display: flex;
      flex-direction: column;
      gap: 4px;
      font-size: 13px;
    }
    .agent-card.working {
      border-color: #3b82f6;
    }
    .agent-metrics {
      font-size: 12px;
    }
  `,
})
export class AgentCardsComponent {
  readonly cards = input.required<readonly AgentCard[]>();
}
