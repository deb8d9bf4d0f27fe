import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ModelUsageGroup } from '../models/model.models';
import { ModelUsageSectionComponent } from './model-usage-section.component';

/** A team page's section: its members' model usage over the last 30 days, by model and by role. */
@Component({
  selector: 'app-team-model-usage',
  imports: [ModelUsageSectionComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-model-usage-section
      heading="Model usage, last 30 days"
      testId="team-model-usage"
      [scope]="scope()"
      [groups]="groups"
    />
  `,
})
export class TeamModelUsageComponent {
  readonly teamId = input.required<string>();
  // The server's default period is the last 30 days.
  protected readonly scope = computed(() => ({ teamId: this.teamId() }));
  protected readonly groups: readonly ModelUsageGroup[] = ['MODEL', 'ROLE'];
}
