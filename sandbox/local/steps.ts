import type { SandboxRuntime } from '../types';

/** Port the bridge exposes the registry gateway on inside an install step. */
export const GATEWAY_PORT = 4873;

/** Present in the workspace while an install runs; only an install that exited (either way) removes it. */
export const INSTALL_MARKER = '.atelier-installing';

/**
 * Shell commands of the project steps per runtime. Installs get the registry gateway as their https
 * proxy through bridge.cjs (started first, waited for); everything else runs without any way out.
 */
export const steps: Record<SandboxRuntime, { install: string; test: string; build: string; start: string }> = {
  node: {
    install: `test -f package.json || exit 0; ${withGateway(interruptible('node_modules', 'npm install --no-audit --no-fund --proxy=$PROXY --https-proxy=$PROXY'))}`,
    test: 'npm test',
    build: 'npm run build --if-present',
    start: 'npm start',
  },
  python: {
    install: `test -f requirements.txt || exit 0; ${withGateway(interruptible('.python_packages', 'python3 -m pip install --proxy $PROXY --target .python_packages -r requirements.txt'))}`,
    test: 'PYTHONPATH=.python_packages python3 -m pytest -q',
    build: 'python3 -m compileall -q .',
    start: 'PYTHONPATH=.python_packages python3 main.py',
  },
  go: {
    install: withGateway('HTTPS_PROXY=$PROXY GOFLAGS=-modcacherw go mod download'),
    test: 'go test ./...',
    build: 'go build ./...',
    start: 'go run .',
  },
  rust: {
    install: withGateway('HTTPS_PROXY=$PROXY cargo fetch'),
    test: 'cargo test',
    build: 'cargo build',
    start: 'cargo run',
  },
};

/**
 * An install killed half-way (a worker crash, a timeout, a cancelled run) leaves packages half-extracted, and
 * npm and pip trust what they find on the next run (a package.json without its index.js stays broken). So a
 * marker left behind means the folder is wiped and the install starts clean (from the warm cache).
 */
export function interruptible(folder: string, install: string): string {
  return `(if [ -e ${INSTALL_MARKER} ]; then rm -rf ${folder}; fi; touch ${INSTALL_MARKER}; ${install}; c=$?; rm -f ${INSTALL_MARKER}; exit $c)`;
}

function withGateway(command: string): string {
  return [
    `PROXY=http://127.0.0.1:${GATEWAY_PORT}`,
    `node /opt/atelier/bridge.cjs tcp:127.0.0.1:${GATEWAY_PORT} unix:/run/atelier/registry.sock > /tmp/.bridge &`,
    'BRIDGE=$!',
    'n=0; until [ -s /tmp/.bridge ] || [ $n -ge 500 ]; do sleep 0.01; n=$((n+1)); done',
    `${command}; code=$?`,
    'kill $BRIDGE 2>/dev/null',
    'exit $code',
  ].join('\n');
}

/** Host binaries each runtime needs; a runtime is offered only when its binary exists. */
export const runtimeBinaries: Record<SandboxRuntime, string[]> = {
  node: ['/usr/bin/node', '/usr/local/bin/node'],
  python: ['/usr/bin/python3', '/usr/local/bin/python3'],
  go: ['/usr/bin/go', '/usr/local/bin/go'],
  rust: ['/usr/bin/cargo', '/usr/local/bin/cargo'],
};
