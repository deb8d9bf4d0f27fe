// Byte pipe between a TCP port and a Unix socket, in either direction; no dependencies, because it
// runs inside sandboxes (mounted read-only at /opt/atelier) and, through nsenter, in a sandbox's
// network namespace.
//   node bridge.cjs tcp:127.0.0.1:4873 unix:/run/atelier/registry.sock   (install: npm -> gateway)
//   node bridge.cjs unix:/host/ctl/preview.sock tcp:127.0.0.1:3000       (preview: API -> dev server)
// Prints "ready" once listening.
'use strict';
const net = require('node:net');
const fs = require('node:fs');

function parse(spec) {
  if (spec.startsWith('unix:')) return { path: spec.slice(5) };
  const m = /^tcp:([^:]+):(\d+)$/.exec(spec);
  if (!m) throw new Error(`bad address ${spec}`);
  return { host: m[1], port: Number(m[2]) };
}

const listen = parse(process.argv[2]);
const target = parse(process.argv[3]);
const server = net.createServer((client) => {
  const upstream = net.connect(target);
  client.pipe(upstream);
  upstream.pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});
if (listen.path) {
  try {
    fs.unlinkSync(listen.path);
  } catch {}
}
server.listen(listen, () => {
  if (listen.path) fs.chmodSync(listen.path, 0o600);
  process.stdout.write('ready\n');
});
