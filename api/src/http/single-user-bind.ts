/**
 * Until the first account exists, every visitor is the built-in local user (single-user mode). That is only
 * safe when nobody but this machine can reach the API: a loopback bind, and no public URL in front of it.
 */
import { isLoopbackName } from './host-guard';

/** Where the API listens and is published. */
export interface Exposure {
  /** HOST: the interface the API binds. */
  host: string;
  /** ATELIER_PUBLIC_URL, when a proxy publishes the API under another name. */
  publicUrl?: string;
}

/** Thrown when the API would start in single-user mode where other machines can reach it. */
export class SingleUserExposedError extends Error {
  override readonly name = 'SingleUserExposedError';
  constructor(readonly exposure: Exposure) {
    super(
      [
        `Refusing to start: no account exists yet, and ${exposure.publicUrl && isLoopbackBind(exposure.host) ? `ATELIER_PUBLIC_URL (${exposure.publicUrl}) publishes the API` : `HOST=${exposure.host} lets other machines reach the API`}.`,
        'Without an account the API runs in single-user mode, where every visitor is the local user. Create the',
        'first (admin) account from the command line, with the same DATABASE_URL, then start again:',
        '',
        '  npm run create-admin -- --email you@example.com --name "Your Name"          (asks for the password)',
        '  npm run create-admin -- --email you@example.com --password-file ./password   (or reads it from a file)',
        '',
        "With npm start's embedded PostgreSQL, `npm run stack -- postgres` runs it alone and prints its DATABASE_URL.",
        'Or bind to loopback (HOST=127.0.0.1) to use single-user mode on this machine only.',
      ].join('\n'),
    );
  }
}

/** Whether `host` is an interface only this machine reaches (`localhost`, 127.x, ::1). */
export function isLoopbackBind(host: string): boolean {
  return isLoopbackName(host);
}

/** Whether single-user mode may run with this exposure. */
export function singleUserAllowed(exposure: Exposure): boolean {
  if (!isLoopbackBind(exposure.host)) return false;
  return !exposure.publicUrl || isLoopbackName(new URL(exposure.publicUrl).hostname);
}

/** Throws SingleUserExposedError when no account exists and the exposure does not allow single-user mode. */
export async function assertSingleUserSafe(exposure: Exposure, accountsExist: () => Promise<boolean>): Promise<void> {
  if (singleUserAllowed(exposure) || (await accountsExist())) return;
  throw new SingleUserExposedError(exposure);
}
