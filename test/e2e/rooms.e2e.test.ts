/**
 * Issue 14's rooms in Chromium, three new people on the real stack (API, its Liveblocks proxy and the dev
 * server, the worker with the room and agent-reply workflows, a bubblewrap sandbox): Ada opens a password room
 * over her project; Bob gets the password wrong, then right; Cy finds it full, then locked; they chat live, ask
 * @reviewer and read its answer, run the tests in the shared terminal and both see the output; Ada's theme is
 * followed (and Bob may opt out); a role change, host passing when Ada leaves, and a kick that closes the kicked
 * person's live connections; then the room is ended (archived) and reopened with its files and chat.
 * The 24-hour idle archive itself runs in workflows/room.workflow.test.ts on a time-skipping server.
 * Screenshots go to E2E_SHOTS_DIR when set.
 */
import { join } from 'node:path';
import type { Page, WebSocket } from 'playwright-core';
import { ProjectFile } from '../../core/project/project.entity';
import { Room } from '../../core/rooms/room.entities';
import { testLocalBackend } from '../fixtures/sandbox-backends';
import { waitFor } from '../harness';
import { testLiveblocks } from '../services';
import { byTestId as id, startE2E, type E2E } from './browser';

let e2e: E2E;
let local: ReturnType<typeof testLocalBackend>;
let baseUrl: string;
let ada: Page;
let bob: Page;
let cy: Page;
let projectId: string;
let roomId: string;
/** Cy's open WebSockets to the Liveblocks proxy, to see them closed by the kick. */
const cySockets: WebSocket[] = [];

const PASSWORD = 'open sesame please';

beforeAll(async () => {
  local = testLocalBackend();
  e2e = await startE2E({ config: testLiveblocks(), sandboxBackend: local.backend });
  baseUrl = e2e.baseUrl;
  [ada, bob, cy] = await Promise.all([e2e.newPage(), e2e.newPage(), e2e.newPage()]);
  // Kicks and ending a room ask "are you sure?" (window.confirm): a person says yes.
  for (const page of [ada, bob, cy]) page.on('dialog', (dialog) => void dialog.accept());
  if (process.env.E2E_CONSOLE)
    for (const [name, page] of [['ada', ada], ['bob', bob], ['cy', cy]] as const)
      page.on('console', (m) => m.type() !== 'debug' && process.stderr.write(`[${name}] ${m.type()}: ${m.text()}\n`));
  cy.on('websocket', (ws) => {
    if (ws.url().includes('/v8') || ws.url().includes('/v2/c/')) cySockets.push(ws);
  });
}, 120_000);
afterAll(async () => {
  await e2e?.dispose();
  await local?.dispose();
});

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `rooms-${name}.png`) });
}

async function signUp(page: Page, email: string, name: string) {
  await page.goto(`${baseUrl}/sign-up`);
  await id(page, 'signup-email-input').fill(email);
  await id(page, 'signup-name-input').fill(name);
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]', { hasText: name }).waitFor();
}

async function createProject(page: Page, name: string): Promise<string> {
  await page.goto(`${baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill(name);
  await id(page, 'project-framework-select').selectOption('express');
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  return page.url().split('/').pop()!;
}

/** The join screen's refusal, once shown: its code and text. */
async function refusal(page: Page): Promise<{ code: string | null; text: string }> {
  const error = id(page, 'join-error');
  await error.waitFor();
  return { code: await error.getAttribute('data-code'), text: (await error.innerText()).trim() };
}

/** Opens the room's join screen and joins (with the password when given). */
async function joinRoom(page: Page, password?: string) {
  await page.goto(`${baseUrl}/rooms/${roomId}`);
  await id(page, 'room-join').waitFor();
  if (password !== undefined) await id(page, 'join-password').fill(password);
  await id(page, 'join-room').click();
}

const inside = (page: Page) => id(page, 'chat-input').waitFor({ timeout: 30_000 });
const myRole = (page: Page) => id(page, 'my-role');
const terminalText = (page: Page) => page.locator('.xterm-rows').first().innerText();
const message = (page: Page, text: string) => page.locator('[data-testid="chat-message"]', { hasText: text });

describe('a password room of two new people', () => {
  it('Ada creates a room with a password; Bob gets the password wrong, then right', async () => {
    await Promise.all([signUp(ada, 'ada@rooms.test', 'Ada Host'), signUp(bob, 'bob@rooms.test', 'Bob Pair'), signUp(cy, 'cy@rooms.test', 'Cy Third')]);
    projectId = await createProject(ada, 'Room project');

    await ada.goto(`${baseUrl}/rooms`);
    await id(ada, 'new-room').click();
    await id(ada, 'new-room-name').fill('Pairing on the todo API');
    await id(ada, 'new-room-project').selectOption(projectId);
    await id(ada, 'new-room-visibility').selectOption('public');
    await id(ada, 'new-room-password').fill(PASSWORD);
    await id(ada, 'new-room-capacity').fill('2');
    await shot(ada, 'new-room');
    await id(ada, 'new-room-submit').click();
    await ada.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    roomId = ada.url().split('/').pop()!;
    await inside(ada);
    await expect(myRole(ada).innerText()).resolves.toMatch(/host/i);

    await joinRoom(bob, 'not the password');
    expect(await refusal(bob)).toMatchObject({ code: 'ROOM_PASSWORD_INVALID' });
    await shot(bob, 'wrong-password');
    await id(bob, 'join-password').fill(PASSWORD);
    await id(bob, 'join-room').click();
    await inside(bob);
    await expect(myRole(bob).innerText()).resolves.toMatch(/participant/i);
  }, 180_000);

  it('a third person finds the room full; those inside are unaffected', async () => {
    await joinRoom(cy, PASSWORD);
    const { code, text } = await refusal(cy);
    expect(code).toBe('ROOM_FULL');
    expect(text).toMatch(/full/i);
    await shot(cy, 'full');
  });

  it('chat is live both ways', async () => {
    await id(ada, 'chat-input').fill('Hello Bob, shall we look at src/app.js:3?');
    await id(ada, 'chat-input').press('Enter');
    await message(bob, 'Hello Bob').waitFor();
    // The file reference is a link that opens the file at that line.
    await expect(message(bob, 'Hello Bob').locator('[data-testid="chat-ref"]').count()).resolves.toBe(1);
    await id(bob, 'chat-input').fill('Sure, on it');
    await id(bob, 'chat-input').press('Enter');
    await message(ada, 'Sure, on it').waitFor();
  });

  it('@reviewer answers in the chat, streamed, for both', async () => {
    await id(bob, 'chat-input').fill('@reviewer what should we review first?');
    await id(bob, 'chat-input').press('Enter');
    for (const page of [ada, bob]) {
      const answer = page.locator('[data-testid="chat-message"]', { has: page.locator('[data-testid="chat-author"]', { hasText: 'reviewer' }) });
      await answer.first().waitFor({ timeout: 60_000 });
      await waitFor('the reviewer to finish', async () => (await answer.first().locator('[data-testid="chat-streaming"]').count()) === 0, 60_000);
      expect((await answer.first().locator('[data-testid="chat-body"]').innerText()).length).toBeGreaterThan(10);
    }
    await shot(bob, 'reviewer-answer');
  }, 150_000);

  it('the shared terminal: Bob runs the tests, and Ada sees the output too', async () => {
    for (const page of [ada, bob]) await page.locator('.xterm-rows').first().waitFor({ timeout: 60_000 });
    await id(bob, 'room-test').click();
    for (const page of [ada, bob]) {
      // node --test's summary, as both people's terminals show it.
      await waitFor('the tests to pass in the shared terminal', async () => /pass\s+[1-9]/.test(await terminalText(page)) && /fail\s+0/.test(await terminalText(page)), 240_000);
    }
    await shot(ada, 'terminal');
  }, 300_000);

  it("the host's theme is followed, and Bob may opt out", async () => {
    type Dom = { getComputedStyle(element: unknown): { backgroundColor: string }; document: { documentElement: unknown } };
    const background = (page: Page) =>
      page.evaluate(() => {
        const dom = globalThis as unknown as Dom;
        return dom.getComputedStyle(dom.document.documentElement).backgroundColor;
      });
    const before = await background(bob);
    await id(ada, 'room-theme').selectOption('night-owl');
    await waitFor("Bob's page to take the host's theme", async () => (await background(bob)) !== before);
    const nightOwl = await background(bob);
    expect(await background(ada)).toBe(nightOwl);
    await shot(bob, 'theme-followed');
    await id(bob, 'follow-room-theme').uncheck();
    await waitFor('Bob back on his own theme', async () => (await background(bob)) === before);
    await id(bob, 'follow-room-theme').check();
    await waitFor("Bob following the host's theme again", async () => (await background(bob)) === nightOwl);
  });
});

describe('moderation', () => {
  async function memberAction(page: Page, userName: string, action: string) {
    await id(page, 'tab-people').click();
    const row = page.locator('[data-testid="member-row"]', { hasText: userName });
    await row.locator('[data-testid="member-menu-button"]').click();
    await row.locator(`[data-testid="member-action"][data-action="${action}"]`).click();
  }

  it('Ada makes Bob a moderator; Bob sees his new role', async () => {
    await memberAction(ada, 'Bob Pair', 'role:moderator');
    await waitFor('Bob to be a moderator', async () => /moderator/i.test(await myRole(bob).innerText()));
  });

  it('a locked room refuses a newcomer', async () => {
    await id(ada, 'room-lock').click();
    await id(ada, 'room-locked-badge').waitFor();
    await joinRoom(cy, PASSWORD);
    expect(await refusal(cy)).toMatchObject({ code: 'ROOM_LOCKED' });
    await shot(cy, 'locked');
  });

  it('when the host leaves, host passes to the moderator', async () => {
    await id(ada, 'room-leave').click();
    await ada.waitForURL(/\/rooms(\?.*)?$/);
    await waitFor('Bob to be the host', async () => /host/i.test(await myRole(bob).innerText()));
  });

  it("a kick closes the kicked person's live connections", async () => {
    // Bob, now host, opens the room to Cy: unlocked, and Ada's place is free.
    await id(bob, 'room-lock').click();
    await waitFor('the room unlocked', async () => (await id(bob, 'room-locked-badge').count()) === 0);
    await joinRoom(cy, PASSWORD);
    await inside(cy);
    await waitFor("Cy's live room open", async () => cySockets.some((ws) => !ws.isClosed()), 30_000);
    await memberAction(bob, 'Cy Third', 'kick');
    await id(cy, 'room-exit').waitFor({ timeout: 15_000 });
    await waitFor("Cy's live sockets closed", async () => cySockets.length > 0 && cySockets.every((ws) => ws.isClosed()), 15_000);
    await shot(cy, 'kicked');
    // Coming back is refused, with the reason.
    await cy.goto(`${baseUrl}/rooms/${roomId}`);
    await cy.locator('[data-code="ROOM_KICKED"]').first().waitFor();
  });
});

describe('archive and reopen', () => {
  it('an ended room is archived with its files and chat, and reopens intact', async () => {
    const em = e2e.stack.db.orm.em.fork();
    const files = (await em.find(ProjectFile, { project: projectId }, { fields: ['path'] })).map((f) => f.path).sort();
    await id(bob, 'room-end').click();
    await id(bob, 'room-archived-banner').waitFor({ timeout: 60_000 });
    await waitFor('the room archived', async () => (await e2e.stack.db.orm.em.fork().findOne(Room, { id: roomId }))?.status === 'archived');
    await shot(bob, 'archived');

    await bob.reload();
    await id(bob, 'room-reopen').first().click();
    await inside(bob);
    await message(bob, 'Hello Bob').waitFor();
    await message(bob, 'Sure, on it').waitFor();
    const room = await e2e.stack.db.orm.em.fork().findOneOrFail(Room, { id: roomId });
    expect(room).toMatchObject({ status: expect.stringMatching(/created|active/), session: 2 });
    const after = (await e2e.stack.db.orm.em.fork().find(ProjectFile, { project: projectId }, { fields: ['path'] })).map((f) => f.path).sort();
    expect(after).toEqual(files);
    await shot(bob, 'reopened');
  }, 120_000);
});
