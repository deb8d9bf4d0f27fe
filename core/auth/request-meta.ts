/** Where a request came from, recorded on sessions and audit events. */
export interface RequestMeta {
  ip?: string | null;
  userAgent?: string | null;
}
