/**
 * `POST /liveblocks-auth`, the authEndpoint of the browser's Liveblocks client: after `can()`, mints an access
 * token for one project room. Editors get write access; readers (a viewer, anyone on a public project, anyone
 * on an archived project) get read access plus presence, so Liveblocks itself refuses their document writes.
 * With `coding: "<room id>"` the coding room's rules decide instead (coding-room-grant.ts): its participants
 * write, its viewers read, anyone else is refused with the room's code (ROOM_FORBIDDEN, ROOM_KICKED …).
 */
import { randomBytes } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { projectIdOfRoom } from '../../../../contracts/collab';
import { ErrorCode } from '../../../../contracts/errors';
import { personColor } from '../../../../core/files/collab.service';
import type { LiveDocs } from '../../../../core/files/live-docs';
import { RateLimitExceededError } from '../../../../core/limits/limits.errors';
import { RoomError } from '../../../../core/rooms/room.errors';
import type { RateLimiter } from '../../../../core/limits/rate-limiter';
import { ServiceUnavailableError } from '../../../../core/shared/domain.errors';
import { User } from '../../../../core/user/user.entity';
import type { ContextFactory } from '../../context';
import { clientIp } from '../auth/session-cookie';
import { codingRoomAccess } from './coding-room-grant';
import type { LiveblocksGrants } from './liveblocks-grants';

export interface LiveblocksAuthDeps {
  /** Null when collaboration is off: every request is then 503 COLLABORATION_UNAVAILABLE. */
  live: LiveDocs | null;
  contexts: ContextFactory;
  rateLimiter: RateLimiter;
  logger: Logger;
  /** With the proxy (dev server): every minted token is recorded, since only recorded tokens pass it. */
  grants: LiveblocksGrants | null;
}

/** Edit documents, presence and everything else in the room. */
const WRITE_SCOPES = ['room:write'] as const;
/** See the documents, never change them; presence (who is here, cursors) is still theirs to write. */
const READ_SCOPES = ['room:read', 'room:presence:write'] as const;

/** `coding`: the coding room the caller enters the project's documents from (its membership decides). */
const AuthBody = z.object({ room: z.string().max(100), coding: z.string().max(100).optional() });

/** A refusal in the shape every answer of this route has: `{ error, code }`, never cached. */
function refuse(res: Response, status: number, code: string, error: string): void {
  res.status(status).set('Cache-Control', 'no-store').json({ error, code });
}

/** Malformed JSON or an oversized body: the parser's own 400/413 as JSON, not Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (err: { status?: number }, _req, res, next) => {
  if (err.status === 413) return refuse(res, 413, ErrorCode.BAD_USER_INPUT, 'The request body is too large.');
  if (err.status === 400) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Send a JSON body { "room": "project:<id>" }.');
  next(err);
};

export function liveblocksAuthRouter(deps: LiveblocksAuthDeps): Router {
  const router = express.Router();
  router.post('/liveblocks-auth', express.json({ limit: '4kb' }), bodyErrors, async (req: Request, res: Response) => {
    try {
      await authorize(req, res, deps);
    } catch (error) {
      if (error instanceof RateLimitExceededError) {
        res.set('Retry-After', String(error.retryAfter));
        return refuse(res, 429, error.code, 'Too many requests; try again shortly.');
      }
      if (error instanceof ServiceUnavailableError) return refuse(res, 503, error.code, error.message);
      // 403 whatever the room's code: the Liveblocks client stops on 401/403 instead of retrying.
      if (error instanceof RoomError) return refuse(res, 403, error.code, error.message);
      deps.logger.error({ err: error }, 'liveblocks-auth failed');
      refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side; please try again.');
    }
  });
  return router;
}

async function authorize(req: Request, res: Response, deps: LiveblocksAuthDeps): Promise<void> {
  const { live, contexts, rateLimiter } = deps;
  if (!live) return refuse(res, 503, ErrorCode.COLLABORATION_UNAVAILABLE, 'Live collaboration is not configured on this server.');
  const body = AuthBody.safeParse(req.body);
  const projectId = body.success ? projectIdOfRoom(body.data.room) : null;
  if (!body.success || !projectId) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'The room must be "project:<project id>".');
  // A token request counts like a GraphQL operation: the client asks once per room visit and per token expiry.
  const ip = clientIp(req);
  if (ip) await rateLimiter.checkRequest('graphql:ip', ip);
  const ctx = await contexts.forRequest(req, res);
  if (ctx.viewerId) await rateLimiter.checkRequest('graphql:user', ctx.viewerId);
  const codingRoomId = body.data.coding;
  let access: 'write' | 'read';
  if (codingRoomId !== undefined) {
    if (!ctx.viewerId) return refuse(res, 401, ErrorCode.UNAUTHENTICATED, 'Sign in to enter a room.');
    access = await codingRoomAccess(ctx.em, ctx.viewerId, codingRoomId, projectId);
  } else {
    const grant = await ctx.collab.grant(ctx.viewerId, projectId);
    // A project that does not exist and one the caller may not read get the same answer.
    if (!grant) return refuse(res, 403, ErrorCode.FORBIDDEN, 'You do not have access to this project.');
    access = grant.access;
  }
  const user = ctx.viewerId ? await ctx.em.findOne(User, { id: ctx.viewerId }) : null;
  const userId = user?.id ?? `anon:${randomBytes(9).toString('base64url')}`;
  try {
    await live.ensureRoom(projectId);
    const session = live.client.prepareSession(userId, { userInfo: { name: user?.displayName ?? 'Guest', color: personColor(userId) } });
    session.allow(body.data.room, access === 'write' ? WRITE_SCOPES : READ_SCOPES);
    const answer = await session.authorize();
    if (answer.status >= 200 && answer.status < 300) {
      const { token } = JSON.parse(answer.body) as { token: string };
      await deps.grants?.record(token, { room: body.data.room, access, viewerId: ctx.viewerId, sessionId: ctx.sessionId, codingRoomId });
      res.status(answer.status).set('Cache-Control', 'no-store').type('application/json').send(answer.body);
      return;
    }
    deps.logger.warn({ status: answer.status, err: answer.error }, 'Liveblocks refused to authorize a session');
  } catch (error) {
    deps.logger.warn({ err: error }, 'could not authorize a Liveblocks session');
  }
  refuse(res, 503, ErrorCode.COLLABORATION_UNAVAILABLE, 'Live collaboration is unavailable right now; try again shortly.');
}
