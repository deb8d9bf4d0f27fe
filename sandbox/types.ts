/**
 * The one sandbox interface every backend implements (local bubblewrap, E2B). Callers hold a
 * `SandboxBackend` built by their composition root and never learn which backend runs the code.
 */

/** Languages a sandbox can run; go and rust only where the host (or template) has their toolchain. */
export type SandboxRuntime = 'node' | 'python' | 'go' | 'rust';

/** Which implementation runs a sandbox; recorded with each row in `sandboxes`. */
export type SandboxBackendName = 'local' | 'e2b';

/** Lifecycle of a sandbox as its backend sees it. */
export type SandboxState = 'running' | 'stopped' | 'destroyed';

/** Resource caps of one sandbox; a backend that cannot enforce one says so in its README. */
export interface SandboxLimits {
  /** Memory of every process in the sandbox together, in MiB. */
  readonly memoryMb: number;
  /** Processes and threads alive at once (stops fork bombs). */
  readonly maxProcesses: number;
  /** CPU share: 1 = one full core. */
  readonly cpus: number;
  /** Size of the writable workspace, in MiB. */
  readonly diskMb: number;
}

export interface CreateSandboxOptions {
  readonly runtime: SandboxRuntime;
  /** Overrides of the backend's default limits. */
  readonly limits?: Partial<SandboxLimits>;
  /** Free-form labels kept by the backend where it can (E2B metadata). */
  readonly metadata?: Readonly<Record<string, string>>;
}

export interface ExecOptions {
  /** Working directory relative to the workspace root. */
  readonly cwd?: string;
  /** Extra environment; the sandbox starts from an empty one. */
  readonly env?: Readonly<Record<string, string>>;
  /** Wall-clock limit; the whole process tree is killed when it passes. */
  readonly timeoutMs?: number;
  /** Bytes kept (and streamed) per stream; the rest is drained and dropped. */
  readonly maxOutputBytes?: number;
  /** Written to the process's stdin, which is then closed. */
  readonly stdin?: string;
  readonly onStdout?: (chunk: string) => void;
  readonly onStderr?: (chunk: string) => void;
  /** Aborting kills the process tree (a cancelled activity passes its signal here). */
  readonly signal?: AbortSignal;
}

export interface ExecResult {
  /** Exit code; 137 style codes when killed (128 + signal). */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  /** True when the wall-clock limit killed the process. */
  readonly timedOut: boolean;
  /** True when either stream passed `maxOutputBytes`. */
  readonly truncated: boolean;
}

export interface FileEntry {
  /** Path relative to the workspace root, `/`-separated. */
  readonly path: string;
  readonly type: 'file' | 'directory' | 'symlink' | 'other';
  readonly size: number;
}

export interface PreviewOptions {
  /** Command that starts the dev server; defaults to the runtime's start script. */
  readonly command?: string;
  /** Port the server listens on inside the sandbox; passed to it as PORT. */
  readonly port?: number;
  /** How long to wait for the port to accept connections. */
  readonly readyTimeoutMs?: number;
  /** Extra environment of the server (a deployed app's env vars and secrets); PORT and HOST are set over it. */
  readonly env?: Readonly<Record<string, string>>;
}

export interface PreviewInfo {
  /** Port inside the sandbox. */
  readonly port: number;
  /**
   * How the host reaches the server: a Unix socket path (local backend) or an https URL (E2B).
   * The API's preview listener (its own origin, one host per sandbox) connects to it; people never see it.
   */
  readonly target: { readonly socketPath: string } | { readonly url: string };
}

export interface SandboxStatus {
  readonly id: string;
  readonly state: SandboxState;
  readonly runtime: SandboxRuntime;
  /** Processes alive in the sandbox right now (local backend; null where unknown). */
  readonly processes: number | null;
  /** Memory in use, in bytes (null where unknown). */
  readonly memoryBytes: number | null;
  readonly preview: PreviewInfo | null;
}

/** Options of the project-level steps (install, test, build). */
export type StepOptions = Pick<ExecOptions, 'timeoutMs' | 'onStdout' | 'onStderr' | 'signal' | 'cwd'>;

/** One running sandbox. Every method may be called again after a crash of the caller (idempotent). */
export interface Sandbox {
  readonly id: string;
  readonly runtime: SandboxRuntime;
  readonly backend: SandboxBackendName;
  /** Runs `command` through `sh -c` in the workspace, without network. */
  exec(command: string, options?: ExecOptions): Promise<ExecResult>;
  writeFile(path: string, content: string | Buffer): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** Entries of one directory (not recursive). */
  listFiles(path?: string): Promise<FileEntry[]>;
  /** Removes a file or a directory tree; a missing path is not an error. */
  deleteFile(path: string): Promise<void>;
  /** Installs the project's dependencies; the only step that may reach a package registry. */
  installDependencies(options?: StepOptions): Promise<ExecResult>;
  runTests(options?: StepOptions): Promise<ExecResult>;
  build(options?: StepOptions): Promise<ExecResult>;
  /** Starts (or returns the already running) dev server in the background. */
  startPreview(options?: PreviewOptions): Promise<PreviewInfo>;
  /** Stops every process in the sandbox but keeps its files (a cancelled workflow calls this). */
  killProcesses(): Promise<void>;
  status(): Promise<SandboxStatus>;
  /** Kills everything and removes the workspace; destroying twice is not an error. */
  destroy(): Promise<void>;
  /** argv of an interactive shell in the sandbox, for a PTY on this host (local backend only). */
  terminalArgv?(): string[];
}

/** A backend: creates sandboxes and reconnects to running ones by id. */
export interface SandboxBackend {
  readonly name: SandboxBackendName;
  /** Runtimes this backend can create here. */
  readonly runtimes: readonly SandboxRuntime[];
  create(options: CreateSandboxOptions): Promise<Sandbox>;
  /** Reattaches to a sandbox created earlier (possibly by another process); throws SandboxNotFoundError. */
  connect(id: string): Promise<Sandbox>;
  /** Ids of every sandbox this backend holds on this host or account (for the orphan sweep). */
  list(): Promise<string[]>;
}
