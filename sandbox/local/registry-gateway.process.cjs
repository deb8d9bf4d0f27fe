// The registry gateway's own process, started and supervised by registry-gateway.ts. It runs apart from
// the worker so that a flood of connections can exhaust only this process, never the worker's descriptors.
// No dependencies, plain CommonJS: it is started with the bare node binary, whatever loader the worker uses.
//
// argv[2]: JSON { allowedHosts, upstreams, maxConnections, idleTimeoutMs }
// IPC in:  { op: 'open', id, sandboxId, socketPath, lifetimeMs } | { op: 'close', id }
// IPC out: { op: 'opened' | 'closed', id } | { op: 'error', id, message } | { op: 'refused', target }
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');

const config = JSON.parse(process.argv[2]);
/** @type {Map<string, { server: http.Server, sockets: Set<net.Socket>, socketPath: string, timer: NodeJS.Timeout }>} */
const sessions = new Map();
/** Open connections per sandbox, over all of its sessions. */
const perSandbox = new Map();

function send(message) {
  if (process.connected) process.send(message);
}

function refused(target) {
  send({ op: 'refused', target });
}

/** Closes an idle socket; node counts reads and writes on it (a long download is not idle). */
function idle(socket) {
  socket.setTimeout(config.idleTimeoutMs, () => socket.destroy());
}

function upstreamOf(host) {
  const override = config.upstreams[host];
  if (!override) return { host, port: 443 };
  const at = override.lastIndexOf(':');
  return { host: override.slice(0, at), port: Number(override.slice(at + 1)) };
}

function tunnel(track, req, client, head) {
  const target = req.url || '';
  const [host, port] = target.split(':');
  if (!host || port !== '443' || !config.allowedHosts.includes(host.toLowerCase())) {
    refused(`CONNECT ${target}`);
    client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    return;
  }
  idle(client);
  const upstream = net.connect(upstreamOf(host.toLowerCase()), () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  track(upstream);
  idle(upstream);
  const close = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on('error', () => {
    if (!client.destroyed) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    close();
  });
  upstream.on('close', close);
  client.on('error', close);
  client.on('close', close);
}

function open({ id, sandboxId, socketPath, lifetimeMs }) {
  const sockets = new Set();
  const track = (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const server = http.createServer((req, res) => {
    refused(`${req.method} ${req.url}`);
    res.writeHead(403, { connection: 'close' }).end('Only CONNECT to a package registry is allowed\n');
  });
  server.on('connection', (socket) => {
    const count = perSandbox.get(sandboxId) || 0;
    if (count >= config.maxConnections) {
      refused(`connection over the cap of ${config.maxConnections}`);
      socket.destroy();
      return;
    }
    perSandbox.set(sandboxId, count + 1);
    socket.on('close', () => {
      const left = perSandbox.get(sandboxId) - 1;
      if (left > 0) perSandbox.set(sandboxId, left);
      else perSandbox.delete(sandboxId);
    });
    track(socket);
    idle(socket);
  });
  server.on('connect', (req, client, head) => tunnel(track, req, client, head));
  server.on('clientError', (_error, socket) => socket.destroy());
  server.once('error', (error) => {
    close(id);
    send({ op: 'error', id, message: error.message });
  });
  try {
    fs.unlinkSync(socketPath);
  } catch {}
  server.listen(socketPath, () => {
    // Sandboxes run as unprivileged uids; this socket is the one thing of the host they may connect to.
    fs.chmodSync(socketPath, 0o666);
    send({ op: 'opened', id });
  });
  // A backstop: the supervisor closes the session when the install ends; nothing lives past its lifetime.
  const timer = setTimeout(() => close(id), lifetimeMs);
  sessions.set(id, { server, sockets, socketPath, timer });
}

function close(id) {
  const session = sessions.get(id);
  if (!session) return;
  sessions.delete(id);
  clearTimeout(session.timer);
  session.server.close();
  for (const socket of session.sockets) socket.destroy();
  try {
    fs.unlinkSync(session.socketPath);
  } catch {}
}

process.on('message', (message) => {
  if (message.op === 'open') open(message);
  if (message.op === 'close') {
    close(message.id);
    send({ op: 'closed', id: message.id });
  }
});
// The worker is gone (exited, killed): so is every install it ran.
process.on('disconnect', () => {
  for (const id of [...sessions.keys()]) close(id);
  process.exit(0);
});
