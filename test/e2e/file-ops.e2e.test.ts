/**
 * Issue 13's file operations in a browser, once each: in the workspace's file tree a person creates a folder
 * and a file, is told inline that a name is taken, renames, moves by drag and drop, uploads a text and a
 * binary file (the binary opens as a download panel, never as text), is told why a too-large upload was
 * refused, deletes, downloads the zip and restores an earlier version from the history's diff. A second
 * browser context watches the same tree change without a reload.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import { graphqlOver, type Gql } from '../graphql-http';
import { waitFor } from '../harness';
import { testLiveblocks } from '../services';
import { startE2E, type E2E } from './browser';

/** Where the tree lives. */
const workspacePath = (projectId: string) => `/projects/${projectId}/code`;
const shots = process.env.E2E_SCREENSHOT_DIR;

let e2e: E2E;
let gql: Gql;

beforeAll(async () => {
  e2e = await startE2E({ config: testLiveblocks() });
  gql = graphqlOver(e2e.baseUrl).gql;
  // Upload windows live in the shared test Redis, keyed by user, and every single-user stack has the same
  // local user: unlimited here, so other suites' uploads cannot refuse these.
  await e2e.stack.db.orm.em.fork().getConnection().execute(`update users set tier = 'enterprise' where id = ?`, [LOCAL_USER_ID]);
});
afterAll(() => e2e?.dispose());

/** A starter project (single-user mode: no sign-up), once its scaffold has written its files. */
async function starterProject(name: string): Promise<string> {
  const created = await gql<{ createProject: { id: string } }>(undefined, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
    i: { name, framework: 'express' },
  });
  const id = created.data?.createProject.id;
  if (!id) throw new Error(`createProject failed: ${created.text}`);
  await waitFor('the scaffold', async () => {
    const reply = await gql<{ project: { status: string } }>(undefined, 'query($id: ID!) { project(id: $id) { status } }', { id });
    return reply.data?.project.status === 'READY';
  }, 60_000);
  return id;
}

async function fileContent(projectId: string, path: string): Promise<string | null> {
  const reply = await gql<{ project: { file: { content: string } | null } }>(undefined, 'query($id: ID!, $path: String!) { project(id: $id) { file(path: $path) { content } } }', { id: projectId, path });
  return reply.data?.project.file?.content ?? null;
}

const row = (page: Page, path: string): Locator => page.locator(`[data-testid="tree-row"][data-path="${path}"]`);
const on = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`);
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
};

async function typeName(page: Page, name: string) {
  const input = on(page, 'tree-edit-input');
  await input.fill(name);
  await input.press('Enter');
}

async function upload(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), on(page, 'upload-button').click()]);
  await chooser.setFiles(files);
}

it('creates, renames, moves, uploads, deletes, zips and restores in the file tree, live for a second viewer', async () => {
  const projectId = await starterProject('Files in the browser');
  const page = await e2e.newPage();
  const watcher = await e2e.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  page.on('dialog', (dialog) => void dialog.accept());
  for (const p of [page, watcher]) await p.goto(`${e2e.baseUrl}${workspacePath(projectId)}`);
  await row(page, 'package.json').waitFor();
  await row(watcher, 'package.json').waitFor();
  await shot(page, 'tree-starter');

  // A folder, then a file at the root (the focused row picks the folder: a root file here).
  await on(page, 'new-folder').click();
  await typeName(page, 'docs');
  await row(page, 'docs').waitFor();
  await row(watcher, 'docs').waitFor();
  await row(page, 'package.json').click();
  await on(page, 'new-file').click();
  await typeName(page, 'notes.md');
  await row(page, 'notes.md').waitFor();
  await row(watcher, 'notes.md').waitFor();

  // A taken name is refused inline, in the server's words; then a free one.
  await row(page, 'notes.md').focus();
  await page.keyboard.press('F2');
  await typeName(page, 'package.json');
  const refusal = page.locator('[data-testid="tree-edit-error"][data-code="PATH_TAKEN"]');
  await refusal.waitFor();
  expect(await refusal.innerText()).toMatch(/package\.json/);
  await shot(page, 'rename-error');
  await typeName(page, 'todo.md');
  await row(page, 'todo.md').waitFor();

  // Drag and drop into the folder.
  await row(page, 'todo.md').dragTo(row(page, 'docs'));
  await row(page, 'docs/todo.md').waitFor();
  await row(watcher, 'todo.md').waitFor({ state: 'detached' });
  await shot(page, 'tree-folders');

  // Uploads: a text file, a binary one, and one over the 5 MiB cap.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(1200, 7)]);
  await row(page, 'package.json').click();
  await upload(page, [
    { name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('Hello v1\n') },
    { name: 'logo.png', mimeType: 'image/png', buffer: png },
    { name: 'huge.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(6 * 1024 * 1024, 1) },
  ]);
  await page.locator('[data-testid="upload-item"][data-status="failed"][data-path="huge.bin"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="upload-item"][data-status="done"][data-path="logo.png"]').waitFor();
  expect(await on(page, 'upload-error').innerText()).toMatch(/limited to 5 MiB/);
  await shot(page, 'upload-errors');
  await row(page, 'logo.png').waitFor();
  expect(await row(page, 'logo.png').getAttribute('data-binary')).toBe('true');
  await row(watcher, 'hello.txt').waitFor();

  // The row's menu offers the rest; "Move to…" lists the folders.
  await row(page, 'hello.txt').click({ button: 'right' });
  await on(page, 'menu-move').click();
  await on(page, 'move-panel').waitFor();
  expect(await on(page, 'move-target').locator('option').allInnerTexts()).toEqual(['/ (project root)', 'docs/', 'src/', 'test/']);
  await shot(page, 'move-to');
  await on(page, 'move-panel').getByText('Cancel').click();

  // The binary file opens as a download panel.
  await row(page, 'logo.png').click();
  await on(page, 'binary-file').waitFor();
  expect(await on(page, 'binary-file-size').innerText()).toBe('1.2 kB');
  expect(await on(page, 'binary-file-download').getAttribute('href')).toBe(`/api/projects/${projectId}/files/raw?path=logo.png`);
  expect(await page.locator('.monaco-editor').count()).toBe(0);
  await shot(page, 'binary-panel');

  // Delete, after the confirmation.
  await row(page, 'docs/todo.md').focus();
  await page.keyboard.press('Delete');
  await row(page, 'docs/todo.md').waitFor({ state: 'detached' });

  // The zip holds what the tree shows.
  const [download] = await Promise.all([page.waitForEvent('download'), on(page, 'download-zip').click()]);
  expect(download.suggestedFilename()).toBe('files-in-the-browser.zip');
  const entries = zipEntries(await readFile(await download.path()));
  expect(entries).toEqual(expect.arrayContaining(['files-in-the-browser/hello.txt', 'files-in-the-browser/logo.png', 'files-in-the-browser/package.json', 'files-in-the-browser/docs/']));
  expect(entries.filter((e) => e.includes('todo.md'))).toEqual([]);

  // A second upload of hello.txt is a new version; the first one is restored from the history's diff.
  await row(page, 'hello.txt').click();
  await upload(page, [{ name: 'hello.txt', mimeType: 'text/plain', buffer: Buffer.from('Hello v2\n') }]);
  await waitFor('the second upload', async () => (await fileContent(projectId, 'hello.txt')) === 'Hello v2\n');
  await openHistory(page);
  const versions = on(page, 'version-item');
  await waitFor('two versions', async () => (await versions.count()) >= 2);
  await versions.nth(1).click();
  await page.locator('[data-testid="file-diff"] .monaco-diff-editor').waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="file-diff"] .view-lines', { hasText: 'Hello v1' }).first().waitFor();
  await shot(page, 'history-diff');
  await on(page, 'restore-version').click();
  await on(page, 'history-notice').waitFor();
  await waitFor('the restore', async () => (await fileContent(projectId, 'hello.txt')) === 'Hello v1\n');
  await page.locator('[data-testid="version-item"][data-reason="restore"]').first().waitFor();
  expect(await versions.first().getAttribute('data-reason')).toBe('restore');

  // The watcher never reloaded and sees the end state.
  for (const path of ['docs', 'hello.txt', 'logo.png']) await row(watcher, path).waitFor();
  expect(await row(watcher, 'notes.md').count()).toBe(0);
});

it('shows an empty project plainly', async () => {
  const projectId = await starterProject('Nothing here');
  const tree = await gql<{ project: { files: { path: string }[] } }>(undefined, 'query($id: ID!) { project(id: $id) { files { path } } }', { id: projectId });
  const roots = new Set((tree.data?.project.files ?? []).map((f) => f.path.split('/')[0]));
  for (const path of roots) await gql(undefined, 'mutation($p: ID!, $path: String!) { deletePath(projectId: $p, path: $path) }', { p: projectId, path });
  const page = await e2e.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${e2e.baseUrl}${workspacePath(projectId)}`);
  await on(page, 'tree-empty').waitFor();
  expect(await on(page, 'tree-empty').innerText()).toContain('No files yet.');
  await shot(page, 'empty-project');
});

async function openHistory(page: Page) {
  await on(page, 'history-toggle').click();
  await on(page, 'file-history').waitFor();
}

/** The entry names of a zip, read from its central directory (no zip library needed to check them). */
function zipEntries(zip: Buffer): string[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}
