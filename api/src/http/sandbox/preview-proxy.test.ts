/**
 * The proxy towards a URL target (the E2B backend's `https://<port>-<id>.e2b.app`), against local fake
 * targets over real TLS: the request path is a path on the target's host, whatever it looks like.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { createServer as createTlsServer, globalAgent, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proxyPreviewRequest } from './preview-proxy';

let dir: string;
let target: TlsServer;
let other: TlsServer;
let proxy: Server;
const seen: Record<'target' | 'other', Array<{ path: string; host: string | undefined }>> = { target: [], other: [] };

const listen = (server: Server | TlsServer) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preview-proxy-'));
  // A throwaway certificate for 127.0.0.1, trusted by this process's default https agent only.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  globalAgent.options.ca = tls.cert;
  const fake = (name: 'target' | 'other') =>
    createTlsServer(tls, (req, res) => {
      seen[name].push({ path: req.url ?? '', host: req.headers.host });
      res.end(name);
    });
  target = fake('target');
  other = fake('other');
  const targetPort = await listen(target);
  await listen(other);
  proxy = createServer((req, res) => proxyPreviewRequest({ url: `https://127.0.0.1:${targetPort}` }, req, res, req.url ?? '/', { reservedCookies: [], responseHeaders: {} }));
  await listen(proxy);
});
afterAll(async () => {
  for (const server of [proxy, target, other]) await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: (proxy.address() as AddressInfo).port, path }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

test('a path starting with // stays a path on the target host', async () => {
  const otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
  const targetHost = `127.0.0.1:${(target.address() as AddressInfo).port}`;
  expect(await get(`//${otherHost}/x?y=1`)).toBe('target');
  expect(seen.other).toEqual([]);
  expect(seen.target).toEqual([{ path: `//${otherHost}/x?y=1`, host: targetHost }]);
  expect(await get('/plain')).toBe('target');
  expect(seen.target[1]).toEqual({ path: '/plain', host: targetHost });
});
