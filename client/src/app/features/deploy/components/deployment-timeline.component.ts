import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TimelineStep } from '../models/timeline';

/** The deployment's steps left to right: done ticks, the current one pulsing, a failed one red. */
@Component({
  selector: 'app-deployment-timeline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" data-testid="deploy-timeline">
      @for (s of steps(); track s.step) {
        <li
          class="step"
          data-testid="deploy-step"
          [attr.data-step]="s.step"
          [attr.data-state]="s.state"
          [attr.aria-current]="s.state === 'current' ? 'step' : null"
        >
          <span class="dot" aria-hidden="true">{{ icon[s.state] }}</span>
          <span class="label">{{ s.label }}</span>
          <span class="sr-only">({{ words[s.state] }})</span>
        </li>
      }
    </ol>
  `,
  styleUrl: '../../../shared/styles/sr-only.css',
  styles: `
    .timeline {
      display: flex;
      list-style: none;
      margin: 0;
      padding: 0;
      gap: 0;
      overflow-x: auto;
    }
    .step {
      flex: 1;
      min-width: 84px;
      display: grid;
      justify-items: center;
      gap: 6px;
      position: relative;
      font-size: 13px;
      color: var(--muted);
    }
    .step + .step::before {
      content: '';
      position: absolute;
      top: 12px;
      right: 50%;
      width: 100%;
      height: 2px;
      background: var(--border-strong);
      z-index: 0;
    }
    .step[data-state='done'] + .step::before,
    .step[data-state='done'] + .step[data-state]::before {
      background: var(--success);
    }
    .dot {
      position: relative;
      z-index: 1;
      width: 26px;
      height: 26px;
      border-radius: 50%;
      display: grid;
      place-items: center;
      font-size: 13px;
      font-weight: 700;
      background: var(--surface);
      border: 2px solid var(--border-strong);
      color: var(--muted);
    }
    [data-state='done'] .dot {
      background: var(--success);
      border-color: var(--success);
      color: var(--on-accent);
    }
    [data-state='done'] {
      color: var(--text);
    }
    [data-state='current'] {
      color: var(--text);
      font-weight: 600;
    }
    [data-state='current'] .dot {
      border-color: var(--accent);
      background: var(--info-bg);
      animation: ring 1.4s ease-in-out infinite;
    }
    [data-state='failed'] {
      color: var(--danger);
      font-weight: 600;
    }
    [data-state='failed'] .dot {
      background: var(--danger);
      border-color: var(--danger);
      color: #fff;
    }
    [data-state='cancelled'] .dot {
      border-style: dashed;
    }
    [data-state='skipped'] .dot {
      border-style: dotted;
    }
    @keyframes ring {
      50% {
        box-shadow: 0 0 0 6px color-mix(in srgb, var(--accent) 25%, transparent);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [data-state='current'] .dot {
        animation: none;
      }
    }
  `,
})
export class DeploymentTimelineComponent {
  readonly steps = input.required<readonly TimelineStep[]>();
  protected readonly icon: Readonly<Record<string, string>> = {
    done: '✓',
    current: '',
    failed: '!',
    cancelled: '–',
    pending: '',
    skipped: '↷',
  };
  protected readonly words: Readonly<Record<string, string>> = {
    done: 'done',
    current: 'in progress',
    failed: 'failed',
    cancelled: 'cancelled',
    pending: 'not reached',
    skipped: 'skipped: a rollback reuses the earlier package',
  };
}
