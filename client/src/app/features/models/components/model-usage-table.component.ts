import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { formatMoney, formatTokens } from '../models/model-format';
import type { ModelUsage } from '../models/model.models';

/** Tokens and cost grouped by one field (role, model or day), with the total underneath. */
@Component({
  selector: 'app-model-usage-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (usage().rows.length === 0) {
      <p class="muted" data-testid="model-usage-empty">No model calls yet.</p>
    } @else {
      <table class="usage-table" data-testid="model-usage-table" [attr.data-group]="group()">
        <thead>
          <tr>
            <th>{{ label() }}</th>
            <th class="num">Calls</th>
            <th class="num">Tokens</th>
            <th class="num">USD</th>
            <th class="num">INR</th>
          </tr>
        </thead>
        <tbody>
          @for (row of usage().rows; track $index) {
            <tr data-testid="model-usage-row" [attr.data-key]="row[group()]">
              <td>
                <code>{{ row[group()] ?? '—' }}</code>
              </td>
              <td class="num">{{ row.calls }}</td>
              <td class="num">{{ tokens(row.totalTokens) }}</td>
              <td class="num">{{ money(row.costUsd, 'USD') }}</td>
              <td class="num">{{ money(row.costInr, 'INR') }}</td>
            </tr>
          }
        </tbody>
        <tfoot>
          <tr data-testid="model-usage-total">
            <th>Total</th>
            <th class="num">{{ usage().total.calls }}</th>
            <th class="num">{{ tokens(usage().total.totalTokens) }}</th>
            <th class="num">{{ money(usage().total.costUsd, 'USD') }}</th>
            <th class="num">{{ money(usage().total.costInr, 'INR') }}</th>
          </tr>
        </tfoot>
      </table>
    }
  `,
  styles: `
    .usage-table {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      text-align: left;
      padding: 4px 8px;
      border-bottom: 1px solid var(--border, #e5e5e5);
    }
    .num {
      text-align: right;
      white-space: nowrap;
    }
  `,
})
export class ModelUsageTableComponent {
  readonly usage = input.required<ModelUsage>();
  /** Which field the rows are grouped by. */
  readonly group = input.required<'role' | 'model' | 'day'>();
  readonly label = input('Group');
  protected readonly tokens = formatTokens;
  protected readonly money = formatMoney;
}
