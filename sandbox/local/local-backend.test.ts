/** Start-up checks of the local backend: it refuses a root its sandboxes could not reach. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxUnsupportedError } from '../sandbox.errors';
import { LocalSandboxBackend } from './local-backend';

test('a root under a folder other users cannot traverse is refused with the folder named', () => {
  const closed = mkdtempSync(join(tmpdir(), 'atelier-closed-')); // 0700
  try {
    expect(() => new LocalSandboxBackend({ root: join(closed, 'sandboxes') })).toThrow(SandboxUnsupportedError);
    expect(() => new LocalSandboxBackend({ root: join(closed, 'sandboxes') })).toThrow(closed);
  } finally {
    rmSync(closed, { recursive: true, force: true });
  }
});
