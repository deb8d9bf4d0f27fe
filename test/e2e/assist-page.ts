/** Steps the assist end-to-end tests share: a new account with an Express project, and GraphQL from the page. */
import type { Page } from 'playwright-core';
import { byTestId as id } from './browser';

/** Signs a new person up, creates an Express project and waits until it is ready; its id. */
export async function signUpWithProject(page: Page, baseUrl: string, who: { email: string; name: string; project: string }): Promise<string> {
  await page.goto(`${baseUrl}/sign-up`);
  await id(page, 'signup-email-input').fill(who.email);
  await id(page, 'signup-name-input').fill(who.name);
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]').waitFor();
  await page.goto(`${baseUrl}/projects/new`);
  await id(page, 'project-name-input').fill(who.project);
  await id(page, 'project-framework-select').selectOption('express');
  await id(page, 'create-project-submit').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.locator('[data-testid="project-status"][data-status="READY"]').waitFor({ timeout: 60_000 });
  return page.url().split('/').pop()!;
}

/** A GraphQL operation with the page's session; its `data`. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  return page.evaluate(
    async ([q, v]) => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: q, variables: v }) });
      return ((await r.json()) as { data: unknown }).data;
    },
    [query, variables] as const,
  ) as Promise<T>;
}

/** Opens a file in the workspace and waits for its live, writable editor. */
export async function openLiveFile(page: Page, baseUrl: string, projectId: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}/projects/${projectId}/code?file=${encodeURIComponent(path)}`);
  await page.locator('[data-testid="live-editor"][data-mode="live"][data-read-only="false"]').waitFor({ timeout: 30_000 });
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Selects whole lines `from`..`to` (1-based) in the open editor with the keyboard. */
export async function selectLines(page: Page, from: number, to: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  for (let i = 1; i < from; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i <= to; i++) await page.keyboard.press('Shift+ArrowDown');
}
