/**
 * Issue 17's editor actions in Chromium on the real stack: the Assist panel, the Action tab's diff with
 * Accept/Reject, wide and narrow. The assist GraphQL operations are
 * answered by the test (the page's own code runs; the backend's actions are covered by the API tests), so
 * this checks the UI: Accept writes through the live editor and one Ctrl-Z reverts it.
 * Screenshots go to E2E_SHOTS_DIR when set.
 */
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { testLiveblocks } from '../services';
import { byTestId as id, startE2E, type E2E } from './browser';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ config: testLiveblocks() });
});
afterAll(() => e2e?.dispose());

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

let target = '';
const ready = (base: string, proposed: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'AssistRequest', id: '00000000-0000-4000-8000-000000000001', projectId: 'p', action: 'docs',
  path: target, targetPath: target, selectionStartLine: null, selectionEndLine: null,
  instruction: null, status: 'ready', answer: 'Adds a short doc comment above the server start.', baseContent: base,
  proposedContent: proposed, editTool: 'whole_file', verification: null, errorCode: null, errorMessage: null,
  model: 'local/SmolLM2-135M-Instruct.Q4_1.gguf', tokens: 182, createdAt: new Date().toISOString(),
  finishedAt: new Date().toISOString(), decidedAt: null, ...extra,
});

/** Answers the assist operations; everything else reaches the server. */
async function answerAssist(page: Page, answers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  await page.route('**/graphql', async (route: Route) => {
    const body = route.request().postDataJSON() as { operationName?: string; variables?: Record<string, unknown> } | null;
    const answer = body?.operationName && answers[body.operationName];
    if (!answer) return route.continue();
    return route.fulfill({ contentType: 'application/json', body: JSON.stringify(answer(body.variables ?? {})) });
  });
}

it('reviews a proposal in the Assist panel, accepts it into the live file, and one Ctrl-Z reverts it', async () => {
  const page = await e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await id(page, 'signup-email-input').fill('ada@example.com');
  await id(page, 'signup-name-input').fill('Ada');
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]').waitFor();
  await page.goto(`${e2e.baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill('Recipe box');
  await id(page, 'project-framework-select').selectOption('express');
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  const projectId = page.url().split('/').pop()!;

  let base = '';
  let proposed = '';
  let decided: unknown = null;
  const capabilities = {
    assistCapabilities: {
      actions: { available: true, model: 'local/SmolLM2-135M-Instruct.Q4_1.gguf', local: true, reason: null },
      completions: { available: true, model: 'local/SmolLM2-135M-Instruct.Q4_1.gguf', local: true, reason: null },
    },
  };
  await answerAssist(page, {
    AssistActionCapabilities: () => ({ data: capabilities }),
    StartAssistAction: () => ({ data: { startAssist: { ...ready(base, proposed), status: 'running', proposedContent: null } } }),
    AssistAction: () => ({ data: { assistRequest: ready(base, proposed) } }),
    DecideAssistAction: (v) => ((decided = v), { data: { decideAssist: ready(base, proposed, { status: v['accept'] ? 'accepted' : 'rejected' }) } }),
  });

  const files = await page.evaluate(async (pid) => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'query($id: ID!) { project(id: $id) { files { path } } }', variables: { id: pid } }) });
    return ((await r.json()) as { data: { project: { files: { path: string }[] } } }).data.project.files.map((f) => f.path);
  }, projectId);
  const path = files.find((f) => /\.(js|ts)$/.test(f))!;
  target = path;
  await page.goto(`${e2e.baseUrl}/projects/${projectId}/code?file=${encodeURIComponent(path)}&line=3`);
  await page.locator('[data-testid="live-editor"][data-mode="live"][data-read-only="false"]').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  await id(page, 'completion-status').waitFor();
  expect(await id(page, 'completion-status').textContent()).toContain('Completions: on (SmolLM2-135M-Instruct)');

  // The text the proposal is made against: the file as the editor holds it.
  base = await page.evaluate(async ([pid, p]) => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: 'query($id: ID!, $p: String!) { project(id: $id) { file(path: $p) { content } } }', variables: { id: pid, p } }) });
    return ((await r.json()) as { data: { project: { file: { content: string } } } }).data.project.file.content;
  }, [projectId, path] as const);
  proposed = `/** The app's entry point: starts the HTTP server. */\n${base}`;
  await id(page, 'assist-menu-toggle').click();
  await shot(page, 'assist-menu');
  await id(page, 'assist-menu-docs').click();
  await id(page, 'assist-accept').waitFor({ timeout: 20_000 });
  await page.locator('.monaco-diff-editor').waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'assist-diff-light');
  await page.setViewportSize({ width: 760, height: 900 });
  await page.waitForTimeout(300);
  await shot(page, 'assist-diff-narrow');
  await page.setViewportSize({ width: 1440, height: 900 });
  await id(page, 'assist-accept').click();
  await id(page, 'assist-accepted').waitFor();
  expect(decided).toMatchObject({ accept: true });
  await page.waitForTimeout(300);
  await shot(page, 'assist-accepted');
  // Monaco reuses line nodes out of order: look for the line, not at the text's order.
  const added = id(page, 'live-editor').locator('.view-line', { hasText: "The app's entry point" });
  expect(await added.count()).toBe(1);
  await id(page, 'live-editor').locator('.view-line').nth(3).click();
  await page.keyboard.press('Control+Z');
  await added.waitFor({ state: 'detached' });
  expect(await id(page, 'live-editor').locator('.view-line', { hasText: 'createApp' }).count()).toBeGreaterThan(0);
});
