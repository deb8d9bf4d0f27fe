#!/usr/bin/env node
/**
 * First thing `npm start`, `npm test` and `npm run bench` run: plain Node with no dependencies, so it
 * works before node_modules exists. It installs what is missing (npm ci, the client build, Chromium
 * for tests), then hands over to the launcher, jest or the bench runner and exits with their code.
 *
 *   node infra/bootstrap.cjs start | test [jest args…] | bench <name> | eval <name> [options]
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const say = (msg) => console.log(`\x1b[1m[atelier]\x1b[0m ${msg}`);

function fail(msg) {
  console.error(`\x1b[1m[atelier]\x1b[0m ${msg}`);
  process.exit(1);
}

function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19) || major === 21) {
    fail(`Node ${process.versions.node} is too old: Atelier needs Node 20.19+ (or 22+). Install a newer Node and retry.`);
  }
}

function run(cmd, args, what) {
  say(what);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`${what} failed (${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}).`);
}

/** npm ci when node_modules is missing or package-lock.json changed since the last install. */
function ensureDependencies() {
  const lock = path.join(root, 'package-lock.json');
  const stamp = path.join(root, 'node_modules', '.atelier-lock-hash');
  const hash = crypto.createHash('sha256').update(fs.readFileSync(lock)).digest('hex');
  const installed = fs.existsSync(path.join(root, 'node_modules', '.bin', 'tsx')) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === hash;
  if (installed) return;
  run('npm', ['ci', '--no-audit', '--no-fund'], 'Installing dependencies (npm ci) …');
  fs.writeFileSync(stamp, hash + '\n');
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** npm run client:build when the built index.html is missing or older than client sources. */
function ensureClientBuilt() {
  const index = path.join(root, 'client', 'dist', 'client', 'browser', 'index.html');
  const src = path.join(root, 'client', 'src');
  if (!fs.existsSync(src)) return;
  const inputs = [newestMtime(src), ...['angular.json', 'package.json', 'tsconfig.app.json'].map((f) => {
    const p = path.join(root, 'client', f);
    return fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0;
  })];
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= Math.max(...inputs)) return;
  run('npm', ['run', 'client:build'], 'Building the web client (npm run client:build) …');
}

let aptUpdated = false;

/**
 * `apt-get install -y <pkg>`, after one `apt-get update` per run: a fresh machine's package lists are empty
 * or stale, and install then fails with "Unable to locate package". Returns whether the install worked;
 * when `required`, a failure ends the bootstrap with a message instead.
 */
function aptInstall(pkg, what, { required }) {
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  const step = (args, msg) => {
    say(msg);
    const r = spawnSync('apt-get', args, { cwd: root, stdio: 'inherit', env: process.env });
    if (r.status === 0) return true;
    if (required) fail(`${msg.replace(/ …$/, '')} failed (apt-get ${args.join(' ')} exited with ${r.status ?? r.signal}).`);
    return false;
  };
  if (!aptUpdated && !step(['update', '-q'], `${what}: apt-get update …`)) return false;
  aptUpdated = true;
  return step(['install', '-y', '-q', pkg], `${what}: apt-get install -y ${pkg} …`);
}

/** Debian's Chromium for the end-to-end tests (playwright-core cannot download a browser here). */
function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium') || process.env.ATELIER_CHROMIUM_PATH) return;
  const isRoot = process.getuid && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    fail('Chromium is missing: the end-to-end tests need /usr/bin/chromium. Install it (Debian: `sudo apt-get install -y chromium`) or set ATELIER_CHROMIUM_PATH.');
  }
  aptInstall('chromium', 'Installing Chromium', { required: true });
}

/**
 * bubblewrap for the local sandbox backend (sandbox/README.md). Optional for `start` (without it the worker
 * and API run with sandboxes off), needed by the sandbox tests and bench; installed like Chromium when root.
 */
function ensureBubblewrap({ required }) {
  if (fs.existsSync('/usr/bin/bwrap')) return;
  const isRoot = process.getuid && process.getuid() === 0;
  const hasApt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    if (required) fail('bubblewrap is missing: the sandbox tests need /usr/bin/bwrap (Debian: `sudo apt-get install -y bubblewrap`).');
    return;
  }
  // `start` goes on without sandboxes when the install fails (the worker logs that they are off).
  aptInstall('bubblewrap', 'Installing bubblewrap for the local sandboxes', { required });
}

/**
 * Runs the real command in its own process group, forwards SIGINT/SIGTERM to it, and exits only once it
 * has exited (npm's scripts `exec` this file, so a signal sent to npm reaches us, and npm waits for us).
 */
function handOver(cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, detached: true });
  const forward = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // Already gone.
    }
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  // `kill <npm pid>` makes npm exit without telling us; a changed parent means the same request.
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    forward('SIGTERM');
  }, 500);
  watch.unref();
  child.on('error', (err) => fail(`Could not run ${cmd}: ${err.message}`));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
}

function main() {
  checkNode();
  const [command, ...rest] = process.argv.slice(2);
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  switch (command) {
    case 'start':
      ensureDependencies();
      ensureClientBuilt();
      ensureBubblewrap({ required: false });
      return handOver(bin('tsx'), ['infra/src/cli.ts', 'start', ...rest]);
    case 'test':
      ensureDependencies();
      ensureClientBuilt();
      ensureChromium();
      ensureBubblewrap({ required: true });
      return handOver(bin('jest'), ['--ci', ...rest]);
    case 'bench':
      if (!rest[0]) fail('Usage: npm run bench -- <name>');
      ensureDependencies();
      if (rest[0] === 'sandbox' || rest[0] === 'deploy') ensureBubblewrap({ required: true });
      if (rest[0] === 'deploy' || rest[0] === 'rooms') ensureChromium();
      return handOver(bin('tsx'), ['bench/run.ts', ...rest]);
    case 'eval':
      if (!rest[0]) fail('Usage: npm run eval -- humaneval [--model id] [--limit n]');
      ensureDependencies();
      // Generated code is checked only in sandboxes, never on the host.
      if (process.env.ATELIER_SANDBOX_BACKEND !== 'e2b') ensureBubblewrap({ required: true });
      return handOver(bin('tsx'), ['bench/evals/run.ts', ...rest]);
    default:
      fail(`Unknown command '${command ?? ''}'. Usage: node infra/bootstrap.cjs start | test [jest args] | bench <name> | eval <name>`);
  }
}

main();
