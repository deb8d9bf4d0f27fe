/** Errors every sandbox backend throws; activities map them to ApplicationFailure types. */

/** Thrown when an id names no sandbox the backend holds (destroyed, reaped or never created). */
export class SandboxNotFoundError extends Error {
  override readonly name = 'SandboxNotFoundError';
  constructor(readonly sandboxId: string) {
    super(`Sandbox ${sandboxId} does not exist`);
  }
}

/** Thrown when a file path would leave the workspace (absolute outside it, `..`, a NUL byte). */
export class SandboxPathError extends Error {
  override readonly name = 'SandboxPathError';
  constructor(readonly path: string) {
    super(`Path ${JSON.stringify(path)} is outside the sandbox workspace`);
  }
}

/** Thrown when a file operation fails inside the sandbox (missing file, not a directory, disk full). */
export class SandboxFileError extends Error {
  override readonly name = 'SandboxFileError';
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
  }
}

/** Thrown when a backend cannot do what was asked here (a runtime without a toolchain, no API key). */
export class SandboxUnsupportedError extends Error {
  override readonly name = 'SandboxUnsupportedError';
}

/** Thrown when the preview server does not accept connections in time. */
export class SandboxPreviewError extends Error {
  override readonly name = 'SandboxPreviewError';
  constructor(
    readonly sandboxId: string,
    readonly detail: string,
  ) {
    super(`Preview of sandbox ${sandboxId} did not start: ${detail}`);
  }
}
