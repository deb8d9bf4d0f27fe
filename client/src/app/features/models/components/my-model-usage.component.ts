import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom, forkJoin } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import type { ModelUsage } from '../models/model.models';
import { ModelsApi } from '../services/models-api.service';
import { ModelUsageTableComponent } from './model-usage-table.component';

/** Midnight UTC on the first day of `now`'s month: usage days are UTC days. */
export function startOfMonthUtc(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

/** Account settings: the caller's own model usage this month, by model and by day, in USD and INR. */
@Component({
  selector: 'app-my-model-usage',
  imports: [ModelUsageTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card account-section" data-testid="my-model-usage">
      <div class="panel-header">
        <h2>Model usage this month</h2>
      </div>
      <div class="section-body">
        @let state = usage();
        @if (!state) {
          <p class="muted" aria-busy="true">Loading model usage…</p>
        } @else if (!state.ok) {
          <div class="callout error" role="alert" data-testid="my-model-usage-error">
            <p>{{ state.error.message }}</p>
            <button type="button" class="button" (click)="load()">Try again</button>
          </div>
        } @else {
          <h3>By model</h3>
          <app-model-usage-table [usage]="state.value.byModel" group="model" label="Model" />
          <h3>By day</h3>
          <app-model-usage-table [usage]="state.value.byDay" group="day" label="Day (UTC)" />
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
    h3 {
      font-size: 14px;
      margin: 8px 0 6px;
    }
  `,
})
export class MyModelUsageComponent {
  private readonly api = inject(ModelsApi);
  protected readonly usage = signal<Result<{ byModel: ModelUsage; byDay: ModelUsage }> | null>(
    null,
  );

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.usage.set(null);
    const from = startOfMonthUtc(new Date());
    const { byModel, byDay } = await firstValueFrom(
      forkJoin({
        byModel: this.api.usage({ from, groupBy: ['MODEL'] }),
        byDay: this.api.usage({ from, groupBy: ['DAY'] }),
      }),
    );
    if (!byModel.ok) this.usage.set(byModel);
    else if (!byDay.ok) this.usage.set(byDay);
    else this.usage.set({ ok: true, value: { byModel: byModel.value, byDay: byDay.value } });
  }
}
