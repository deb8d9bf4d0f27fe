import type { RequestHandler } from 'express';

/**
 * The one inline script the built client has: Angular's critical-CSS loader
 * (`<link … media="print" onload="this.media='all'">`), allowed by its hash alone.
 */
const STYLESHEET_ONLOAD_HASH = "'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='";

/**
 * Where Razorpay Checkout loads from and talks to, when billing is on: `checkout.js`'s origin (Razorpay's, or the
 * wire fake's stand-in in tests) and, for Razorpay's own Checkout, the API origin its payment frame comes from.
 */
export function checkoutSources(razorpay: { readonly checkoutUrl?: string } | null): string[] {
  if (!razorpay) return [];
  const origin = new URL(razorpay.checkoutUrl ?? 'https://checkout.razorpay.com/v1/checkout.js').origin;
  return origin === 'https://checkout.razorpay.com' ? [origin, 'https://api.razorpay.com'] : [origin];
}

/**
 * The app's Content-Security-Policy; `frameSrc` is the preview origin (`http://*.preview.localhost:4001`),
 * `checkout` the Checkout sources (`checkoutSources`), allowed to load a script, be fetched and be framed.
 */
export function appContentSecurityPolicy(frameSrc: string | null, checkout: readonly string[] = []): string {
  const extra = checkout.map((source) => ` ${source}`).join('');
  const frames = [frameSrc, ...checkout].filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-hashes' ${STYLESHEET_ONLOAD_HASH}${extra}`,
    // Angular's component styles and Monaco's decorations are inserted as <style> elements.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${extra}`,
    "worker-src 'self' blob:",
    `frame-src ${frames || "'none'"}`,
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Headers on every answer of the app's origin: a CSP (scripts only from the app, frames only from the
 * preview origin, never framed itself), no MIME sniffing, no full URLs in Referer to other sites, and no
 * cross-origin no-cors reads of the app's responses (a preview's `<script src>` or `<img src>`).
 */
export function securityHeaders(options: { frameSrc: () => string | null; checkout?: () => readonly string[] }): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', appContentSecurityPolicy(options.frameSrc(), options.checkout?.() ?? []));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    next();
  };
}
