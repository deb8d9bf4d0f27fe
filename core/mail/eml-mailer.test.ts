import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmlMailer } from './eml-mailer';

const logger = { info: () => undefined };
let dir: string;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'atelier-mail-')), 'mail');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

test('a keyed mail sent twice (a retried activity) is written once, with a Message-ID from its key', async () => {
  const mailer = createEmlMailer({ dir, logger });
  const mail = { to: 'a@example.com', subject: 'Payment received', text: 'Thanks', key: 'billing:sub_1:received:1' };
  await mailer.send(mail);
  await mailer.send(mail);
  await mailer.send({ ...mail, key: 'billing:sub_1:received:2' });
  const files = (await readdir(dir)).sort();
  expect(files).toHaveLength(2);
  const body = await readFile(join(dir, files[0]), 'utf8');
  expect(body).toMatch(/^Message-ID: <[0-9a-f]{32}@atelier>$/m);
  expect(body).not.toContain('sub_1');
});

test('mails without a key are never merged', async () => {
  const mailer = createEmlMailer({ dir, logger });
  const mail = { to: 'a@example.com', subject: 'Reset your password', text: 'x' };
  await Promise.all([mailer.send(mail), mailer.send(mail)]);
  expect(await readdir(dir)).toHaveLength(2);
});
