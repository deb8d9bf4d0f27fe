import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import {
  type ProviderKeySource,
  ProviderKeysPanelComponent,
} from '../../account/components/provider-keys-panel.component';
import { TeamSettingsApi } from '../services/team-settings-api.service';
import { TeamBudgetsComponent } from './team-budgets.component';

/** A team page's model keys and budgets, for its owners and admins (the page shows members a line instead). */
@Component({
  selector: 'app-team-model-settings',
  imports: [ProviderKeysPanelComponent, TeamBudgetsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-provider-keys-panel
      heading="Model keys"
      testId="team-provider-keys"
      emptyText="No team keys yet: the team's runs use the platform's keys."
      [source]="source()"
    >
      <p class="muted">
        The team's projects' runs use these keys, falling back to the platform's; a member's own key
        is never used for them. Keys are stored encrypted and never shown again.
      </p>
    </app-provider-keys-panel>
    <section
      class="card team-budgets"
      data-testid="team-budgets"
      aria-labelledby="team-budgets-heading"
    >
      <app-team-budgets [teamId]="teamId()" />
    </section>
  `,
  styles: `
    .team-budgets {
      margin-top: 16px;
    }
  `,
})
export class TeamModelSettingsComponent {
  private readonly api = inject(TeamSettingsApi);
  readonly teamId = input.required<string>();
  readonly teamName = input.required<string>();
  protected readonly source = computed<ProviderKeySource>(() => {
    const teamId = this.teamId();
    return {
      list: () => this.api.providerKeys(teamId),
      set: (provider, key, baseUrl) => this.api.setProviderKey(teamId, provider, key, baseUrl),
      remove: (provider) => this.api.deleteProviderKey(teamId, provider),
      owner: `${this.teamName()}'s`,
    };
  });
}
