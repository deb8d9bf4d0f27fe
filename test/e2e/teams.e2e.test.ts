import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
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
  // Team keys are sealed under a master key.
  e2e = await startE2E({ masterKeys: `e2e:${randomBytes(32).toString('base64')}` });
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

/** Full-page screenshots for a person to look at, when `E2E_SHOTS_DIR` names a folder. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

it("an owner sets the team's model key and budgets on its page; a member sees only who manages them", async () => {
  const eve = await person();
  await signUp(eve, 'eve@example.com', 'Eve');
  await eve.goto(`${baseUrl}/teams`);
  await id(eve, 'create-team-name-input').fill('Studio');
  await id(eve, 'create-team-submit').click();
  await eve.locator('[data-testid="team-row"] a', { hasText: 'Studio' }).click();
  await id(eve, 'provider-keys-empty').waitFor();
  await id(eve, 'team-budget-cap-runTokenBudget').waitFor();
  const teamUrl = eve.url();
  await shot(eve, 'team-owner-empty');

  // The server refuses a base URL on a private address; the form keeps what was typed.
  await id(eve, 'provider-select').selectOption('openai-compatible');
  await id(eve, 'provider-key-input').fill('sk-compat-0123456789');
  await id(eve, 'provider-base-url-input').fill('https://10.0.0.7/v1');
  await id(eve, 'save-provider-key').click();
  await id(eve, 'field-error-baseUrl').waitFor();
  await shot(eve, 'team-owner-key-error');
  expect(await id(eve, 'provider-base-url-input').inputValue()).toBe('https://10.0.0.7/v1');

  await id(eve, 'provider-select').selectOption('anthropic');
  await id(eve, 'provider-key-input').fill('sk-ant-team-0123456789');
  await id(eve, 'save-provider-key').click();
  await eve.locator('[data-testid="provider-key-row"][data-provider="anthropic"]').waitFor();
  expect((await id(eve, 'provider-key-hint').innerText()).trim()).toMatch(/^sk-.*6789$/);

  // A client check first, then a budget the server stores; a free tier's run cap is $1.
  await id(eve, 'team-budget-runTokenBudget').fill('1.5');
  await id(eve, 'save-team-budgets').click();
  await id(eve, 'field-error-runTokenBudget').waitFor();
  await shot(eve, 'team-owner-errors');
  await id(eve, 'team-budget-runTokenBudget').fill('200000');
  await id(eve, 'team-budget-monthlyCostBudgetUsd').fill('4');
  await id(eve, 'save-team-budgets').click();
  await id(eve, 'team-budgets-saved').waitFor();
  expect(await id(eve, 'team-budget-cap-runCostBudgetUsd').innerText()).toContain('$1.00');

  await eve.reload();
  await eve.locator('[data-testid="provider-key-row"][data-provider="anthropic"]').waitFor();
  // The inputs are filled when the budgets arrive, which is when the month's spend shows.
  await id(eve, 'team-month-spent').waitFor();
  expect(await id(eve, 'team-budget-runTokenBudget').inputValue()).toBe('200000');
  expect(await id(eve, 'team-budget-monthlyCostBudgetUsd').inputValue()).toBe('4');
  await shot(eve, 'team-owner');

  await id(eve, 'invite-submit').click();
  const link = (await id(eve, 'invite-link').innerText()).trim();
  const sam = await person();
  await signUp(sam, 'sam@example.com', 'Sam');
  await sam.goto(link);
  await id(sam, 'accept-invitation').click();
  await sam.locator('[data-testid="team-name"]', { hasText: 'Studio' }).waitFor();
  expect(await id(sam, 'team-models-managed').innerText()).toContain('managed by its owners and admins');
  expect(await id(sam, 'team-provider-keys').count()).toBe(0);
  expect(await sam.getByText('sk-').count()).toBe(0);
  await shot(sam, 'team-member');
  expect(sam.url()).toBe(teamUrl);

  const project = await createProject(sam, 'Studio Site', 'Studio');
  await eve.goto(project);
  await eve.locator('[data-testid="run-started-by"]', { hasText: 'Sam' }).waitFor();
  await shot(eve, 'project-started-by');
});
