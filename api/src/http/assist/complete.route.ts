/**
 * `POST /api/assist/complete`: one inline completion (ghost text) for the text around the editor's cursor.
 * `{ projectId, path, prefix, suffix, language? }` → `200 { text, model }`; refusals are `{ error: { code, message } }`.
 *
 * Only the project's file editors may ask (`canEditFiles`, as the editor). Each call is one metered model call of
 * purpose `completion` through the gateway (its budgets, and the tier's `completions:hourly` window, apart from
 * model messages). The client cancels a stale completion by closing its request: the vendor request is aborted
 * with it, and an aborted call is not billed. The body must be JSON (a cross-site form cannot send it without a
 * CORS preflight, which this origin never grants), on top of the SameSite session cookie and the host guard.
 */
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ErrorCode } from '../../../../contracts/errors';
import { cleanCompletion, completionRequest } from '../../../../core/assist/completion';
import { safeProjectPath } from '../../../../core/files/file-path';
import { editableProject } from '../../../../core/files/file-access';
import { RateLimitExceededError } from '../../../../core/limits/limits.errors';
import { NO_ASSIST_MODEL_HINT } from '../../../../core/models/model-gateway';
import { BudgetExceededError, ModelFallbackFailedError, ModelNotAvailableError, ProviderRequestError } from '../../../../core/models/models.errors';
import { ProjectArchivedError } from '../../../../core/project/project.errors';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../../../core/shared/domain.errors';
import type { ContextFactory } from '../../context';

export interface CompleteRouteDeps {
  contexts: ContextFactory;
  logger: Logger;
}

/** Generous: prefix and suffix are cut to ASSIST_LIMITS before they are sent, so a client may send more. */
const BODY_LIMIT = '256kb';
const Body = z.object({
  projectId: z.string().uuid(),
  path: z.string().min(1).max(1024),
  prefix: z.string().max(200_000),
  suffix: z.string().max(200_000),
  language: z.string().max(40).nullish(),
});

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.status(status).set('Cache-Control', 'no-store').json({ error: { code, message, ...extra } });
}

const bodyErrors: ErrorRequestHandler = (err: { status?: number }, _req, res, next) => {
  if (err.status === 413) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'The text around the cursor is too large.');
  if (err.status === 400) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Send a JSON body { projectId, path, prefix, suffix }.');
  next(err);
};

export function createCompleteRouter({ contexts, logger }: CompleteRouteDeps): Router {
  const router = express.Router();
  router.post('/assist/complete', express.json({ limit: BODY_LIMIT }), bodyErrors, async (req: Request, res: Response) => {
    try {
      await complete(req, res, contexts);
    } catch (error) {
      answerError(res, error, logger);
    }
  });
  return router;
}

async function complete(req: Request, res: Response, contexts: ContextFactory): Promise<void> {
  if (!req.is('application/json')) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Send the request as application/json.');
  const ctx = await contexts.forRequest(req, res);
  if (!ctx.viewerId) throw new UnauthenticatedError();
  const body = Body.safeParse(req.body);
  if (!body.success) return refuse(res, 400, ErrorCode.BAD_USER_INPUT, 'Send { projectId, path, prefix, suffix } (strings, projectId a UUID).');
  const path = safeProjectPath(body.data.path);
  if (!path) return refuse(res, 400, ErrorCode.PATH_INVALID, 'path must be a file inside the project.');
  const { project } = await editableProject(ctx.em, ctx.viewerId, body.data.projectId);
  const subject = { userId: ctx.viewerId, projectId: project.id };
  const { gateway } = ctx.models;
  const availability = await gateway.availability(subject, 'completion');
  if (!availability.models.length) {
    res.set('Retry-After', '60');
    return refuse(res, 503, ErrorCode.MODEL_NOT_AVAILABLE, `Completions are off: ${availability.reason ?? NO_ASSIST_MODEL_HINT}`);
  }
  // The client closing its request (a new keystroke) aborts the vendor's request too.
  const abort = new AbortController();
  const onClose = () => {
    if (!res.writableEnded) abort.abort(new Error('The client closed the completion request'));
  };
  res.on('close', onClose);
  try {
    const input = { path, prefix: body.data.prefix, suffix: body.data.suffix, language: body.data.language };
    const result = await gateway.call({
      callKey: `completion:${randomUUID()}`,
      ...subject,
      role: 'completion',
      request: completionRequest(input),
      signal: abort.signal,
    });
    res.set('Cache-Control', 'no-store').json({ text: cleanCompletion(result.response.text, input), model: result.model });
  } catch (error) {
    if (abort.signal.aborted) return void res.destroy();
    throw error;
  } finally {
    res.off('close', onClose);
  }
}

/** Refusals as `{ error: { code, message } }`; anything unexpected is logged and answered 500 with nothing revealed. */
function answerError(res: Response, error: unknown, logger: Logger): void {
  if (error instanceof UnauthenticatedError) return refuse(res, 401, error.code, error.message);
  if (error instanceof NotFoundError) return refuse(res, 404, error.code, error.message);
  if (error instanceof ForbiddenError) return refuse(res, 403, error.code, error.message);
  if (error instanceof ProjectArchivedError) return refuse(res, 403, error.code, error.message);
  if (error instanceof RateLimitExceededError) {
    res.set('Retry-After', String(error.retryAfter));
    return refuse(res, 429, error.code, error.message, { retryAfter: error.retryAfter, limit: error.limit, kind: error.kind });
  }
  if (error instanceof BudgetExceededError) return refuse(res, 429, error.code, error.message, { scope: error.scope });
  if (error instanceof ModelNotAvailableError) return refuse(res, 503, error.code, error.message);
  if (error instanceof ModelFallbackFailedError || error instanceof ProviderRequestError) {
    const retryAfter = error instanceof ModelFallbackFailedError && error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 5;
    res.set('Retry-After', String(retryAfter));
    return refuse(res, 503, error.code, 'The model did not answer; completions resume on the next keystroke.');
  }
  logger.error({ err: error }, 'completion failed');
  refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Something went wrong on our side. It has been logged; please try again.');
}
