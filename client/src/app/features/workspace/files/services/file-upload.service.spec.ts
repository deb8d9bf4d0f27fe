import { TestBed } from '@angular/core/testing';
import { FILES_FETCH, FILES_NOW, FileUploads } from './file-upload.service';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  return async () =>
    ({
      ok: status >= 200 && status < 300,
      status,
      headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
      json: async () => {
        if (body === undefined) throw new SyntaxError('not JSON');
        return body;
      },
    }) as unknown as Response;
}

async function upload(fetchFake: () => Promise<Response>, size = 3) {
  TestBed.configureTestingModule({
    providers: [
      { provide: FILES_FETCH, useValue: fetchFake },
      { provide: FILES_NOW, useValue: () => NOW },
    ],
  });
  return TestBed.inject(FileUploads).upload('p1', 'a b/c.png', new Blob([new Uint8Array(size)]));
}

describe('FileUploads', () => {
  it('answers the stored file', async () => {
    const file = { id: 'f1', path: 'a b/c.png', size: 3, binary: true };
    expect(await upload(answer(201, { file }))).toEqual({ ok: true, value: file });
  });

  it.each([
    [413, { error: { code: 'FILE_TOO_LARGE', message: 'Files are limited to 5 MiB; this one is 6 MiB' } }, {}, 'Files are limited to 5 MiB; this one is 6 MiB'],
    [413, { error: { code: 'FILE_TOO_LARGE', maxBytes: 1_000_000 } }, {}, 'Too large (3 B): files up to 1.0 MB can be uploaded.'],
    [413, undefined, {}, 'Too large (3 B) for this server.'],
    [
      429,
      { error: { code: 'RATE_LIMIT_EXCEEDED', limit: 50, resetAt: '2026-12-07T12:00:40.000Z' } },
      {},
      'You reached your daily upload limit (50 files). Try again in 40 s.',
    ],
    [429, { error: { code: 'RATE_LIMIT_EXCEEDED' } }, { 'retry-after': '1800' }, 'You reached your daily upload limit. Try again in 30 min.'],
    [400, { error: { code: 'PATH_INVALID', message: 'A path cannot start with “/”.' } }, {}, 'A path cannot start with “/”.'],
    [403, { error: { code: 'FORBIDDEN' } }, {}, 'You cannot change files in this project.'],
    [409, { error: { code: 'PATH_TAKEN', message: 'src is a folder' } }, {}, 'src is a folder'],
    [500, undefined, {}, 'The server could not store the file. Try again.'],
  ])('explains a %i', async (status, body, headers, message) => {
    const result = await upload(answer(status, body, headers));
    expect(result.ok ? null : result.error.message).toBe(message);
  });

  it('says when the server cannot be reached', async () => {
    const result = await upload(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(result).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: 'Cannot reach the Atelier server. Check your connection, then try again.' },
    });
  });
});
