/**
 * Issue 16's upgrade in Chromium on the real stack, with Razorpay faked at its HTTP wire (test/fakes/razorpay):
 * sign up, open /billing and see the Free limits, choose Pro monthly, pay in the fake's stand-in Checkout, see Pro
 * and the higher limits at once, then the invoice row, and download its PDF. Screenshots go to E2E_SHOTS_DIR
 * when set.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { RazorpayFake } from '../fakes/razorpay/razorpay-fake';
import { byTestId as id, startE2E, type E2E } from './browser';

let fake: RazorpayFake;
let e2e: E2E;
let page: Page;

beforeAll(async () => {
  fake = await new RazorpayFake().start();
  e2e = await startE2E({
    config: {
      RAZORPAY_KEY_ID: fake.keyId,
      RAZORPAY_KEY_SECRET: fake.keySecret,
      RAZORPAY_WEBHOOK_SECRET: fake.webhookSecret,
      ATELIER_RAZORPAY_API_URL: fake.url,
      ATELIER_RAZORPAY_CHECKOUT_URL: fake.checkoutUrl,
    },
  });
  page = await e2e.newPage();
  if (process.env.E2E_CONSOLE) page.on('console', (m) => process.stderr.write(`[page] ${m.type()}: ${m.text()}\n`));
}, 120_000);
afterAll(async () => {
  await e2e?.dispose();
  await fake?.close();
});

async function shot(name: string): Promise<void> {
  const dir = process.env.E2E_SHOTS_DIR;
  if (dir) await page.screenshot({ path: join(dir, `billing-e2e-${name}.png`), fullPage: true });
}

/** Waits until a usage meter shows `amount` ("0 / 5"): the meters read usage again after a payment. */
const meterShows = (kind: string, amount: RegExp) =>
  page.locator(`[data-testid="usage-meter"][data-kind="${kind}"] [data-testid="usage-meter-amount"]`, { hasText: amount }).waitFor({ timeout: 15_000 });

/** The text of every stream of a PDF, inflated where it is compressed, and its uncompressed parts. */
function pdfText(pdf: Buffer): string {
  const parts = [pdf.toString('latin1')];
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a Flate stream (or trailing bytes): its plain text is already in parts[0].
    }
  }
  return parts.join('\n');
}

/** Whether a PDF shows `text`: as a literal string or as pdf-lib's hex-encoded glyphs. */
function pdfShows(pdf: Buffer, text: string): boolean {
  const all = pdfText(pdf);
  const hex = Buffer.from(text, 'latin1').toString('hex').toUpperCase();
  return all.includes(text) || all.toUpperCase().includes(hex);
}

it('a new account sees Free, pays for Pro in Checkout, and has the Pro limits and a GST invoice at once', async () => {
  await page.goto(`${e2e.baseUrl}/sign-up`);
  await id(page, 'signup-email-input').fill('payer@billing.test');
  await id(page, 'signup-name-input').fill('Priya Payer');
  await id(page, 'signup-password-input').fill('a long enough passphrase');
  await id(page, 'signup-submit').click();
  await page.locator('[data-testid="viewer-name"]', { hasText: 'Priya Payer' }).waitFor();

  // The nav's Billing link; Free limits, in rupees with GST (no details saved yet: India).
  await id(page, 'billing-link').click();
  await page.waitForURL(/\/billing$/);
  await page.locator('[data-testid="plan-card"][data-tier="free"]').waitFor();
  await meterShows('projects', /\b0 \/ 5\b/);
  const pro = page.locator('[data-testid="plan-option"][data-plan-id="pro-monthly"]');
  expect(await pro.locator('[data-testid="plan-option-price"]').innerText()).toBe('₹1,499');
  expect(await pro.locator('[data-testid="plan-option-tax"]').innerText()).toBe('incl. 18% GST');
  expect(await id(page, 'invoices-empty').count()).toBe(1);
  // checkout.js is not on the page until someone pays.
  expect(await page.locator(`script[src="${fake.checkoutUrl}"]`).count()).toBe(0);
  await shot('free');

  await pro.locator('[data-testid="plan-choose"]').click();
  await id(page, 'standin-checkout').waitFor();
  expect(await page.locator(`script[src="${fake.checkoutUrl}"]`).count()).toBe(1);
  expect(await id(page, 'standin-amount').innerText()).toContain('1,499');
  await shot('checkout');
  await id(page, 'standin-pay').click();

  // Pro at once: the plan card, the status, and the usage meters' limits, without a reload.
  await page.locator('[data-testid="plan-card"][data-tier="pro"]').waitFor({ timeout: 30_000 });
  expect(await id(page, 'plan-status').getAttribute('data-status')).toBe('active');
  await meterShows('projects', /\b0 \/ 50\b/);
  expect(await id(page, 'usage-tier').innerText()).toBe('pro');
  expect(await id(page, 'billing-notice').innerText()).toContain('You are on Pro now.');

  // The GST invoice of the payment, and its PDF.
  const row = page.locator('[data-testid="invoice-row"][data-kind="invoice"]');
  await row.first().waitFor({ timeout: 30_000 });
  const number = await row.first().getAttribute('data-number');
  expect(number).toMatch(/^ATL\/\d{2}-\d{2}\/\d{6}$/);
  expect(await row.first().locator('[data-testid="invoice-total"]').innerText()).toBe('₹1,499');
  await shot('pro');
  const [download] = await Promise.all([page.waitForEvent('download'), row.first().locator('[data-testid="invoice-pdf"]').click()]);
  const pdf = await readFile((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdfShows(pdf, number!)).toBe(true);

  // A reload reads the same state from the server.
  await page.reload();
  await page.locator('[data-testid="plan-card"][data-tier="pro"]').waitFor();
  expect(await page.locator('[data-testid="plan-option"][data-plan-id="pro-monthly"] [data-testid="plan-choose"]').innerText()).toBe('Current plan');
}, 180_000);
