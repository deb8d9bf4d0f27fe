/**
 * `GET /billing/invoices/:id.pdf`: an invoice or credit note as a PDF, for a signed-in caller who may read its
 * subscriber's billing (`billing:read`: themselves, a team's owners, platform admins). Anyone else, and an id that
 * names nothing, gets the same 404, so invoice ids cannot be probed. Served whether billing is on or off now:
 * issued invoices are records the customer keeps.
 */
import express, { type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { loadActor } from '../../../../core/access/actor';
import { can } from '../../../../core/access/policy';
import { Invoice } from '../../../../core/billing/billing.entities';
import type { ContextFactory } from '../../context';

export interface InvoicePdfRouteDeps {
  contexts: ContextFactory;
  /** renderInvoicePdf (core/billing/invoice-pdf.ts). */
  render(invoice: Invoice): Promise<Uint8Array>;
  logger: Logger;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `ATL/26-27/000123` → `ATL-26-27-000123.pdf`. */
export function invoiceFileName(number: string): string {
  return `${number.replace(/\//g, '-').replace(/[^A-Za-z0-9-]/g, '')}.pdf`;
}

/** The router to mount at the app's root. */
export function createInvoicePdfRouter(deps: InvoicePdfRouteDeps): express.Router {
  const router = express.Router();
  router.get('/billing/invoices/:id.pdf', (req, res) => void send(deps, req, res));
  return router;
}

async function send(deps: InvoicePdfRouteDeps, req: Request, res: Response): Promise<void> {
  const notFound = () => void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such invoice' } });
  try {
    const ctx = await deps.contexts.forRequest(req, res);
    if (!ctx.viewerId) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in to download invoices' } });
    const id = String(req.params.id);
    if (!UUID.test(id)) return notFound();
    const invoice = await ctx.em.findOne(Invoice, { id });
    if (!invoice) return notFound();
    const actor = await loadActor(ctx.em, ctx.viewerId);
    if (!can(actor, 'billing:read', { kind: 'billing', subscriberKind: invoice.subscriberKind, subscriberId: invoice.subscriberId })) return notFound();
    const pdf = await deps.render(invoice);
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${invoiceFileName(invoice.number)}"`,
        'Cache-Control': 'private, no-store',
      })
      .end(Buffer.from(pdf));
  } catch (error) {
    deps.logger.error({ err: error }, 'invoice PDF failed');
    if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The PDF could not be made; please try again.' } });
  }
}
