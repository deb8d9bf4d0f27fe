import type { PreviewOrigin } from './preview-origin';

/**
 * What the domain needs of the preview site (the API's preview listener implements it): where previews are
 * served and a link that opens one.
 */
export interface PreviewLinks {
  /** Known once listening (the port may be 0 until then). */
  origin(): PreviewOrigin;
  /** A link that opens the preview for `userId` (a bare URL for anonymous readers of public projects). */
  link(sandboxId: string, userId: string | null, sessionId: string | null): { url: string; expiresAt: Date | null };
}
