import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { type Observable, firstValueFrom, switchMap } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import type { Result } from '../../../core/user-facing-error';
import { CONFIRM } from '../../../shared/browser.tokens';
import { TeamModelUsageComponent } from '../../models/components/team-model-usage.component';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import { InvitePanelComponent } from '../components/invite-panel.component';
import { MemberListComponent } from '../components/member-list.component';
import { RoleBadgeComponent } from '../components/role-badge.component';
import { TeamModelSettingsComponent } from '../components/team-model-settings.component';
import { TeamDeployTokensComponent } from '../../deploy/components/deploy-tokens.component';
import { teamActions } from '../models/team-permissions';
import type { TeamDetail, TeamInvitation, TeamMember } from '../models/team.models';
import { TeamsApi } from '../services/teams-api.service';

/**
 * `/teams/:id`: members, invitations and projects of one team, with the actions the caller's role
 * allows. Each change updates the page from the server's answer; a refusal is shown, not thrown.
 */
@Component({
  selector: 'app-team-detail-page',
  imports: [
    DatePipe,
    RouterLink,
    InvitePanelComponent,
    MemberListComponent,
    RoleBadgeComponent,
    StatusBadgeComponent,
    TeamModelSettingsComponent,
    TeamDeployTokensComponent,
    TeamModelUsageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-detail.page.html',
  // The page's own cards carry a bare heading: give it the panel header's spacing and rule.
  styles: `
    section.card {
      margin-top: 16px;
    }
    .page-header .form-actions {
      border-top: 0;
      padding-top: 0;
    }
    section.card > h2 {
      padding: 10px 14px;
      border-bottom: 1px solid var(--border);
    }
    section.card > h3 {
      margin: 0;
      padding: 14px 14px 0;
    }
  `,
})
export class TeamDetailPage {
  private readonly api = inject(TeamsApi);
  private readonly router = inject(Router);
  private readonly confirm = inject(CONFIRM);
  private readonly session = inject(AuthSession);
  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly team = signal<Result<TeamDetail> | null>(null);
  protected readonly viewerId = computed(() => this.session.viewer()?.id ?? null);
  protected readonly actions = computed(() => {
    const team = this.team();
    return teamActions(team?.ok ? team.value.viewerRole : '', this.viewerId());
  });
  protected readonly busy = signal(false);
  protected readonly actionError = signal<string | null>(null);

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          this.team.set(null);
          this.actionError.set(null);
          return this.api.get(id);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.team.set(result));
  }

  protected onInvited(invitation: TeamInvitation): void {
    this.patch((t) => ({ ...t, invitations: [invitation, ...t.invitations] }));
  }

  protected revoke(invitation: TeamInvitation): Promise<void> {
    return this.run(this.api.revokeInvitation(invitation.id), () =>
      this.patch((t) => ({
        ...t,
        invitations: t.invitations.filter((i) => i.id !== invitation.id),
      })),
    );
  }

  protected remove(member: TeamMember): Promise<void> {
    return this.run(this.api.removeMember(this.id(), member.user.id), () =>
      this.patch((t) => ({ ...t, members: t.members.filter((m) => m.user.id !== member.user.id) })),
    );
  }

  protected changeRole({ member, role }: { member: TeamMember; role: string }): Promise<void> {
    return this.run(this.api.changeRole(this.id(), member.user.id, role), (updated) =>
      this.patch((t) => ({
        ...t,
        members: t.members.map((m) => (m.user.id === updated.user.id ? updated : m)),
      })),
    );
  }

  protected async transfer(member: TeamMember): Promise<void> {
    const question = `Make ${member.user.displayName} the owner of this team? You will become an admin.`;
    if (!this.confirm(question)) return;
    await this.run(this.api.transferOwnership(this.id(), member.user.id), (team) =>
      this.team.set({ ok: true, value: team }),
    );
  }

  protected async leave(name: string): Promise<void> {
    if (!this.confirm(`Leave ${name}? You will lose access to its projects.`)) return;
    await this.run(this.api.leave(this.id()), () => this.router.navigateByUrl('/teams'));
  }

  protected async deleteTeam(name: string): Promise<void> {
    if (!this.confirm(`Delete ${name} and all its projects? This cannot be undone.`)) return;
    await this.run(this.api.delete(this.id()), () => this.router.navigateByUrl('/teams'));
  }

  private patch(change: (team: TeamDetail) => TeamDetail): void {
    const team = this.team();
    if (team?.ok) this.team.set({ ok: true, value: change(team.value) });
  }

  /** One action at a time; its failure (FORBIDDEN says which role it needs) shows above the members. */
  private async run<T>(call: Observable<Result<T>>, onDone: (value: T) => unknown): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.actionError.set(null);
    const result = await firstValueFrom(call);
    this.busy.set(false);
    if (result.ok) await onDone(result.value);
    else this.actionError.set(result.error.message);
  }
}
