import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStack, type Stack } from '../../test/harness';

let stack: Stack;
let url: string;
const dist = mkdtempSync(join(tmpdir(), 'atelier-dist-'));

beforeAll(async () => {
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Atelier</title><app-root></app-root>');
  stack = await createStack({ clientDist: dist });
  url = await stack.app.listen(0, '127.0.0.1');
});
afterAll(async () => {
  await stack?.dispose();
  rmSync(dist, { recursive: true, force: true });
});

it('/healthz answers without touching dependencies', async () => {
  const res = await fetch(`${url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
});

it('/readyz reports each dependency with its latency', async () => {
  const res = await fetch(`${url}/readyz`);
  const body = (await res.json()) as { status: string; checks: Record<string, { ok: boolean; latencyMs: number }> };
  expect(res.status).toBe(200);
  expect(body.status).toBe('ok');
  expect(Object.keys(body.checks).sort()).toEqual(['postgres', 'redis', 'temporal']);
  for (const check of Object.values(body.checks)) {
    expect(check.ok).toBe(true);
    expect(check.latencyMs).toBeGreaterThanOrEqual(0);
  }
});

it('serves the web app with deep links falling back to index.html', async () => {
  for (const path of ['/', '/projects/new', '/projects/0b0e']) {
    const res = await fetch(`${url}${path}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<app-root>');
  }
});

it('answers GraphQL over HTTP and refuses a simple cross-site POST (CSRF prevention)', async () => {
  const ok = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ viewer { email } }' }),
  });
  expect(await ok.json()).toEqual({ data: { viewer: { email: 'local@atelier.localhost' } } });
  const csrf = await fetch(`${url}/graphql?query=${encodeURIComponent('{ projects { id } }')}`);
  expect(csrf.status).toBe(400);
});

it('hides internal errors behind a generic message with INTERNAL_SERVER_ERROR', async () => {
  await stack.db.orm.em.getConnection().execute('alter table projects rename to projects_gone');
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ projects { id } }' }),
    });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors[0]!.message).toBe('Something went wrong on our side. It has been logged; please try again.');
    expect(JSON.stringify(body)).not.toMatch(/projects_gone|relation|select|stack/i);
  } finally {
    await stack.db.orm.em.getConnection().execute('alter table projects_gone rename to projects');
  }
});
