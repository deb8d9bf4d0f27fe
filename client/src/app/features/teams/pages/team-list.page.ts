import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import type { Result } from '../../../core/user-facing-error';
import { FormState } from '../../../shared/form-state';
import { RoleBadgeComponent } from '../components/role-badge.component';
import { type CreateTeamValue, validateCreateTeam } from '../models/team-form';
import type { TeamSummary } from '../models/team.models';
import { TeamsApi } from '../services/teams-api.service';

/** `/teams`: the caller's teams with their role in each, and a form to create one. */
@Component({
  selector: 'app-team-list-page',
  imports: [DatePipe, RouterLink, RoleBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Teams</h1>
        <p class="muted">People who own projects together.</p>
      </div>
    </div>

    @if (session.singleUser()) {
      <div class="empty-state" data-testid="teams-need-accounts">
        <h2>Teams need accounts</h2>
        <p class="muted">Create an account first; then invite others to build with you.</p>
        <a class="button primary" routerLink="/sign-up">Create an account</a>
      </div>
    } @else {
      <form class="form card" novalidate (submit)="$event.preventDefault(); create()">
        @let error = form.errors().name;
        <div class="field">
          <label for="team-name">New team</label>
          <input
            id="team-name"
            name="name"
            data-testid="create-team-name-input"
            autocomplete="off"
            placeholder="Platform crew"
            maxlength="80"
            [value]="form.value().name"
            [attr.aria-invalid]="!!error"
            [attr.aria-describedby]="error ? 'team-name-error' : null"
            (input)="form.set('name', $any($event.target).value)"
            (blur)="form.touch('name')"
          />
          @if (error) {
            <p class="field-error" id="team-name-error" data-testid="field-error-name">
              {{ error }}
            </p>
          }
        </div>
        @if (form.formError(); as message) {
          <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
        }
        <div class="form-actions">
          <button
            type="submit"
            class="button primary"
            data-testid="create-team-submit"
            [disabled]="form.pending()"
          >
            {{ form.pending() ? 'Creating…' : 'Create team' }}
          </button>
        </div>
      </form>

      @let state = teams();
      @if (!state) {
        <p class="muted" aria-busy="true">Loading teams…</p>
      } @else if (!state.ok) {
        <div class="callout error" role="alert">
          <p>{{ state.error.message }}</p>
          <button type="button" class="button" (click)="load()">Try again</button>
        </div>
      } @else if (state.value.length === 0) {
        <p class="muted" data-testid="teams-empty">You are not in a team yet.</p>
      } @else {
        <table class="table">
          <thead>
            <tr>
              <th>Team</th>
              <th>Your role</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            @for (team of state.value; track team.id) {
              <tr data-testid="team-row" [attr.data-team-id]="team.id">
                <td>
                  <a [routerLink]="['/teams', team.id]" class="strong">{{ team.name }}</a>
                </td>
                <td><app-role-badge [role]="team.viewerRole" /></td>
                <td class="muted">{{ team.createdAt | date: 'MMM d, y' }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    }
  `,
})
export class TeamListPage {
  protected readonly session = inject(AuthSession);
  private readonly api = inject(TeamsApi);
  protected readonly teams = signal<Result<readonly TeamSummary[]> | null>(null);
  protected readonly form = new FormState<CreateTeamValue>({ name: '' }, validateCreateTeam);

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    await this.session.ensureLoaded();
    if (this.session.singleUser()) return;
    this.teams.set(null);
    this.teams.set(await firstValueFrom(this.api.list()));
  }

  /** Creates the team and puts it at the top of the list, so its page is one click away. */
  protected async create(): Promise<void> {
    if (!this.form.begin()) return;
    const result = await firstValueFrom(this.api.create(this.form.value().name.trim()));
    this.form.end(result.ok ? undefined : result.error);
    if (!result.ok) return;
    this.form.reset();
    this.teams.update((list) =>
      list?.ok ? { ok: true, value: [result.value, ...list.value] } : list,
    );
  }
}
