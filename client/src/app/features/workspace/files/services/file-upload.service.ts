import { Injectable, InjectionToken, inject } from '@angular/core';
import { formatBytes } from '../models/format';
import { uploadUrl } from './file-urls';
import type { FileError, FileResult } from '../models/file-error';
import type { TreeFile } from '../models/file-tree';

/** The browser's `fetch`; tests answer uploads through a fake. */
export const FILES_FETCH = new InjectionToken<typeof fetch>('FILES_FETCH', {
  providedIn: 'root',
  factory: () => (input, init) => fetch(input, init),
});

/** The current time in ms (how long until an upload limit resets); tests pin it. */
export const FILES_NOW = new InjectionToken<() => number>('FILES_NOW', {
  providedIn: 'root',
  factory: () => () => Date.now(),
});

/** The error body the API's HTTP routes answer with. */
interface ErrorBody {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly maxBytes?: unknown;
  readonly limit?: unknown;
  readonly resetAt?: unknown;
  readonly retryAfter?: unknown;
}

/**
 * Uploads one file with `PUT /api/projects/:id/files/upload?path=` (the raw bytes as the body; the server
 * decides text or binary) and explains refusals: too large (with the cap), the daily upload limit (with
 * when it resets), a bad path, no permission.
 */
@Injectable({ providedIn: 'root' })
export class FileUploads {
  private readonly fetch = inject(FILES_FETCH);
  private readonly now = inject(FILES_NOW);

  async upload(projectId: string, path: string, body: Blob): Promise<FileResult<TreeFile>> {
    const url = uploadUrl(projectId, path);
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: 'PUT',
        body,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/octet-stream' },
      });
    } catch {
      return fail('NETWORK', 'Cannot reach the Atelier server. Check your connection, then try again.');
    }
    const json = (await response.json().catch(() => null)) as {
      file?: TreeFile;
      error?: ErrorBody;
    } | null;
    if (response.ok && json?.file) return { ok: true, value: json.file };
    return { ok: false, error: this.explain(response, json?.error ?? {}, body.size) };
  }

  private explain(response: Response, body: ErrorBody, size: number): FileError {
    const said = typeof body.message === 'string' && body.message ? body.message : null;
    switch (response.status) {
      case 413: {
        // The server names its cap ("Files are limited to 5 MiB; this one is 6.2 MiB").
        const cap = numberOf(body.maxBytes) ?? numberOf(body.limit);
        const message =
          said ??
          (cap
            ? `Too large (${formatBytes(size)}): files up to ${formatBytes(cap)} can be uploaded.`
            : `Too large (${formatBytes(size)}) for this server.`);
        return { code: 'FILE_TOO_LARGE', message };
      }
      case 429: {
        const limit = numberOf(body.limit);
        const what = limit ? `your daily upload limit (${limit} files)` : 'your daily upload limit';
        const reset = this.resetText(body, response.headers.get('Retry-After'));
        return { code: 'RATE_LIMITED', message: `You reached ${what}.${reset}` };
      }
      case 400:
        return { code: 'PATH_INVALID', message: said ?? 'That path is not valid.' };
      case 401:
        return { code: 'UNAUTHENTICATED', message: 'Your session ended: log in again to upload.' };
      case 403:
        return { code: 'FORBIDDEN', message: said ?? 'You cannot change files in this project.' };
      case 404:
        return { code: 'NOT_FOUND', message: 'This project no longer exists.' };
      case 409: {
        const code = body.code === 'PATH_TAKEN' ? 'PATH_TAKEN' : 'PROJECT_ARCHIVED';
        return { code, message: said ?? 'The project cannot change right now.' };
      }
      case 503:
        return { code: 'SERVICE_UNAVAILABLE', message: said ?? 'The server is busy. Try again shortly.' };
      default:
        return { code: 'INTERNAL', message: 'The server could not store the file. Try again.' };
    }
  }

  private resetText(body: ErrorBody, retryAfterHeader: string | null): string {
    const resetAt = typeof body.resetAt === 'string' ? Date.parse(body.resetAt) : NaN;
    const seconds = Number.isFinite(resetAt)
      ? (resetAt - this.now()) / 1000
      : (numberOf(body.retryAfter) ?? numberOf(Number(retryAfterHeader)));
    if (!seconds || seconds <= 0) return '';
    if (seconds < 90) return ` Try again in ${Math.ceil(seconds)} s.`;
    if (seconds < 90 * 60) return ` Try again in ${Math.round(seconds / 60)} min.`;
    return ` It resets in about ${Math.round(seconds / 3600)} h.`;
  }
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function fail(code: FileError['code'], message: string): FileResult<never> {
  return { ok: false, error: { code, message } };
}
