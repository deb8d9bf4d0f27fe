/** The signed-in user as the API describes it. */
export interface Viewer {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
  /** `user` or `admin` (platform administrator). */
  readonly platformRole: string;
  /** `free`, `pro`, `team` or `enterprise`. */
  readonly tier: string;
  readonly emailVerified: boolean;
}

/** What decides between the sign-in screens and the app. */
export interface AuthSnapshot {
  /** The signed-in user; the built-in local user in single-user mode; null when signed out. */
  readonly viewer: Viewer | null;
  /** False until the first account exists: until then everyone is the local user, no sign-in. */
  readonly accountsExist: boolean;
  /** Providers offered for signing in (`github`, `google`); empty unless the server configured them. */
  readonly oauthProviders?: readonly string[];
}

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
}

export interface LogInInput {
  readonly email: string;
  readonly password: string;
}
