/**
 * End-to-end fixture: an API + worker stack on a fresh database serving the built client, and Debian's
 * Chromium driven by playwright-core (never a downloaded browser). Each `newPage()` is a fresh browser
 * context, so two pages are two different people.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import type { SandboxBackend } from '../../sandbox/types';
import { createStack, type Stack } from '../harness';

const clientDist = resolve(__dirname, '../../client/dist/client/browser');
const chromiumPath = process.env.ATELIER_CHROMIUM_PATH ?? '/usr/bin/chromium';
// Chromium as root, headless, with no background traffic towards a network this machine does not have.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface E2E {
  stack: Stack;
  baseUrl: string;
  newPage(): Promise<Page>;
  dispose(): Promise<void>;
}

export async function startE2E(
  options: {
    scaffoldFileDelayMs?: number;
    masterKeys?: string;
    sandboxBackend?: SandboxBackend;
    config?: NonNullable<Parameters<typeof createStack>[0]>['config'];
    /** Deploy targets of the workers (and the API): see `createStack`. */
    deploy?: NonNullable<Parameters<typeof createStack>[0]>['deploy'];
    /** The local GGUF model in the stack's model layer (see `createStack`). */
    localModel?: NonNullable<Parameters<typeof createStack>[0]>['localModel'];
  } = {},
): Promise<E2E> {
  if (!existsSync(join(clientDist, 'index.html'))) throw new Error('The client is not built: `npm test` builds it (or run `npm run client:build`).');
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: \`npm test\` installs Debian's chromium when run as root (or set ATELIER_CHROMIUM_PATH).`);
  const stack = await createStack({ clientDist, masterKeys: options.masterKeys, sandboxBackend: options.sandboxBackend, config: options.config, deploy: options.deploy, localModel: options.localModel });
  await stack.startWorker({ scaffoldFileDelayMs: options.scaffoldFileDelayMs });
  const baseUrl = await stack.app.listen(0, '127.0.0.1');
  let browser: Browser | undefined;
  return {
    stack,
    baseUrl,
    async newPage() {
      browser ??= await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
      return (await browser.newContext()).newPage();
    },
    async dispose() {
      await browser?.close();
      await stack.dispose();
    },
  };
}

/** `[data-testid="…"]` on a page. */
export const byTestId = (page: Page, testId: string): Locator => page.locator(`[data-testid="${testId}"]`);
