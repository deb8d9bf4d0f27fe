import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { meterLabel, meterWarning } from '../models/usage.models';
import { UsageStatus } from '../services/usage-status.service';

/**
 * The viewer's tier and one bar per limit: used of limit ("unlimited" without one), amber from 80%
 * and red from 90%, with the warning spelled out. Opening it reads usage afresh for the header too.
 */
@Component({
  selector: 'app-usage-meters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="usage" class="card account-section" data-testid="usage">
      <div class="panel-header">
        <h2>Usage</h2>
        @if (status.usage()?.ok) {
          <span class="muted"
            >Tier <code data-testid="usage-tier">{{ tier() }}</code></span
          >
        }
      </div>
      <div class="section-body">
        @let state = status.usage();
        @if (!state) {
          <p class="muted" aria-busy="true">Loading usage…</p>
        } @else if (!state.ok) {
          <div class="callout error" role="alert">
            <p>{{ state.error.message }}</p>
            <button type="button" class="button" (click)="status.refresh()">Try again</button>
          </div>
        } @else {
          <ul class="meters">
            @for (m of state.value.meters; track m.kind) {
              <li
                class="usage-meter"
                data-testid="usage-meter"
                [attr.data-kind]="m.kind"
                [attr.data-warning]="m.warning ?? 'none'"
                [class.amber]="m.warning === 80"
                [class.red]="m.warning !== null && m.warning >= 90"
              >
                <div class="meter-head">
                  <span class="strong">{{ label(m.kind) }}</span>
                  <span class="muted" data-testid="usage-meter-amount">
                    {{ m.used }} / {{ m.limit ?? 'unlimited' }}
                    @if (m.percent !== null) {
                      · <span data-testid="usage-meter-percent">{{ m.percent }}%</span>
                    }
                  </span>
                </div>
                <div
                  class="bar"
                  role="meter"
                  [attr.aria-label]="label(m.kind)"
                  aria-valuemin="0"
                  [attr.aria-valuemax]="m.limit"
                  [attr.aria-valuenow]="m.used"
                >
                  <div class="fill" [style.width.%]="fill(m.percent)"></div>
                </div>
                @if (warning(m); as text) {
                  <p class="meter-warning" role="status" data-testid="usage-meter-warning">
                    {{ text }}
                  </p>
                }
              </li>
            }
          </ul>
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .section-body {
      padding: 14px;
    }
    .meters {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 14px;
    }
    .meter-head {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 4px;
    }
    .bar {
      height: 8px;
      border-radius: 999px;
      background: var(--neutral-bg);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--accent);
    }
    .amber .fill {
      background: #d99a00;
    }
    .red .fill {
      background: var(--danger);
    }
    .meter-warning {
      margin: 4px 0 0;
      font-size: 12.5px;
    }
    .amber .meter-warning {
      color: var(--progress);
    }
    .red .meter-warning {
      color: var(--danger);
    }
  `,
})
export class UsageMetersComponent {
  protected readonly status = inject(UsageStatus);
  protected readonly label = meterLabel;
  protected readonly warning = meterWarning;

  constructor() {
    void this.status.refresh();
  }

  protected tier(): string {
    const usage = this.status.usage();
    return usage?.ok ? usage.value.tier : '';
  }

  /** Unlimited meters show an empty bar; a limit lowered below usage shows a full one. */
  protected fill(percent: number | null): number {
    return Math.min(100, Math.max(0, percent ?? 0));
  }
}
