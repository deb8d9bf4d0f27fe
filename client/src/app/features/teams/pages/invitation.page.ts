import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom, switchMap } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { logInUrl } from '../../../core/auth/log-in-url';
import type { Result, UserFacingError } from '../../../core/user-facing-error';
import type { InvitationPreview } from '../models/team.models';
import { TeamsApi } from '../services/teams-api.service';

/**
 * `/invitations/:token`: what the link offers, to anyone holding it; accepting needs a signed-in
 * user, so a signed-out visitor is sent to log in (or sign up) and brought back here.
 */
@Component({
  selector: 'app-invitation-page',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="card auth-card">
      @let state = preview();
      @if (!state) {
        <p class="muted" aria-busy="true">Loading invitation…</p>
      } @else if (!state.ok) {
        <h1>Invitation not valid</h1>
        <p class="callout error" role="alert" data-testid="invitation-error">
          {{ problem(state.error) }}
        </p>
        <a class="button" routerLink="/teams">Your teams</a>
      } @else {
        @let p = state.value;
        <h1>
          Join <span data-testid="invitation-team-name">{{ p.teamName }}</span>
        </h1>
        <p>
          {{ p.invitedByName }} invites you as
          <strong data-testid="invitation-role">{{ p.role }}</strong
          >. The link expires {{ p.expiresAt | date: 'MMM d, y, HH:mm' }}.
        </p>
        @if (acceptError(); as message) {
          <div class="callout error" role="alert" data-testid="form-error">{{ message }}</div>
        }
        <button
          type="button"
          class="button primary"
          data-testid="accept-invitation"
          [disabled]="accepting()"
          (click)="accept()"
        >
          {{
            session.mustLogIn()
              ? 'Log in to accept'
              : accepting()
                ? 'Joining…'
                : 'Accept invitation'
          }}
        </button>
        @if (session.mustLogIn()) {
          <p class="muted">
            New to Atelier?
            <a
              routerLink="/sign-up"
              [queryParams]="{ returnUrl: here() }"
              data-testid="invitation-sign-up"
              >Create an account</a
            >
            first; you come back here afterwards.
          </p>
        }
      }
    </div>
  `,
})
export class InvitationPage {
  protected readonly session = inject(AuthSession);
  private readonly api = inject(TeamsApi);
  private readonly router = inject(Router);
  /** The route's `:token`. */
  readonly token = input.required<string>();
  protected readonly here = computed(() => `/invitations/${encodeURIComponent(this.token())}`);
  protected readonly preview = signal<Result<InvitationPreview> | null>(null);
  protected readonly accepting = signal(false);
  protected readonly acceptError = signal<string | null>(null);

  constructor() {
    void this.session.ensureLoaded();
    toObservable(this.token)
      .pipe(
        switchMap((token) => {
          this.preview.set(null);
          return this.api.invitation(token);
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => this.preview.set(result));
  }

  /** An invalid, expired or used link comes back as BAD_USER_INPUT on `token`, with the reason. */
  protected problem(error: UserFacingError): string {
    return error.fieldErrors['token'] ?? error.message;
  }

  protected async accept(): Promise<void> {
    await this.session.ensureLoaded();
    if (this.session.mustLogIn()) {
      await this.router.navigateByUrl(logInUrl(this.router, this.here()));
      return;
    }
    if (this.accepting()) return;
    this.accepting.set(true);
    this.acceptError.set(null);
    const result = await firstValueFrom(this.api.accept(this.token()));
    this.accepting.set(false);
    if (result.ok) await this.router.navigate(['/teams', result.value.id]);
    else this.acceptError.set(this.problem(result.error));
  }
}
