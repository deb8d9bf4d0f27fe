/**
 * Issue 13's live co-editing in Chromium, on the real stack (API + its Liveblocks proxy + the dev server +
 * the worker's room workflow): two people of one team type into the same line at once and converge; a reload
 * and PostgreSQL agree; an agent writes while both watch; a reader of a public project cannot write, even by
 * sending a Yjs update itself; a file deleted under someone says so.
 * Screenshots go to E2E_SHOTS_DIR when set.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import type { Page } from 'playwright-core';
import { createAgentFileActivities, type AgentToolRef, type AgentToolResult } from '../../activities/agents/agent-files.activities';
import type { ToolCall } from '../../core/models/model-types';
import { Project, ProjectFile } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { silentLogger, waitFor } from '../harness';
import { testLiveblocks } from '../services';
import { byTestId as id, startE2E, type E2E } from './browser';
import { afterContent, exposeRoom, forceEdit, liveText } from './coedit-page';

let e2e: E2E;
let baseUrl: string;
let ada: Page;
let bob: Page;
let team: { projectId: string; fileId: string };

beforeAll(async () => {
  e2e = await startE2E({ config: testLiveblocks() });
  baseUrl = e2e.baseUrl;
});
afterAll(() => e2e?.dispose());

/** A person: a fresh browser context whose pages expose their room to the test. */
async function person(): Promise<Page> {
  const page = await e2e.newPage();
  await exposeRoom(page.context());
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`) });
}

async function signUp(page: Page, email: string, name: string, from = `${baseUrl}/sign-up`) {
  await page.goto(from);
  await id(page, 'signup-email-input').fill(email);
  await id(page, 'signup-name-input').fill(name);
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]', { hasText: name }).waitFor();
}

/** Creates an express project (starter files) and waits for it to be ready; returns its id. */
async function createProject(page: Page, name: string, options: { team?: string; visibility?: string } = {}) {
  await page.goto(`${baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill(name);
  await id(page, 'project-framework-select').selectOption('express');
  if (options.team) await id(page, 'project-owner-select').selectOption({ label: options.team });
  if (options.visibility) await id(page, 'project-visibility-select').selectOption(options.visibility);
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  return page.url().split('/').pop()!;
}

async function fileIdOf(projectId: string, path: string): Promise<string> {
  return (await e2e.stack.db.orm.em.fork().findOneOrFail(ProjectFile, { project: projectId, path })).id;
}

/** Opens the workspace on a file and waits for its live document in the editor. */
async function openEditor(page: Page, projectId: string, path: string, editable = true) {
  await page.goto(`${baseUrl}/projects/${projectId}/code?file=${encodeURIComponent(path)}`);
  await page.locator(`[data-testid="live-editor"][data-mode="live"][data-read-only="${!editable}"]`).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Puts the caret at the end of line `line` (1-based) by keyboard, as a person would. */
async function caretAtEndOfLine(page: Page, line: number) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
}

const stored = async (fileId: string) => (await e2e.stack.db.orm.em.fork().findOneOrFail(ProjectFile, fileId)).content;

it('two people of a team type into the same line at once and converge; a reload and PostgreSQL agree', async () => {
  ada = await person();
  await signUp(ada, 'ada@example.com', 'Ada');
  await id(ada, 'teams-link').click();
  await id(ada, 'create-team-name-input').fill('Makers');
  await id(ada, 'create-team-submit').click();
  await ada.locator('[data-testid="team-row"] a', { hasText: 'Makers' }).click();
  await id(ada, 'invite-role-select').selectOption('member');
  await id(ada, 'invite-submit').click();
  const link = (await id(ada, 'invite-link').innerText()).trim();

  bob = await person();
  await signUp(bob, 'bob@example.com', 'Bob');
  await bob.goto(link);
  await id(bob, 'accept-invitation').click();
  await bob.locator('[data-testid="team-name"]', { hasText: 'Makers' }).waitFor();

  const projectId = await createProject(ada, 'Makers Site', { team: 'Makers', visibility: 'team' });
  team = { projectId, fileId: await fileIdOf(projectId, 'src/app.js') };
  // Ada goes from the project page; Bob follows a link to the file.
  await id(ada, 'open-editor').click();
  await ada.waitForURL(/\/code/);
  await ada.locator('[data-testid="tree-row"][data-path="src/app.js"]').click();
  await ada.locator('[data-testid="live-editor"][data-mode="live"][data-read-only="false"]').waitFor({ timeout: 30_000 });
  await openEditor(bob, projectId, 'src/app.js');
  const original = (await liveText(ada, team.fileId))!;
  const firstLine = original.split('\n')[0]!;

  await caretAtEndOfLine(ada, 1);
  await caretAtEndOfLine(bob, 1);
  const adaTypes = 'abcdefghij';
  const bobTypes = 'KLMNOPQRST';
  for (let i = 0; i < adaTypes.length; i++) {
    await Promise.all([ada.keyboard.type(adaTypes[i]!), bob.keyboard.type(bobTypes[i]!)]);
  }
  const converged = await waitFor('both editors to agree', async () => {
    const [a, b] = [await liveText(ada, team.fileId), await liveText(bob, team.fileId)];
    return a === b && a!.length === original.length + 20 ? a : null;
  });
  const line = converged!.split('\n')[0]!;
  expect(line.startsWith(firstLine)).toBe(true);
  const typed = line.slice(firstLine.length);
  expect([...typed].sort().join('')).toBe([...adaTypes, ...bobTypes].sort().join(''));
  // Each person's keystrokes keep their order.
  expect([...typed].filter((c) => adaTypes.includes(c)).join('')).toBe(adaTypes);
  expect([...typed].filter((c) => bobTypes.includes(c)).join('')).toBe(bobTypes);
  expect(converged!.slice(line.length)).toBe(original.slice(firstLine.length));
  // What Monaco shows is the document.
  expect((await ada.locator('.monaco-editor .view-line').first().innerText()).replace(/\u00a0/g, ' ')).toContain(typed.slice(0, 5));

  // Each sees the other's named caret, and who has the file open.
  await bob.locator('.yRemoteSelectionHead').first().waitFor();
  expect(await afterContent(bob.locator('.yRemoteSelectionHead').first())).toBe('"Ada"');
  await ada.locator('[data-testid="presence-avatar"][data-name="Bob"]').waitFor();
  await shot(bob, 'coedit-two-people');

  await id(ada, 'save-state').filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
  await ada.reload();
  await ada.locator('[data-testid="live-editor"][data-mode="live"]').waitFor({ timeout: 30_000 });
  expect(await liveText(ada, team.fileId)).toBe(converged);
  await waitFor('the flush to PostgreSQL', async () => (await stored(team.fileId)) === converged, 15_000);
});

it("suggests from Monaco's TypeScript service, and undo takes back only the person's own typing", async () => {
  await openEditor(ada, team.projectId, 'src/app.js');
  const before = (await liveText(ada, team.fileId))!;
  await caretAtEndOfLine(ada, 2);
  await ada.keyboard.type('const shout = "hi".toUpp');
  await ada.keyboard.press('Control+Space');
  await ada.locator('.suggest-widget .monaco-list-row', { hasText: 'toUpperCase' }).first().waitFor({ timeout: 30_000 });
  await shot(ada, 'coedit-intellisense');
  await ada.keyboard.press('Enter');
  await waitFor('Bob to see the completion', async () => (await liveText(bob, team.fileId))?.includes('"hi".toUpperCase'));

  // Bob types on the last line meanwhile; Ada's undo leaves it alone.
  const lines = before.split('\n').length;
  await caretAtEndOfLine(bob, lines - 1);
  await bob.keyboard.type(' // exported');
  await waitFor('Ada to see Bob’s edit', async () => (await liveText(ada, team.fileId))?.includes('// exported'));
  await ada.locator('.monaco-editor .view-lines').first().click();
  for (let i = 0; i < 6 && (await liveText(ada, team.fileId))!.includes('shout'); i++) {
    await ada.keyboard.press('Control+z');
    await new Promise((r) => setTimeout(r, 200));
  }
  const undone = (await liveText(ada, team.fileId))!;
  expect(undone).not.toContain('shout');
  expect(undone).toContain('createApp }; // exported');
  expect(undone).toBe(before.replace('createApp };', 'createApp }; // exported'));
  await waitFor('Bob to see the undo', async () => (await liveText(bob, team.fileId)) === undone);
});

/** One agent tool call as the worker makes it (the activity, with the stack's live documents). */
function agentTool(ref: AgentToolRef, call: ToolCall): Promise<AgentToolResult> {
  const { stack } = e2e;
  const env = new MockActivityEnvironment({
    ...defaultActivityInfo,
    workflowExecution: { workflowId: `agent-task:${ref.runId}`, runId: 'r1' },
  });
  const { runAgentFileTool } = createAgentFileActivities({
    orm: stack.db.orm,
    events: stack.events,
    logger: silentLogger,
    scaffoldFileDelayMs: 0,
    live: stack.live,
  });
  return env.run<[{ ref: AgentToolRef; call: ToolCall }], AgentToolResult, typeof runAgentFileTool>(runAgentFileTool, { ref, call });
}

it("an agent's write arrives live in both editors, beside a person's concurrent edit on another line", async () => {
  await ada.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
  const ref: AgentToolRef = { projectId: team.projectId, runId: randomUUID(), taskId: 'routes', role: 'backend' };
  const read = await agentTool(ref, { id: 'call_read', name: 'read_file', arguments: { path: 'src/app.js' } });
  expect(read.isError).toBe(false);

  // Bob edits line 1 after the agent read the file: the agent's write is stale and merged.
  await caretAtEndOfLine(bob, 1);
  await bob.keyboard.type(' // Bob');
  const lines = read.content.split('\n');
  const at = lines.findIndex((l) => l.includes('express.json()'));
  lines.splice(at + 1, 0, "  app.get('/agent', (_req, res) => res.json({ by: 'agent' }));");
  const wrote = await agentTool(ref, {
    id: 'call_write',
    name: 'write_file',
    arguments: { path: 'src/app.js', content: lines.join('\n') },
  });
  expect(wrote.isError).toBe(false);

  for (const page of [ada, bob]) {
    await waitFor('the agent edit and Bob’s edit in the editor', async () => {
      const text = await liveText(page, team.fileId);
      return text?.includes("by: 'agent'") && text.split('\n')[0]!.endsWith(' // Bob');
    });
    await page.locator('.agentCursor-backend').first().waitFor();
    await page.locator('[data-testid="presence-avatar"][data-kind="agent"][data-name="The backend"]').waitFor();
  }
  expect(await ada.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(await liveText(ada, team.fileId)).toBe(await liveText(bob, team.fileId));
  await shot(ada, 'coedit-agent');
});

it('a reader of a public project gets a read-only editor, and the server refuses a write they force', async () => {
  const projectId = await createProject(ada, 'Ada Public', { visibility: 'public' });
  const fileId = await fileIdOf(projectId, 'src/app.js');
  await openEditor(ada, projectId, 'src/app.js');
  const before = (await liveText(ada, fileId))!;

  const carol = await person();
  await signUp(carol, 'carol@example.com', 'Carol');
  await openEditor(carol, projectId, 'src/app.js', false);
  expect(await id(carol, 'read-only-reason').innerText()).toBe('You can view this project but not edit it.');
  await id(carol, 'workspace-viewer').waitFor();
  // Typing does nothing: Monaco is read-only.
  await caretAtEndOfLine(carol, 1);
  await carol.keyboard.type('typed by carol');
  expect(await liveText(carol, fileId)).toBe(before);
  await shot(carol, 'coedit-viewer');

  // A Yjs update sent straight over the room socket: the server drops it.
  await forceEdit(carol, fileId, 'HACKED BY CAROL ');
  await new Promise((r) => setTimeout(r, 2000));
  expect(await liveText(ada, fileId)).toBe(before);
  expect(await e2e.stack.live!.read(projectId, fileId)).toBe(before);
  await carol.context().close();
});

/** A GraphQL operation as the page's signed-in person (same origin, their cookie). */
function gqlAs(page: Page, query: string, variables: Record<string, unknown>): Promise<unknown> {
  return page.evaluate(
    async ([q, v]) => {
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return res.json();
    },
    [query, variables] as const,
  );
}

it('an editor whose project is archived meanwhile turns read-only and says why, without a reload', async () => {
  const projectId = await createProject(ada, 'Archive Me', { team: 'Makers', visibility: 'team' });
  await openEditor(bob, projectId, 'src/app.js');
  await bob.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
  expect(await gqlAs(ada, 'mutation($id: ID!) { archiveProject(id: $id) { id archivedAt } }', { id: projectId })).toMatchObject({
    data: { archiveProject: { id: projectId } },
  });
  await bob.locator('[data-testid="live-editor"][data-read-only="true"]').waitFor({ timeout: 30_000 });
  await id(bob, 'read-only-reason').filter({ hasText: 'archived' }).waitFor({ timeout: 15_000 });
  expect(await bob.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // The room closed Bob's writing connection; the page joins again, now as a reader, and still shows who is here.
  await id(bob, 'disconnected').waitFor({ state: 'detached', timeout: 20_000 });
  await bob.locator('[data-testid="presence-avatar"][data-name="Bob"]').waitFor();
  await shot(bob, 'coedit-archived');
});

it('someone with the file open is told it was deleted, and by whom', async () => {
  await openEditor(ada, team.projectId, 'src/app.js');
  await openEditor(bob, team.projectId, 'src/app.js');
  const answer = await gqlAs(ada, 'mutation($p: ID!, $path: String!) { deletePath(projectId: $p, path: $path) }', {
    p: team.projectId,
    path: 'src/app.js',
  });
  expect(answer).toEqual({ data: { deletePath: 1 } });
  const banner = id(bob, 'file-deleted');
  await banner.filter({ hasText: 'This file was deleted by Ada' }).waitFor({ timeout: 15_000 });
  expect(await bob.locator('[data-testid="live-editor"]').getAttribute('data-read-only')).toBe('true');
  await bob.locator('[data-testid="tree-row"][data-path="src/app.js"]').waitFor({ state: 'detached' });
  await shot(bob, 'coedit-deleted');
});

it('an empty project invites to wait for files', async () => {
  const em = e2e.stack.db.orm.em.fork();
  const owner = await em.findOneOrFail(User, { email: 'ada@example.com' });
  const project = em.create(Project, { owner, name: 'Empty', framework: 'express', status: 'READY' });
  await em.flush();
  await ada.goto(`${baseUrl}/projects/${project.id}/code`);
  await id(ada, 'tree-empty').waitFor();
  expect(await id(ada, 'workspace-placeholder').innerText()).toContain('This project has no files yet');
  await ada.locator('[data-testid="presence-avatar"][data-name="Ada"]').waitFor();
  await shot(ada, 'coedit-empty');
});
