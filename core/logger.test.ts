import { Writable } from 'node:stream';
import { createLogger } from './logger';

/** Issue 11, item 4: secrets never reach a log line, however a caller nests them. */
it('redacts cookies, authorization headers, tokens, passwords, keys and links', () => {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) });
  const logger = createLogger({ level: 'info', service: 'test' }, sink);
  const secrets = [
    'sess-cookie-value',
    'Bearer abc.def',
    'tok-123',
    'hunter2-pass',
    'sk-live-key',
    'shh-secret',
    'https://x/reset?token=t0k',
  ];
  logger.info(
    {
      req: { method: 'POST', headers: { cookie: `atelier_session=${secrets[0]}`, authorization: secrets[1], host: 'localhost' } },
      res: { headers: { 'set-cookie': secrets[0] } },
      token: secrets[2],
      input: { email: 'ada@example.com', password: secrets[3] },
      provider: { apiKey: secrets[4], config: { secret: secrets[5] } },
      link: secrets[6],
    },
    'request',
  );
  const line = lines.join('');
  for (const secret of secrets) expect(line).not.toContain(secret);
  expect(JSON.parse(line)).toMatchObject({
    req: { method: 'POST', headers: { host: 'localhost', cookie: '[redacted]' } },
    input: { email: 'ada@example.com' },
  });
});
