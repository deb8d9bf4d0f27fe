import type { EntityManager } from '@mikro-orm/postgresql';
import { UnauthenticatedError, ValidationError } from '../shared/domain.errors';
import { recordAudit } from '../audit/audit-log';
import { User } from '../user/user.entity';
import { AuthToken, Session, type AuthTokenPurpose } from './auth.entity';
import { anyAccountExists, createAccount } from './create-account';
import { normaliseEmail, parseNewPassword, parseSignUp } from './auth-input';
import type { RequestMeta } from './request-meta';
import type { Mailer } from '../mail/mailer';
import { burnPasswordCheck, hashPassword, newToken, tokenId, verifyPassword } from './secrets';

const DAY = 24 * 3600 * 1000;
/** Sessions slide forward on use up to this idle lifetime, and never outlive the absolute one. */
export const SESSION_IDLE_MS = 30 * DAY;
export const SESSION_ABSOLUTE_MS = 90 * DAY;
/** A token older than this is replaced on the caller's next HTTP request, so a copied cookie goes stale. */
export const SESSION_ROTATE_MS = DAY;
/** How long a replaced token keeps working, for requests already in flight with it. */
export const ROTATION_GRACE_MS = 60_000;
const TOKEN_TTL_MS: Record<AuthTokenPurpose, number> = { 'verify-email': 2 * DAY, 'reset-password': 3600 * 1000 };
const TOUCH_EVERY_MS = 60_000;

export interface AuthServiceDeps {
  mailer: Mailer;
  /** Base URL for links in emails, e.g. http://127.0.0.1:4000. */
  publicUrl: string;
  /** Configured OAuth providers, reported by `authState`. */
  oauthProviders?: readonly string[];
}

/** Accounts and sessions: sign-up, log-in, log-out, password reset, email verification. */
export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AuthServiceDeps,
  ) {}

  /** Whether any real account exists; until then the platform runs as the built-in local user. */
  accountsExist(): Promise<boolean> {
    return anyAccountExists(this.em);
  }

  /** Providers a visitor can sign in with (`github`, `google`), as configured. */
  oauthProviders(): string[] {
    return [...(this.deps.oauthProviders ?? [])];
  }

  /** Creates an account and its first session; see {@link createAccount} for the first account's rights. */
  async signUp(raw: Record<string, unknown>, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const input = parseSignUp(raw);
    const passwordHash = await hashPassword(input.password);
    const user = await createAccount(this.em, { email: input.email, displayName: input.displayName, passwordHash }, meta, { action: 'auth.signup' });
    await this.sendToken(user, 'verify-email', 'Confirm your email for Atelier', '/verify-email');
    return { user, token: await this.openSession(user, meta, 'auth.login') };
  }

  /** Signs in with email and password; one message for a wrong email or a wrong password. */
  async logIn(raw: { email: string; password: string }, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const email = normaliseEmail(raw.email);
    const user = await this.em.findOne(User, { email, passwordHash: { $ne: null } });
    const ok = user ? await verifyPassword(user.passwordHash!, raw.password) : (await burnPasswordCheck(raw.password), false);
    if (!user || !ok) {
      recordAudit(this.em, { actorId: user?.id ?? null, action: 'auth.login_failed', target: email, ip: meta.ip });
      await this.em.flush();
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    return { user, token: await this.openSession(user, meta, 'auth.login') };
  }

  /** The live session a token names, sliding its expiry forward; null when unknown, revoked or expired. */
  async authenticate(token: string): Promise<Session | null> {
    const session = await this.em.findOne(Session, { id: tokenId(token) }, { populate: ['user'] });
    const now = Date.now();
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = new Date(now);
      session.expiresAt = new Date(Math.min(now + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_ABSOLUTE_MS));
      await this.em.flush();
    }
    return session;
  }

  /**
   * Replaces a session's token once it is a day old: a new row keeps the sign-in time (and so the absolute
   * lifetime); the old token expires a minute later instead of at once, for parallel requests.
   */
  async rotateIfDue(session: Session): Promise<{ session: Session; token: string } | null> {
    const now = Date.now();
    if (now - session.issuedAt.getTime() < SESSION_ROTATE_MS || session.expiresAt.getTime() <= now + ROTATION_GRACE_MS) return null;
    const { token, id } = newToken();
    const next = this.em.create(Session, {
      id,
      user: session.user,
      createdAt: session.createdAt,
      issuedAt: new Date(now),
      lastSeenAt: new Date(now),
      expiresAt: session.expiresAt,
      ip: session.ip ?? null,
      userAgent: session.userAgent ?? null,
    });
    session.expiresAt = new Date(now + ROTATION_GRACE_MS);
    await this.em.flush();
    return { session: next, token };
  }

  async sessions(userId: string): Promise<Session[]> {
    return this.em.find(Session, { user: userId, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { lastSeenAt: 'desc' } });
  }

  /** Revokes one session of the user, or all of them when `sessionId` is omitted. */
  async revoke(userId: string, meta: RequestMeta, sessionId?: string): Promise<boolean> {
    const where = { user: userId, revokedAt: null, ...(sessionId ? { id: sessionId } : {}) };
    const count = await this.em.nativeUpdate(Session, where, { revokedAt: new Date() });
    recordAudit(this.em, { actorId: userId, action: sessionId ? 'auth.session_revoked' : 'auth.sessions_revoked', target: `user:${userId}`, ip: meta.ip, data: { count } });
    await this.em.flush();
    return count > 0;
  }

  /** Sends a reset link when the email has an account; says nothing either way. */
  async requestPasswordReset(rawEmail: string, meta: RequestMeta): Promise<void> {
    const user = await this.em.findOne(User, { email: normaliseEmail(rawEmail), passwordHash: { $ne: null } });
    recordAudit(this.em, { actorId: user?.id ?? null, action: 'auth.reset_requested', target: normaliseEmail(rawEmail), ip: meta.ip });
    await this.em.flush();
    if (user) await this.sendToken(user, 'reset-password', 'Reset your Atelier password', '/reset-password');
  }

  /** Sets a new password from a reset token and ends every session of the account. */
  async resetPassword(token: string, rawPassword: string, meta: RequestMeta): Promise<void> {
    const password = parseNewPassword(rawPassword);
    const user = await this.useToken(token, 'reset-password');
    user.passwordHash = await hashPassword(password);
    await this.em.flush();
    await this.revoke(user.id, meta);
    recordAudit(this.em, { actorId: user.id, action: 'auth.password_reset', target: `user:${user.id}`, ip: meta.ip });
    await this.em.flush();
  }

  /** Sends a fresh verification link to the user's own address; BAD_USER_INPUT (field email) once verified. */
  async resendVerification(userId: string): Promise<void> {
    const user = await this.em.findOneOrFail(User, { id: userId });
    if (user.emailVerifiedAt) throw new ValidationError([{ field: 'email', message: 'Your email address is already verified' }]);
    await this.sendToken(user, 'verify-email', 'Confirm your email for Atelier', '/verify-email');
  }

  async verifyEmail(token: string): Promise<void> {
    const user = await this.useToken(token, 'verify-email');
    user.emailVerifiedAt ??= new Date();
    await this.em.flush();
  }

  /** Starts a session for a user who proved who they are (password, sign-up or OAuth); returns its token. */
  async openSession(user: User, meta: RequestMeta, action: string, data?: Record<string, unknown>): Promise<string> {
    const { token, id } = newToken();
    this.em.create(Session, {
      id,
      user,
      expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 400) ?? null,
    });
    recordAudit(this.em, { actorId: user.id, action, target: `user:${user.id}`, ip: meta.ip, data });
    await this.em.flush();
    return token;
  }

  private async sendToken(user: User, purpose: AuthTokenPurpose, subject: string, path: string): Promise<void> {
    const { token, id } = newToken();
    this.em.create(AuthToken, { id, user, purpose, expiresAt: new Date(Date.now() + TOKEN_TTL_MS[purpose]) });
    await this.em.flush();
    const link = `${this.deps.publicUrl}${path}?token=${token}`;
    await this.deps.mailer.send({ to: user.email, subject, text: `${subject}: ${link}`, link });
  }

  /** Marks a single-use token used, atomically, and returns its user. */
  private async useToken(token: string, purpose: AuthTokenPurpose): Promise<User> {
    const used = await this.em.nativeUpdate(AuthToken, { id: tokenId(token), purpose, usedAt: null, expiresAt: { $gt: new Date() } }, { usedAt: new Date() });
    const row = used === 1 ? await this.em.findOne(AuthToken, { id: tokenId(token) }, { populate: ['user'] }) : null;
    if (!row) throw new ValidationError([{ field: 'token', message: 'This link is invalid, expired or already used; ask for a new one' }]);
    return row.user.getEntity();
  }
}
