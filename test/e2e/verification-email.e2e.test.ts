import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { byTestId as on, startE2E, type E2E } from './browser';
import { repoRoot } from '../../infra/src/stack-config';

/** The account page's "Resend verification email": refused within a minute of the last mail, then sent. */
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.newPage();
});
afterAll(() => e2e?.dispose());

const byTestId = (id: string) => on(page, id);
/** The default embedded mailer writes into the data folder's mail/. */
const mailDir = join(repoRoot, '.data', 'mail');
const mailsTo = (to: string) => readdirSync(mailDir).filter((f) => readFileSync(join(mailDir, f), 'utf8').includes(`To: ${to}`));

it('resends the verification email from the account page', async () => {
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await byTestId('signup-email-input').fill('vera@example.com');
  await byTestId('signup-name-input').fill('Vera');
  await byTestId('signup-password-input').fill('a long enough passphrase');
  await byTestId('signup-submit').click();
  await page.waitForURL(/\/projects$/);
  // The folder outlives test runs: count from here.
  const sent = mailsTo('vera@example.com').length;
  expect(sent).toBeGreaterThan(0);

  await page.goto(`${e2e.baseUrl}/account`);
  expect(await byTestId('email-verified').innerText()).toBe('Not verified');
  await byTestId('resend-verification').click();
  expect(await byTestId('resend-verification-error').innerText()).toMatch(/try again in \d+ s/);
  await page.screenshot({ path: '/tmp/personal-account-rate-limited.png' });

  const viewer = (await page.evaluate(() =>
    fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    }).then((r) => r.json()),
  )) as {
    data: { viewer: { id: string } };
  };
  await e2e.stack.redis.del(`mail:verify:{${viewer.data.viewer.id}}`);
  await byTestId('resend-verification').click();
  await byTestId('resend-verification-sent').waitFor();
  expect(mailsTo('vera@example.com')).toHaveLength(sent + 1);
  await page.screenshot({ path: '/tmp/personal-account-sent.png' });
});
