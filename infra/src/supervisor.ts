/**
 * Keeps one of the app's processes (the worker or the API) running while the stack runs: a crash is
 * logged with its cause and the process is started again after a backoff ({@link decideRestart}); too many
 * crashes in a row and the supervisor gives up, so the launcher can stop the stack with one message.
 */
import os from 'node:os';
import { StackError } from './errors';
import type { ManagedProcess } from './process';
import { DEFAULT_RESTART_POLICY, decideRestart, type RestartPolicy } from './restart-policy';

/** Thrown (resolved, in fact, through {@link SupervisedProcess.gaveUp}) when a process crashed too often to go on. */
export class RestartsExhaustedError extends StackError {
  override readonly name = 'RestartsExhaustedError';
  constructor(
    readonly child: string,
    readonly crashes: number,
    readonly windowMs: number,
    lastCause: string,
    logFile?: string,
  ) {
    super(
      `${child} crashed ${crashes} times within ${windowMs / 1000} s (last: ${lastCause}); giving up and stopping Atelier.`,
      logFile ? `See ${logFile} for why it crashes, fix the cause and run \`npm start\` again.` : undefined,
    );
  }
}

/** Options of {@link superviseProcess}. */
export interface SuperviseOptions {
  /** The process as first started (already running). */
  first: ManagedProcess;
  /** Starts a fresh copy; called after each crash once the backoff has passed. */
  spawn: () => ManagedProcess;
  /** True while the stack is being stopped: an exit then is expected and never restarted. */
  stopping: () => boolean;
  log: (line: string) => void;
  /** Called with each new copy as it starts (the launcher rewrites `stack.json`). */
  onRestart?: (proc: ManagedProcess) => void;
  policy?: RestartPolicy;
}

/** A process under supervision. */
export interface SupervisedProcess {
  /** The copy running now (or the last one, between a crash and its restart). */
  current(): ManagedProcess;
  /** Resolves once the supervisor gives up; never while restarts go on. */
  readonly gaveUp: Promise<RestartsExhaustedError>;
  /** Stops supervising and stops the running copy. */
  stop(): Promise<void>;
}

/** How a child ended, in words: `was killed by SIGKILL`, `exited with code 1`. */
export function describeExit(status: { code: number | null; signal: NodeJS.Signals | null }): string {
  if (status.signal) return `was killed by ${status.signal}`;
  // tsx (the group leader) exits with 128 + n when its node child died of signal n.
  const signal =
    status.code !== null && status.code > 128
      ? Object.entries(os.constants.signals).find(([, n]) => n === status.code! - 128)?.[0]
      : undefined;
  return signal ? `exited with code ${status.code} (killed by ${signal})` : `exited with code ${status.code}`;
}

/** Watches `first` and restarts it (through `spawn`) whenever it exits while the stack is not stopping. */
export function superviseProcess(opts: SuperviseOptions): SupervisedProcess {
  const policy = opts.policy ?? DEFAULT_RESTART_POLICY;
  let proc = opts.first;
  let crashes: number[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let giveUp!: (err: RestartsExhaustedError) => void;
  const gaveUp = new Promise<RestartsExhaustedError>((resolve) => (giveUp = resolve));
  const over = () => stopped || opts.stopping();

  const watch = (watched: ManagedProcess) => {
    void watched.exited.then(async (status) => {
      if (over()) return;
      const cause = describeExit(status);
      // The group leader (tsx) may leave its node child behind: clear the group before a new copy binds the same ports.
      await watched.stop(5_000);
      if (over()) return;
      const { decision, crashes: recent } = decideRestart(crashes, Date.now(), policy);
      crashes = recent;
      const lastLine = watched.lastLines(1)[0];
      const said = lastLine ? ` Last output: ${lastLine}` : '';
      if (decision.action === 'give-up') {
        opts.log(`${watched.name} ${cause} (crash ${decision.crashes} within ${policy.windowMs / 1000} s).${said}`);
        giveUp(new RestartsExhaustedError(watched.name, decision.crashes, policy.windowMs, cause, watched.logFile));
        return;
      }
      const log = watched.logFile ? ` Log: ${watched.logFile}` : '';
      opts.log(
        `${watched.name} ${cause} (crash ${decision.crashes} of ${policy.maxCrashes} allowed within ${policy.windowMs / 1000} s); ` +
          `restarting it in ${(decision.delayMs / 1000).toFixed(1)} s (attempt ${decision.crashes}).${said}${log}`,
      );
      timer = setTimeout(() => {
        timer = undefined;
        if (over()) return;
        proc = opts.spawn();
        const fresh = proc;
        opts.log(`${fresh.name} restarted (pid ${fresh.pid}, attempt ${decision.crashes}).`);
        opts.onRestart?.(fresh);
        watch(fresh);
        // Only for the log: an exit before 'ready' is a crash, handled by watch().
        fresh.waitForMessage('ready').then(
          () => opts.log(`${fresh.name} is ready again.`),
          () => undefined,
        );
      }, decision.delayMs);
    });
  };
  watch(proc);

  return {
    current: () => proc,
    gaveUp,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await proc.stop();
    },
  };
}
