/**
 * The embedded Temporal Web UI has no authentication (it can start, signal and terminate any workflow), so it
 * must listen on loopback only (issue 11, item 2). Real `temporal server start-dev`, sockets read from
 * /proc/net/tcp{,6}.
 */
import { readFileSync } from 'node:fs';
import { freePort, waitFor } from '../ports';
import { findTemporalCli, startTemporalDevServer, type TemporalDevServer } from './temporal';

let server: TemporalDevServer | undefined;
afterAll(() => server?.stop());

/** Local addresses (hex, as the kernel prints them) of the sockets listening on `port`. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // Column 1 is local_address ADDR:PORT, column 3 the state; 0A is LISTEN.
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}

test('the Web UI listens on 127.0.0.1 only', async () => {
  const cli = await findTemporalCli(process.env.ATELIER_TOOLS_DIR ?? '.tools', () => undefined);
  const [port, uiPort] = [await freePort(), await freePort()];
  server = await startTemporalDevServer({ cli, port, uiPort, namespace: 'default', echo: null });
  await waitFor('the Temporal UI to listen', async () => listeners(uiPort).length > 0, { timeoutMs: 30_000 });
  // 0100007F is 127.0.0.1 in /proc's little-endian hex; 00000000 would be 0.0.0.0.
  expect(listeners(uiPort)).toEqual(['0100007F']);
  expect(server.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
});
