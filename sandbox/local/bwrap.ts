import { join } from 'node:path';

/** Where the bridge script is mounted inside every sandbox (read-only). */
export const BRIDGE_IN_SANDBOX = '/opt/atelier/bridge.cjs';
/** Where an install step sees the registry gateway's socket. */
export const GATEWAY_IN_SANDBOX = '/run/atelier/registry.sock';

/** Everything that differs between two launches of bubblewrap. */
export interface LaunchSpec {
  /** Host folder bound read-write at /workspace (the sandbox's tmpfs). */
  readonly workspace: string;
  /** Host folder holding bridge.cjs, bound read-only at /opt/atelier. */
  readonly bridgeDir: string;
  /** Host uid/gid the sandbox runs as (unprivileged, one per sandbox). */
  readonly uid: number;
  readonly maxProcesses: number;
  /** Largest file a process may write, in bytes (RLIMIT_FSIZE). */
  readonly maxFileBytes: number;
  /** Size of the private /tmp, in bytes. */
  readonly tmpBytes: number;
  /** Working directory relative to /workspace. */
  readonly cwd: string;
  /**
   * The caller's variables (a deployed app's secrets among them), over the base ones. They never go into
   * argv, which every user of the host can read (`ps`, /proc/<pid>/cmdline): bubblewrap reads them from
   * `envFd` (`--args`, see `envArgs`). A launch without `envFd` (the terminal) must leave it empty.
   */
  readonly env: Readonly<Record<string, string>>;
  /** Fd bubblewrap reads `envArgs(env)` from (`--args`); the launcher keeps it open. */
  readonly envFd?: number;
  /** The registry gateway socket on the host; only install steps get one. */
  readonly gatewaySocket?: string;
  /** Keep the sandbox alive when the launching process exits (preview servers). */
  readonly outliveParent?: boolean;
  /** Give the command a terminal session of its own (the PTY terminal wants job control). */
  readonly interactive?: boolean;
  /** Fd bubblewrap writes `{"child-pid": N}` to. */
  readonly infoFd?: number;
  /** Fd bubblewrap reads the seccomp program from (the launcher puts it there). */
  readonly seccompFd?: number;
}

/** The fd a launch's env reaches bubblewrap on (3 is the preview's info fd, 4 the seccomp program). */
export const ENV_FD = 5;

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The base environment inside a sandbox (constants, no secrets, so they stay in argv); nothing is inherited from the host. */
const BASE_ENV: Readonly<Record<string, string>> = {
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: '/tmp/home',
  TMPDIR: '/tmp',
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
  npm_config_cache: '/tmp/npm-cache',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
};

/**
 * The caller's env as bubblewrap's `--args` data (NUL-separated `--setenv NAME VALUE` triples), read
 * from a pipe after the base variables, so a caller's value overrides a base one.
 */
export function envArgs(env: Readonly<Record<string, string>>): Buffer {
  const words: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (!ENV_NAME.test(name)) throw new Error(`Invalid environment variable name ${JSON.stringify(name)}`);
    // The value is never echoed: it may be a secret.
    if (value.includes('\0')) throw new Error(`The value of environment variable ${name} contains a NUL byte`);
    words.push('--setenv', name, value);
  }
  return Buffer.from(words.map((word) => `${word}\0`).join(''), 'utf8');
}

/**
 * argv that runs `command` (through `sh -c`) in a fresh sandbox: every namespace unshared (so no
 * network but its own loopback, no view of host processes), an unprivileged uid on the host and 1000
 * inside, no capabilities, a cleared environment, /usr read-only, a private size-capped /tmp, and
 * only the workspace writable. The caller's launcher puts the process into the cgroup first.
 */
export function bwrapArgv(spec: LaunchSpec, command: readonly string[]): string[] {
  if (spec.envFd === undefined && Object.keys(spec.env).length > 0) throw new Error('A launch with env needs an envFd: env values never go into argv');
  const uid = String(spec.uid);
  const argv = [
    'prlimit',
    // The pids cgroup is the limit; RLIMIT_NPROC (per uid, and each sandbox has its own) is a backstop above it.
    `--nproc=${spec.maxProcesses + 32}`,
    `--fsize=${spec.maxFileBytes}`,
    '--core=0',
    '--nofile=4096',
    '--',
    'setpriv',
    `--reuid=${uid}`,
    `--regid=${uid}`,
    '--clear-groups',
    '--inh-caps=-all',
    '--bounding-set=-all',
    '--no-new-privs',
    '--',
    'bwrap',
    '--unshare-all',
    '--unshare-user',
    '--uid',
    '1000',
    '--gid',
    '1000',
    '--cap-drop',
    'ALL',
    '--disable-userns',
    '--hostname',
    'sandbox',
    ...(spec.outliveParent ? [] : ['--die-with-parent']),
    ...(spec.interactive ? [] : ['--new-session']),
    '--clearenv',
    ...Object.entries(BASE_ENV).flatMap(([k, v]) => ['--setenv', k, v]),
    ...(spec.envFd !== undefined ? ['--args', String(spec.envFd)] : []),
    '--ro-bind',
    '/usr',
    '/usr',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
    '--symlink',
    'usr/bin',
    '/bin',
    '--symlink',
    'usr/sbin',
    '/sbin',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    // POSIX shared memory gets the same cap as /tmp; the rest of /dev is remounted read-only below.
    '--size',
    String(spec.tmpBytes),
    '--tmpfs',
    '/dev/shm',
    '--size',
    String(spec.tmpBytes),
    '--tmpfs',
    '/tmp',
    '--dir',
    '/tmp/home',
    '--bind',
    spec.workspace,
    '/workspace',
    '--ro-bind',
    spec.bridgeDir,
    '/opt/atelier',
    ...(spec.gatewaySocket
      ? // The CA bundle lets npm verify the registry through whatever TLS the host's egress presents.
        ['--ro-bind-try', '/etc/ssl/certs', '/etc/ssl/certs', '--ro-bind', spec.gatewaySocket, GATEWAY_IN_SANDBOX]
      : []),
    // bubblewrap's own root and /dev are tmpfs: without this they would be writable, uncapped scratch space.
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    ...(spec.seccompFd !== undefined ? ['--seccomp', String(spec.seccompFd)] : []),
    ...(spec.infoFd !== undefined ? ['--info-fd', String(spec.infoFd)] : []),
    '--chdir',
    join('/workspace', spec.cwd),
    '--',
    ...command,
  ];
  return argv;
}

/** Single-quotes a word for `sh -c`. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
