/**
 * Issue 17's "done means" in Chromium on the real stack with no model key at all: the local GGUF (SmolLM2 135M,
 * fetched by the global setup) serves assist. A newcomer selects a function and gets a streamed explanation, asks
 * for tests, sees a diff and accepts it. Nothing about the answers' quality is asserted: it is a 135M model.
 * Screenshots go to E2E_SHOTS_DIR when set.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { localModelOf } from '../../core/models/local-model';
import { testEnv, testLiveblocks } from '../services';
import { gql, openLiveFile, selectLines, signUpWithProject } from './assist-page';
import { byTestId as id, startE2E, type E2E } from './browser';

jest.setTimeout(600_000);

let e2e: E2E;
beforeAll(async () => {
  const localModel = await localModelOf({ ATELIER_LOCAL_MODEL: testEnv().localModel }, '');
  e2e = await startE2E({ config: testLiveblocks(), localModel });
}, 180_000);
afterAll(() => e2e?.dispose());

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `assist-local-${name}.png`) });
}

it('with no key, a newcomer selects a function, gets a streamed explanation from the local model, asks for tests and accepts the diff', async () => {
  const page = await e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const projectId = await signUpWithProject(page, e2e.baseUrl, { email: 'newcomer@local.test', name: 'Nia', project: 'Tiny API' });

  await openLiveFile(page, e2e.baseUrl, projectId, 'src/app.js');
  // The capabilities name the local model: no key is configured anywhere.
  await page.locator('[data-testid="completion-status"]', { hasText: 'SmolLM2' }).waitFor({ timeout: 30_000 });

  // Select the function (from its doc comment to its closing brace).
  const { project } = await gql<{ project: { file: { content: string } } }>(page, 'query($id: ID!) { project(id: $id) { file(path: "src/app.js") { content } } }', { id: projectId });
  const lines = project.file.content.split('\n');
  const start = lines.findIndex((l) => l.startsWith('function createApp'));
  const end = lines.findIndex((l, i) => i > start && l.startsWith('}'));
  expect(start).toBeGreaterThan(0);
  await selectLines(page, start + 1, end + 1);

  // Explain: text streams in (several updates before the answer is complete), then the request is ready.
  await id(page, 'assist-menu-toggle').click();
  await id(page, 'assist-menu-explain').click();
  const answer = id(page, 'assist-answer');
  await answer.waitFor({ timeout: 120_000 });
  const seen = new Set<string>();
  const sample = setInterval(() => void answer.textContent().then((t) => t && seen.add(t)).catch(() => undefined), 50);
  await page.locator('[data-testid="assist-model"]', { hasText: 'SmolLM2' }).waitFor({ timeout: 300_000 });
  clearInterval(sample);
  await shot(page, 'explained');
  expect((await answer.textContent())!.trim().length).toBeGreaterThan(0);
  expect(seen.size).toBeGreaterThan(1);

  // Tests: a new test file is proposed as a diff against nothing; accept creates it with that content.
  await id(page, 'assist-menu-toggle').click();
  await id(page, 'assist-menu-tests').click();
  await id(page, 'assist-accept').waitFor({ timeout: 300_000 });
  await page.locator('.monaco-diff-editor').waitFor();
  await shot(page, 'tests-diff');
  const [request] = (
    await gql<{ assistRequests: { id: string; targetPath: string; proposedContent: string; model: string }[] }>(
      page,
      'query($p: ID!) { assistRequests(projectId: $p) { id targetPath proposedContent model } }',
      { p: projectId },
    )
  ).assistRequests;
  expect(request!.model).toMatch(/^local\/SmolLM2/);
  await id(page, 'assist-accept').click();
  await id(page, 'assist-accepted').waitFor({ timeout: 30_000 });
  await shot(page, 'accepted');
  // The new file is in the project with the proposed content once the room flushed it.
  const stored = async () =>
    (
      await gql<{ project: { file: { content: string } | null } } | null>(page, 'query($id: ID!, $p: String!) { project(id: $id) { file(path: $p) { content } } }', {
        id: projectId,
        p: request!.targetPath,
      })
    )?.project.file?.content;
  for (let i = 0; i < 60 && (await stored()) !== request!.proposedContent; i++) await page.waitForTimeout(500);
  expect(await stored()).toBe(request!.proposedContent);
});
