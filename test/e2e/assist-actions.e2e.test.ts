/**
 * Issue 17's editor actions in Chromium on the real stack (API, worker, Temporal, PostgreSQL, Redis, Liveblocks),
 * with the model vendor faked at its HTTP wire (OpenAI's SDK pointed at test/fakes/openai-fake.ts): select code →
 * explain (streamed) → refactor → review the diff → accept (the live file changes) → one Ctrl-Z reverts it; then
 * tests → reject (nothing written). Screenshots go to E2E_SHOTS_DIR when set.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OpenAIFake } from '../fakes/openai-fake';
import type { RecordedRequest, ScriptedReply } from '../fakes/fake-vendor';
import { testLiveblocks } from '../services';
import { gql, openLiveFile, selectLines, signUpWithProject } from './assist-page';
import { byTestId as id, startE2E, type E2E } from './browser';

let fake: OpenAIFake;
let e2e: E2E;
/** Replies to editor actions and chat (gpt-4.1), in order; completions (gpt-4.1-mini) get an empty answer. */
const actionReplies: ScriptedReply[] = [];
const actionRequests: RecordedRequest[] = [];

beforeAll(async () => {
  fake = await new OpenAIFake().start();
  fake.replyFor = (request) => {
    if (request.body.model === 'gpt-4.1-mini') return { text: '' };
    actionRequests.push(request);
    return actionReplies.shift() ?? { error: { status: 400, message: 'the test scripted no reply for this request' } };
  };
  e2e = await startE2E({ config: { ...testLiveblocks(), OPENAI_API_KEY: 'sk-e2e', OPENAI_BASE_URL: fake.baseURL } });
}, 120_000);
afterAll(async () => {
  await e2e?.dispose();
  await fake?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `assist-e2e-${name}.png`) });
}

/** The text of a chat/completions request's user messages. */
const userText = (request: RecordedRequest) =>
  (request.body.messages as { role: string; content: unknown }[])
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');

it('select code → explain → refactor → accept → one Ctrl-Z reverts it; tests → reject writes nothing; chat cites a line that opens', async () => {
  const page = await e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const projectId = await signUpWithProject(page, e2e.baseUrl, { email: 'ada@assist.test', name: 'Ada', project: 'Recipe box' });

  const { project } = await gql<{ project: { files: { path: string }[] } }>(page, 'query($id: ID!) { project(id: $id) { files { path } } }', { id: projectId });
  const path = project.files.map((f) => f.path).find((f) => /^src\/.*\.js$/.test(f) && !/test/.test(f)) ?? project.files.map((f) => f.path).find((f) => /\.js$/.test(f))!;
  const content = (
    await gql<{ project: { file: { content: string } } }>(page, 'query($id: ID!, $p: String!) { project(id: $id) { file(path: $p) { content } } }', { id: projectId, p: path })
  ).project.file.content;
  const lines = content.split('\n');
  expect(lines.length).toBeGreaterThan(5);

  await openLiveFile(page, e2e.baseUrl, projectId, path);
  await id(page, 'completion-status').waitFor();
  expect(await id(page, 'completion-status').textContent()).toContain('gpt-4.1-mini');

  // Select lines 2–4 (the caret ends at the start of line 5).
  await selectLines(page, 2, 4);

  // Explain: the answer streams into the Action tab.
  const explanation = 'These lines set up the Express application and its routes before the server starts listening.';
  actionReplies.push({ text: explanation, chunkDelayMs: 40 });
  await id(page, 'assist-menu-toggle').click();
  await id(page, 'assist-menu-explain').click();
  await page.locator('[data-testid="assist-answer"]', { hasText: 'before the server starts listening' }).waitFor({ timeout: 30_000 });
  await shot(page, 'explained');
  const explainAsked = userText(actionRequests.at(-1)!);
  expect(explainAsked).toContain(lines[1]!.trim());
  expect(actionRequests.at(-1)!.body.stream).toBe(true);

  // Refactor with an instruction: the fenced block replaces the selected lines; review, accept.
  const marker = '// refactored by the assistant: one route table';
  actionReplies.push({ text: `Here is the change.\n\n\`\`\`js\n${marker}\n${lines.slice(1, 4).join('\n')}\n\`\`\`\n` });
  await selectLines(page, 2, 4);
  await id(page, 'assist-menu-toggle').click();
  await id(page, 'assist-menu-refactor').click();
  await id(page, 'assist-instruction').first().fill('Put the routes in one table');
  await id(page, 'assist-run').click();
  await id(page, 'assist-accept').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-diff-editor').waitFor();
  expect(userText(actionRequests.at(-1)!)).toContain('Put the routes in one table');
  await page.waitForTimeout(300);
  await shot(page, 'refactor-diff');
  const editor = id(page, 'live-editor');
  expect(await editor.locator('.view-line', { hasText: 'refactored by the assistant' }).count()).toBe(0);
  await id(page, 'assist-accept').click();
  await id(page, 'assist-accepted').waitFor({ timeout: 15_000 });
  const added = editor.locator('.view-line', { hasText: 'refactored by the assistant' });
  await added.waitFor();
  await shot(page, 'accepted');

  // The decision is recorded; the proposal was not written by the server.
  const requests = await gql<{ assistRequests: { action: string; status: string }[] }>(page, 'query($p: ID!) { assistRequests(projectId: $p) { action status } }', { p: projectId });
  expect(requests.assistRequests.map((r) => `${r.action}:${r.status}`)).toEqual(['refactor:accepted', 'explain:ready']);

  // One undo reverts the whole accepted change.
  await editor.locator('.view-lines').click();
  await page.keyboard.press('Control+Z');
  await added.waitFor({ state: 'detached' });

  // Tests → a new test file proposed; reject writes nothing.
  actionReplies.push({ text: "```js\nconst assert = require('node:assert');\nassert.ok(true);\n```\n" });
  await id(page, 'assist-menu-toggle').click();
  await id(page, 'assist-menu-tests').click();
  await id(page, 'assist-reject').waitFor({ timeout: 30_000 });
  await id(page, 'assist-reject').click();
  await id(page, 'assist-rejected').waitFor();
  const after = await gql<{ assistRequests: { action: string; status: string; targetPath: string }[] }>(
    page,
    'query($p: ID!) { assistRequests(projectId: $p) { action status targetPath } }',
    { p: projectId },
  );
  expect(after.assistRequests[0]).toMatchObject({ action: 'tests', status: 'rejected' });
  const files = await gql<{ project: { files: { path: string }[] } }>(page, 'query($id: ID!) { project(id: $id) { files { path } } }', { id: projectId });
  expect(files.project.files.map((f) => f.path)).not.toContain(after.assistRequests[0]!.targetPath);

  // Project chat: the answer reads the file (a tool round), streams, and cites a line; the citation opens that spot.
  actionReplies.push({ toolCalls: [{ name: 'read_file', arguments: { path } }] }, { text: `The app is returned at ${path}:9, after its routes.` });
  await id(page, 'assist-tab-chat').click();
  await id(page, 'assist-input').fill('Where does the app get returned?');
  await id(page, 'assist-send').click();
  const cite = page.locator('[data-testid="assist-cite"]', { hasText: `${path}:9` }).first();
  await cite.waitFor({ timeout: 30_000 });
  const chatRequest = actionRequests.at(-1)!;
  expect((chatRequest.body.messages as { role: string }[]).some((m) => m.role === 'tool')).toBe(true);
  expect(chatRequest.body.tools).toBeDefined();
  await shot(page, 'chat');
  await cite.click();
  await page.locator('.monaco-editor .line-numbers.active-line-number', { hasText: /^9$/ }).first().waitFor({ timeout: 10_000 });
}, 240_000);
