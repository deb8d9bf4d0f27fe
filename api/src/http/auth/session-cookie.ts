import type { IncomingMessage } from 'node:http';
import { parse, serialize } from 'cookie';
import type { Response } from 'express';
import { SESSION_IDLE_MS } from '../../../../core/auth/auth.service';

export const SESSION_COOKIE = 'atelier_session';

/** The session token a request carries, if any. */
export function readSessionToken(req: IncomingMessage): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  return parse(header)[SESSION_COOKIE] || null;
}

/** httpOnly, SameSite=Lax, Secure on HTTPS: scripts cannot read it and cross-site posts do not carry it. */
export function setSessionCookie(res: Response, token: string, secure: boolean): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_IDLE_MS / 1000 }));
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.append('Set-Cookie', serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 }));
}

/** The client address, for audit entries and per-IP limits (honours `trust proxy`). */
export function clientIp(req: IncomingMessage & { ip?: string }): string | null {
  return req.ip ?? req.socket.remoteAddress ?? null;
}
