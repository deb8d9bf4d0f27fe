import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DeployApi } from '../services/deploy-api.service';
import { type DeployTokenSource, DeployTokensPanelComponent } from './deploy-tokens-panel.component';

/** The viewer's own deployment tokens, used for their personal projects (account page). */
@Component({
  selector: 'app-deploy-tokens',
  imports: [DeployTokensPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-deploy-tokens-panel [source]="source">
      <p class="muted">
        Tokens for Vercel, Netlify, GitHub, Render and Railway, for deploying your own projects. They are
        stored encrypted and never shown again; the list shows a hint and the account each acts as.
      </p>
    </app-deploy-tokens-panel>
  `,
})
export class DeployTokensComponent {
  private readonly api = inject(DeployApi);
  protected readonly source: DeployTokenSource = {
    list: () => this.api.tokens(),
    set: (provider, token, scope) => this.api.setToken(provider, token, scope),
    remove: (provider) => this.api.deleteToken(provider),
    owner: 'your',
  };
}

/** A team's deployment tokens, used for the team's projects (team page, owners and admins). */
@Component({
  selector: 'app-team-deploy-tokens',
  imports: [DeployTokensPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-deploy-tokens-panel
      heading="Deployment tokens"
      testId="team-deploy-tokens"
      emptyText="No team tokens yet: the team's projects can deploy to the local target only."
      [source]="source()"
    >
      <p class="muted">
        The team's projects deploy with these tokens; a member's own token is never used for them. They
        are stored encrypted and never shown again.
      </p>
    </app-deploy-tokens-panel>
  `,
})
export class TeamDeployTokensComponent {
  private readonly api = inject(DeployApi);
  readonly teamId = input.required<string>();
  readonly teamName = input.required<string>();
  protected readonly source = computed<DeployTokenSource>(() => {
    const teamId = this.teamId();
    return {
      list: () => this.api.teamTokens(teamId),
      set: (provider, token, scope) => this.api.setTeamToken(teamId, provider, token, scope),
      remove: (provider) => this.api.deleteTeamToken(teamId, provider),
      owner: `${this.teamName()}'s`,
    };
  });
}
