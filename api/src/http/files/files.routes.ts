/**
 * Files over plain HTTP, mounted at `/api`: uploads (any bytes, raw body), one file's raw bytes, and the whole
 * project as a zip. Each goes through the same services and `can()` checks as GraphQL; the host guard and the
 * security headers in front of every route apply.
 */
import { Readable } from 'node:stream';
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Logger } from 'pino';
import { ZipFile } from 'yazl';
import { baseName } from '../../../../core/files/file-path';
import { PathInvalidError } from '../../../../core/files/file.errors';
import type { ContextFactory, GraphQLContext } from '../../context';
import { sendFileError } from './http-errors';

export interface FileRoutesDeps {
  contexts: ContextFactory;
  logger: Logger;
}

/** `?path=` as given; PATH_INVALID when it is missing or repeated. */
function pathParam(req: Request): string {
  const { path } = req.query;
  if (typeof path !== 'string') throw new PathInvalidError('', 'Give the file’s path as ?path=');
  return path;
}

function declaredLength(req: Request): number | null {
  const header = req.headers['content-length'];
  return header && /^\d+$/.test(header) ? Number(header) : null;
}

/** The raw body, at most `limit` bytes (the parser's 413 becomes FILE_TOO_LARGE); empty when there is none. */
function readBody(req: Request, res: Response, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    express.raw({ type: () => true, limit })(req, res, (error?: unknown) =>
      error ? reject(error) : resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)),
    ),
  );
}

/** An ASCII file name for the zip: "Café Shop" → "cafe-shop"; "project" when nothing is left. */
export function archiveSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'project';
}

export function createFilesRouter({ contexts, logger }: FileRoutesDeps): express.Router {
  const router = express.Router();
  const handle =
    (route: (req: Request, res: Response, ctx: GraphQLContext) => Promise<void>): RequestHandler =>
    async (req, res) => {
      let maxBytes: number | undefined;
      try {
        const ctx = await contexts.forRequest(req, res);
        maxBytes = ctx.files.transfer.maxBytes;
        await route(req, res, ctx);
      } catch (error) {
        sendFileError(res, error, logger, maxBytes);
      }
    };

  router.put(
    '/projects/:id/files/upload',
    handle(async (req, res, { files, viewerId }) => {
      const projectId = String(req.params.id);
      try {
        await files.transfer.admitUpload(viewerId, projectId, pathParam(req), declaredLength(req));
      } catch (error) {
        req.resume(); // Let the refused body drain, so the client reads the answer rather than a reset.
        throw error;
      }
      const bytes = await readBody(req, res, files.transfer.maxBytes);
      const { file } = await files.transfer.upload(viewerId, projectId, pathParam(req), bytes);
      res.status(201).json({ file: { id: file.id, path: file.path, size: file.size, binary: file.binary } });
    }),
  );

  router.get(
    '/projects/:id/files/raw',
    handle(async (req, res, { files, viewerId }) => {
      const { path, bytes } = await files.transfer.raw(viewerId, String(req.params.id), pathParam(req));
      // Always a download: never rendered on the app's origin, whatever the file holds.
      res.attachment(baseName(path));
      res.set({
        'Content-Type': 'application/octet-stream',
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      });
      res.send(bytes);
    }),
  );

  router.get(
    '/projects/:id/archive.zip',
    handle(async (req, res, { files, viewerId }) => {
      const archive = await files.transfer.archive(viewerId, String(req.params.id));
      if (archive.flush.status === 'failed')
        logger.warn({ err: archive.flush.error, projectId: archive.project.id }, 'zip without a room flush');
      const slug = archiveSlug(archive.project.name);
      const zip = new ZipFile();
      for (const folder of archive.folders) zip.addEmptyDirectory(`${slug}/${folder}`);
      for (const file of archive.files) {
        // Read when the zip reaches the file: one file's bytes in memory at a time, however large the project.
        zip.addReadStreamLazy(`${slug}/${file.path}`, { mtime: file.updatedAt }, (done) => {
          files.transfer.bytesById(file.id).then(
            (bytes) => done(null, Readable.from([bytes], { objectMode: false })),
            (error: unknown) => done(error, Readable.from([])),
          );
        });
      }
      zip.end();
      res.set({
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${slug}.zip"`,
        'Cache-Control': 'private, no-store',
      });
      zip.on('error', (error: unknown) => sendFileError(res, error, logger));
      zip.outputStream.pipe(res);
    }),
  );
  return router;
}
