import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(__dirname, '../..');

/** What `graphql-codegen --check` says of one config: 'up to date', or the files it would change. */
async function check(config: string): Promise<string> {
  const bin = resolve(root, 'node_modules/.bin/graphql-codegen');
  return promisify(execFile)(bin, ['--config', config, '--check'], { cwd: root }).then(
    () => 'up to date',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );
}

it('the committed resolver types match the .graphql schema (run `npm run codegen` after editing it)', async () => {
  expect(await check('api/codegen.ts')).toBe('up to date');
}, 60_000);

it("the committed client documents match the client's operations and the schema (run `npm run codegen`)", async () => {
  expect(await check('client/codegen.ts')).toBe('up to date');
}, 60_000);
