/**
 * The server a static-only project (no start script) runs in its app sandbox: files under one folder, `index.html`
 * for a folder, the root `index.html` for an unknown path without an extension (client-side routes), no listing,
 * nothing outside the folder. Written into the sandbox as a file and run with `node`.
 */
export const STATIC_SERVER_FILE = '.atelier/static-server.cjs';

export const STATIC_SERVER_SOURCE = `'use strict';
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(process.argv[2] || '.');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm', '.map': 'application/json' };
function file(p) { try { const s = fs.statSync(p); return s.isFile() ? p : s.isDirectory() ? file(path.join(p, 'index.html')) : null; } catch { return null; } }
http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') { res.writeHead(405, { allow: 'GET, HEAD' }).end(); return; }
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
  const wanted = path.resolve(root, '.' + rel);
  if (wanted !== root && !wanted.startsWith(root + path.sep)) { res.writeHead(404).end(); return; }
  const found = file(wanted) || (path.extname(wanted) ? null : file(path.join(root, 'index.html')));
  if (!found) { res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\\n'); return; }
  res.writeHead(200, { 'content-type': types[path.extname(found).toLowerCase()] || 'application/octet-stream', 'x-content-type-options': 'nosniff' });
  if (req.method === 'HEAD') { res.end(); return; }
  fs.createReadStream(found).pipe(res);
}).listen(Number(process.env.PORT) || 3000, process.env.HOST || '127.0.0.1');
`;
