import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { AuthSession } from './core/auth/auth-session.service';
import { UsageWarningBadgeComponent } from './features/account/components/usage-warning-badge.component';
import { OfflineBadgeComponent } from './features/models/components/offline-badge.component';
import { ThemeEffectsComponent } from './core/theme/components/theme-effects.component';
import { ThemePickerComponent } from './core/theme/components/theme-picker.component';
import { RoomsNavComponent } from './features/rooms/components/rooms-nav.component';

/**
 * The shell: a top bar (who is signed in, or the single-user hint, and the theme picker), the routed page,
 * and the theme's effects.
 */
@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    UsageWarningBadgeComponent,
    OfflineBadgeComponent,
    ThemePickerComponent,
    ThemeEffectsComponent,
    RoomsNavComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="topbar">
      <a class="brand" routerLink="/projects"
        ><span class="brand-mark" aria-hidden="true">◆</span> Atelier</a
      >
      <nav>
        <a routerLink="/projects">Projects</a>
        @if (session.singleUser() || session.signedIn()) {
          <a routerLink="/models" data-testid="models-link">Models</a>
          <app-offline-badge />
          <app-rooms-nav />
        }
        @if (session.singleUser()) {
          <a class="single-user" routerLink="/sign-up" data-testid="single-user-banner"
            >Single-user mode · Create an account</a
          >
        } @else if (session.signedIn()) {
          <a routerLink="/teams" data-testid="teams-link">Teams</a>
          <a routerLink="/billing" data-testid="billing-link">Billing</a>
          <app-usage-warning-badge />
          <a routerLink="/account" data-testid="viewer-name">{{ session.viewer()?.displayName }}</a>
          <button type="button" class="link-button" data-testid="sign-out" (click)="signOut()">
            Sign out
          </button>
          @if (signOutError(); as message) {
            <span class="error" role="alert">{{ message }}</span>
          }
        } @else if (session.loaded()) {
          <a routerLink="/log-in" data-testid="log-in-link">Log in</a>
          <a routerLink="/sign-up" data-testid="sign-up-link">Sign up</a>
        }
        <app-theme-picker />
      </nav>
    </header>
    <main class="page"><router-outlet /></main>
    <app-theme-effects />
  `,
})
export class App {
  protected readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  protected readonly signOutError = signal<string | null>(null);

  constructor() {
    void this.session.ensureLoaded();
  }

  protected async signOut(): Promise<void> {
    this.signOutError.set(null);
    const result = await this.session.logOut();
    if (result.ok) await this.router.navigateByUrl('/log-in');
    else this.signOutError.set(result.error.message);
  }
}
