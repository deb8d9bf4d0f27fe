import type { Page } from 'playwright-core';
import { User } from '../../core/user/user.entity';
import { waitFor } from '../harness';
import { byTestId as on, startE2E, type E2E } from './browser';

/** Themes in the browser: a user picks one in the top bar, the page recolours, and the choice follows the account. */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.dispose());

/** What the functions run in the page see of its globals (the server's tsconfig has no DOM library). */
interface PageGlobals {
  document: { documentElement: unknown };
  getComputedStyle(element: unknown): { backgroundColor: string; colorScheme: string };
}

/** The page's background and colour scheme as the browser paints them (`rgb(…)`). */
const painted = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    const { backgroundColor, colorScheme } = g.getComputedStyle(g.document.documentElement);
    return { backgroundColor, colorScheme };
  });
const background = async (page: Page) => (await painted(page)).backgroundColor;
const waitForBackground = (page: Page, rgb: string) =>
  page.waitForFunction((expected) => {
    const g = globalThis as unknown as PageGlobals;
    return g.getComputedStyle(g.document.documentElement).backgroundColor === expected;
  }, rgb);

it('recolours the page with the theme picked, keeps it on reload and in another browser', async () => {
  const page = await e2e.newPage();
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await on(page, 'signup-email-input').fill('tove@example.com');
  await on(page, 'signup-name-input').fill('Tove');
  await on(page, 'signup-password-input').fill('a long enough passphrase');
  await on(page, 'signup-submit').click();
  await page.waitForURL(/\/projects$/);
  // The default theme: today's light page.
  expect(await background(page)).toBe('rgb(246, 247, 249)');

  await on(page, 'theme-picker-toggle').click();
  await on(page, 'theme-option-tokyo-night').click();
  await waitForBackground(page, 'rgb(26, 27, 38)');
  expect((await painted(page)).colorScheme).toBe('dark');
  await page.keyboard.press('Escape');
  await on(page, 'theme-picker').waitFor({ state: 'detached' });
  const saved = async () => (await e2e.stack.db.orm.em.fork().findOneOrFail(User, { email: 'tove@example.com' })).themeId;
  await waitFor('the theme saved on the account', async () => (await saved()) === 'tokyo-night');

  await page.reload();
  await on(page, 'theme-picker-toggle').waitFor();
  expect(await background(page)).toBe('rgb(26, 27, 38)');
  expect(await on(page, 'theme-picker-toggle').getAttribute('aria-label')).toBe('Theme: Tokyo Night');
  // Before the app's code runs, public/theme-boot.js paints the last theme: no light flash on load.
  await page.route(/\/main-\w+\.js$/, (route) => route.abort());
  await page.reload();
  expect(await background(page)).toBe('rgb(26, 27, 38)');
  expect(await on(page, 'theme-picker-toggle').count()).toBe(0);

  // A browser that never saw the choice gets it from the account once Tove logs in.
  const other = await e2e.newPage();
  await other.goto(`${e2e.baseUrl}/log-in`);
  expect(await background(other)).toBe('rgb(246, 247, 249)');
  await on(other, 'login-email-input').fill('tove@example.com');
  await on(other, 'login-password-input').fill('a long enough passphrase');
  await on(other, 'login-submit').click();
  await waitForBackground(other, 'rgb(26, 27, 38)');
});

it('keeps effects off by default, and off while the system asks for reduced motion', async () => {
  const page = await e2e.newPage();
  await page.goto(`${e2e.baseUrl}/log-in`);
  await on(page, 'theme-picker-toggle').click();
  const effects = on(page, 'theme-effects');
  expect([await effects.isChecked(), await effects.isDisabled()]).toEqual([false, false]);
  await on(page, 'theme-option-forest-sanctuary').click();
  await effects.click();
  await on(page, 'theme-particles').waitFor();

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await on(page, 'theme-particles').waitFor({ state: 'detached' });
  expect([await effects.isChecked(), await effects.isDisabled()]).toEqual([false, true]);
  await on(page, 'theme-reduced-motion').waitFor();
});
