/** Stand-in for activities/worker.ts: reports ready over IPC and idles. */
process.send?.({ type: 'ready' });
const timer = setInterval(() => undefined, 1000);
process.on('SIGTERM', () => clearInterval(timer));
