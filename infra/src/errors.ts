/**
 * Thrown when the stack cannot start or run for a reason the user can act on. The launcher prints
 * `message` and `hint` (what to do) and exits 1 without a stack trace.
 */
export class StackError extends Error {
  override readonly name: string = 'StackError';
  constructor(
    message: string,
    /** What the user can do about it; printed under the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Thrown when a port the stack wants to bind is already taken. */
export class PortInUseError extends StackError {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly service: string,
    envHint: string,
  ) {
    super(
      `Port ${port} (${service}) is already in use.`,
      `Stop what holds it (\`ss -ltnp 'sport = :${port}'\` shows it), or set ${envHint}.`,
    );
  }
}

/** Thrown when a managed child exits before it was ready, or crashes while the stack runs. */
export class ChildExitedError extends StackError {
  override readonly name = 'ChildExitedError';
  constructor(
    readonly child: string,
    readonly code: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly lastLines: string[],
    logFile?: string,
  ) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    const tail = lastLines.length ? `\nLast output:\n  ${lastLines.join('\n  ')}` : '';
    super(`${child} ${how}.${tail}`, logFile ? `Full log: ${logFile}` : undefined);
  }
}

/** Thrown when a tool the stack needs (temporal, redis-server, python3) is missing and cannot be installed. */
export class ToolMissingError extends StackError {
  override readonly name = 'ToolMissingError';
}

/** Formats any error for the terminal: StackErrors without a stack trace, others with their message. */
export function describeError(err: unknown): string {
  if (err instanceof StackError) return err.hint ? `${err.message}\n${err.hint}` : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
