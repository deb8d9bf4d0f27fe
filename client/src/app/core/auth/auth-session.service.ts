import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Apollo } from 'apollo-angular';
import { type Observable, firstValueFrom } from 'rxjs';
import { toResult } from '../apollo-result';
import { RealtimeConnection } from '../realtime-connection';
import type { Result } from '../user-facing-error';
import {
  AuthStateDocument,
  LogInDocument,
  LogOutDocument,
  LogOutEverywhereDocument,
  SignUpDocument,
} from '../../generated/auth';
import { logInUrl } from './log-in-url';
import type { AuthSnapshot, LogInInput, SignUpInput, Viewer } from './viewer.models';

/**
 * Who is using the app, as signals, and the only place that changes the session. The session itself
 * is an httpOnly cookie the client never sees; every change of it clears Apollo's cache (results
 * belong to the previous caller) and restarts the socket (the server reads the cookie at the handshake).
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly apollo = inject(Apollo);
  private readonly connection = inject(RealtimeConnection);
  private readonly router = inject(Router);
  private readonly state = signal<AuthSnapshot | null>(null);
  private loading: Promise<void> | null = null;
  private recovering: Promise<void> | null = null;

  /** False until `authState` answered once (it stays false while the API is unreachable). */
  readonly loaded = computed(() => this.state() !== null);
  /** The signed-in user, or the built-in local user in single-user mode. */
  readonly viewer = computed(() => this.state()?.viewer ?? null);
  readonly accountsExist = computed(() => this.state()?.accountsExist ?? false);
  /** Signed in with an account (the local user of single-user mode does not count). */
  readonly signedIn = computed(() => this.accountsExist() && this.viewer() !== null);
  /** No account exists yet: everyone is the local user and nothing asks to sign in. */
  readonly singleUser = computed(() => this.state()?.accountsExist === false);
  /** Providers offered for signing in (`github`, `google`), as the server reported them. */
  readonly oauthProviders = computed(() => this.state()?.oauthProviders ?? []);
  /** Accounts exist and nobody is signed in: project pages must send the visitor to log in. */
  readonly mustLogIn = computed(() => this.accountsExist() && this.viewer() === null);

  /** Loads `authState` once; after a failed load, the next call tries again. */
  ensureLoaded(): Promise<void> {
    return (this.loading ??= this.refresh());
  }

  /** Reads `authState` again; a failure keeps what was known. */
  async refresh(): Promise<void> {
    const result = await this.run(
      this.apollo.query({ query: AuthStateDocument, fetchPolicy: 'network-only' }),
      (d) => d.authState,
    );
    if (result.ok) this.state.set(result.value);
    else this.loading = null;
  }

  async signUp(input: SignUpInput): Promise<Result<Viewer>> {
    const result = await this.run(
      this.apollo.mutate({ mutation: SignUpDocument, variables: { input } }),
      (d) => d.signUp,
    );
    if (result.ok) await this.switchTo({ viewer: result.value, accountsExist: true });
    return result;
  }

  async logIn(input: LogInInput): Promise<Result<Viewer>> {
    const result = await this.run(
      this.apollo.mutate({ mutation: LogInDocument, variables: { input } }),
      (d) => d.logIn,
    );
    if (result.ok) await this.switchTo({ viewer: result.value, accountsExist: true });
    return result;
  }

  /** Ends this session; also ends it locally when the server says it had already ended. */
  logOut(): Promise<Result<boolean>> {
    return this.end(
      this.run(this.apollo.mutate({ mutation: LogOutDocument }), (d) => d.logOut),
    );
  }

  logOutEverywhere(): Promise<Result<boolean>> {
    return this.end(
      this.run(
        this.apollo.mutate({ mutation: LogOutEverywhereDocument }),
        (d) => d.logOutEverywhere,
      ),
    );
  }

  /**
   * The server ended this session by itself (the account was deleted): drop what it cached, as
   * signing out does, then re-read `authState`, since no account may remain.
   */
  async endedByServer(): Promise<void> {
    await this.switchTo({ viewer: null, accountsExist: true });
    await this.refresh();
  }

  /**
   * An operation was refused for want of a session (it expired, or was revoked elsewhere): re-read
   * the auth state and, if a log-in is needed, drop what the old session cached and go to log in.
   * Concurrent refusals (a page's query and its subscription) are handled once.
   */
  handleUnauthenticated(): Promise<void> {
    return (this.recovering ??= this.recover().finally(() => (this.recovering = null)));
  }

  /**
   * Re-reads the auth state after the server may have ended this session (a password reset ends them
   * all); if it did, drops what the old session cached. True when a log-in is now needed.
   */
  async revalidate(): Promise<boolean> {
    const before = this.viewer();
    await this.refresh();
    if (!this.mustLogIn()) return false;
    if (before !== null) await this.switchTo({ viewer: null, accountsExist: true });
    return true;
  }

  private async recover(): Promise<void> {
    if (!(await this.revalidate())) return;
    const current = this.router.url;
    if (!current.startsWith('/log-in')) await this.router.navigateByUrl(logInUrl(this.router, current));
  }

  private async end(call: Promise<Result<boolean>>): Promise<Result<boolean>> {
    const result = await call;
    if (result.ok || result.error.code === 'UNAUTHENTICATED') {
      await this.switchTo({ viewer: null, accountsExist: true });
      return { ok: true, value: true };
    }
    return result;
  }

  private async switchTo(next: AuthSnapshot): Promise<void> {
    // clearStore, not resetStore: refetching the watched queries now would ask as the new caller
    // before the page that needs them decides what to show.
    await this.apollo.client.clearStore();
    this.connection.restart();
    // The providers belong to the server, not the session: they stay as last read.
    this.state.set({ oauthProviders: this.state()?.oauthProviders, ...next });
    this.loading = Promise.resolve();
  }

  private run<D, T>(
    source: Observable<{ data?: D | null; error?: unknown }>,
    pick: (data: D) => T | null | undefined,
  ): Promise<Result<T>> {
    return firstValueFrom(toResult(source, pick));
  }
}
