/** One signed-in browser or client of the viewer. */
export interface AccountSession {
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly userAgent: string | null;
  readonly ip: string | null;
  /** The session of this browser. */
  readonly current: boolean;
}
