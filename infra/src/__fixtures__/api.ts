/** Stand-in for api/src/server.ts: answers HTTP with the env it was given, reports ready with its URL. */
import http from 'node:http';

const keys = ['DATABASE_URL', 'REDIS_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'LIVEBLOCKS_BASE_URL', 'LIVEBLOCKS_SECRET_KEY', 'LIVEBLOCKS_PUBLIC_KEY', 'ATELIER_CLIENT_DIST', 'ATELIER_TEMPORAL_UI_URL', 'LOG_LEVEL'];
const server = http.createServer((_req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k]]))));
});
server.listen(Number(process.env.PORT), process.env.HOST, () => {
  process.send?.({ type: 'ready', url: `http://${process.env.HOST}:${process.env.PORT}` });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
