import { ChangeDetectionStrategy, Component } from '@angular/core';
import type { ModelUsageGroup } from '../models/model.models';
import { ModelUsageSectionComponent, type ModelUsageScope } from './model-usage-section.component';

/** Midnight UTC on the first day of `now`'s month: usage days are UTC days. */
export function startOfMonthUtc(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString();
}

/** Account settings: the caller's own model usage this month, by model and by day, in USD and INR. */
@Component({
  selector: 'app-my-model-usage',
  imports: [ModelUsageSectionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-model-usage-section
      heading="Model usage this month"
      testId="my-model-usage"
      [scope]="scope"
      [groups]="groups"
    />
  `,
})
export class MyModelUsageComponent {
  protected readonly scope: ModelUsageScope = { from: startOfMonthUtc(new Date()) };
  protected readonly groups: readonly ModelUsageGroup[] = ['MODEL', 'DAY'];
}
