import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');

it('the committed resolver types match the .graphql schema (run `npm run codegen` after editing it)', async () => {
  const bin = resolve(root, 'node_modules/.bin/graphql-codegen');
  const result = await promisify(execFile)(bin, ['--config', 'api/codegen.ts', '--check'], { cwd: root }).then(
    () => 'up to date',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
  expect(result).toBe('up to date');
}, 60_000);
