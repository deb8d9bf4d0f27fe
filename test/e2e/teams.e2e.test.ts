import type { Page } from 'playwright-core';
import { byTestId as id, startE2E, type E2E } from './browser';

/**
 * Issue 3's walk-through in the browser, two people in two browser contexts: Ada signs up, creates a team
 * and invites Bob by link; Bob signs up from the invitation and joins; each keeps a private project the
 * other cannot see, while the team's project is visible to both.
 */

let e2e: E2E;
let baseUrl: string;

beforeAll(async () => {
  e2e = await startE2E();
  baseUrl = e2e.baseUrl;
});
afterAll(() => e2e?.dispose());

const person = (): Promise<Page> => e2e.newPage();

async function signUp(page: Page, email: string, name: string, from = `${baseUrl}/sign-up`) {
  await page.goto(from);
  await id(page, 'signup-email-input').fill(email);
  await id(page, 'signup-name-input').fill(name);
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]', { hasText: name }).waitFor();
}

async function createProject(page: Page, name: string, owner?: string) {
  await page.goto(`${baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill(name);
  await id(page, 'project-framework-select').selectOption('express');
  if (owner) {
    await id(page, 'project-owner-select').selectOption({ label: owner });
    await id(page, 'project-visibility-select').selectOption('team');
  }
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  return page.url();
}

async function listedProjects(page: Page): Promise<string[]> {
  await page.goto(`${baseUrl}/projects`);
  await page.locator('[data-testid="project-row"], [data-testid="projects-empty"]').first().waitFor();
  return (await page.locator('[data-testid="project-row"] td:first-child').allInnerTexts()).map((t) => t.trim()).sort();
}

it('a newcomer creates a team, invites a second user who joins, and private projects stay private', async () => {
  const ada = await person();
  await signUp(ada, 'ada@example.com', 'Ada');
  await id(ada, 'teams-link').click();
  await id(ada, 'create-team-name-input').fill('Makers');
  await id(ada, 'create-team-submit').click();
  await ada.locator('[data-testid="team-row"] a', { hasText: 'Makers' }).click();
  await ada.locator('[data-testid="team-name"]', { hasText: 'Makers' }).waitFor();
  await id(ada, 'invite-role-select').selectOption('member');
  await id(ada, 'invite-submit').click();
  const link = (await id(ada, 'invite-link').innerText()).trim();
  expect(link).toMatch(new RegExp(`^${baseUrl}/invitations/[\\w-]{43}$`));

  const bob = await person();
  await bob.goto(link);
  await bob.locator('[data-testid="invitation-team-name"]', { hasText: 'Makers' }).waitFor();
  await id(bob, 'invitation-sign-up').click();
  await bob.waitForURL(/\/sign-up/);
  await id(bob, 'signup-email-input').fill('bob@example.com');
  await id(bob, 'signup-name-input').fill('Bob');
  await id(bob, 'signup-password-input').fill('a long enough passphrase');
  await id(bob, 'signup-submit').click();
  await bob.waitForURL(/\/invitations\//);
  await id(bob, 'accept-invitation').click();
  await bob.locator('[data-testid="team-name"]', { hasText: 'Makers' }).waitFor();
  await bob.locator('[data-testid="member-row"][data-user-email="bob@example.com"][data-role="member"]').waitFor();

  const adaPrivate = await createProject(ada, 'Ada Private');
  const bobPrivate = await createProject(bob, 'Bob Private');
  await createProject(ada, 'Makers Site', 'Makers');

  expect(await listedProjects(ada)).toEqual(['Ada Private', 'Makers Site']);
  expect(await listedProjects(bob)).toEqual(['Bob Private', 'Makers Site']);
  await bob.goto(adaPrivate);
  await id(bob, 'project-not-found').waitFor();
  await ada.goto(bobPrivate);
  await id(ada, 'project-not-found').waitFor();
  if (process.env.E2E_SCREENSHOT) await bob.screenshot({ path: process.env.E2E_SCREENSHOT, fullPage: true });
});
