import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AgentHandoff } from '../models/agent-team.models';

/** The run's handoffs, oldest first: who passed which task to whom and why, with what it passed on. */
@Component({
  selector: 'app-agent-handoffs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="handoffs">
      @for (h of handoffs(); track h.fromTaskKey) {
        <li data-testid="handoff" [attr.data-from]="h.fromTaskKey">
          <strong>{{ h.fromRole }} → {{ h.toRole }}</strong
          >: {{ h.reason }}
          <span class="muted" data-testid="handoff-tasks"
            >({{ h.fromTaskKey }} → {{ h.toTaskKey ?? 'not started yet' }})</span
          >
          @if (h.context) {
            <details>
              <summary>What it passed on</summary>
              <pre data-testid="handoff-context">{{ h.context }}</pre>
            </details>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .handoffs {
      margin: 0;
      padding-left: 20px;
      display: grid;
      gap: 4px;
      font-size: 13px;
    }
    pre {
      white-space: pre-wrap;
      margin: 4px 0;
      font-size: 12px;
    }
  `,
})
export class AgentHandoffsComponent {
  readonly handoffs = input.required<readonly AgentHandoff[]>();
}
