import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type Invoice, billingDate } from '../models/billing.models';
import { formatMoney } from '../models/money';

const TAX_WORDS: Readonly<Record<string, string>> = {
  intra: 'CGST + SGST',
  inter: 'IGST',
  export: 'Export, zero-rated',
};

/** GST invoices and credit notes, newest first, each with its PDF; a credit note reads as money back. */
@Component({
  selector: 'app-invoices-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="invoices-heading" data-testid="invoices">
      <div class="panel-header"><h2 id="invoices-heading">Invoices</h2></div>
      @if (invoices().length === 0) {
        <p class="empty muted" data-testid="invoices-empty">No invoices yet: one is issued for every payment.</p>
      } @else {
        <div class="scroll">
          <table class="table flat">
            <thead>
              <tr>
                <th>Number</th>
                <th>Date</th>
                <th>Description</th>
                <th class="num">Total</th>
                <th><span class="sr-only">PDF</span></th>
              </tr>
            </thead>
            <tbody>
              @for (inv of invoices(); track inv.id) {
                <tr data-testid="invoice-row" [attr.data-kind]="inv.kind" [attr.data-number]="inv.number">
                  <td>
                    <code data-testid="invoice-number">{{ inv.number }}</code>
                    @if (inv.kind === 'credit_note') {
                      <span class="badge badge-neutral" data-testid="credit-note">Credit note</span>
                    }
                  </td>
                  <td class="nowrap">{{ date(inv.issuedAt) }}</td>
                  <td>
                    {{ inv.description }}
                    <span class="muted tax">{{ taxWords(inv.taxKind) }} · {{ inv.placeOfSupply }}</span>
                  </td>
                  <td class="num nowrap" data-testid="invoice-total">
                    {{ inv.kind === 'credit_note' ? '−' : '' }}{{ money(inv.total, inv.currency) }}
                  </td>
                  <td class="num">
                    <a [href]="inv.pdfUrl" download data-testid="invoice-pdf" [attr.aria-label]="'PDF of ' + inv.number">PDF</a>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </section>
  `,
  styleUrl: '../../../shared/styles/sr-only.css',
  styles: `
    .empty {
      margin: 0;
      padding: 14px;
    }
    .scroll {
      overflow-x: auto;
      /* The card's rounded bottom corners stay visible under the table's square ones. */
      border-radius: 0 0 var(--radius) var(--radius);
      position: relative;
    }
    .table.flat {
      border: 0;
      border-radius: 0;
      min-width: 600px;
    }
    .num {
      text-align: right;
    }
    .nowrap {
      white-space: nowrap;
    }
    .tax {
      display: block;
      font-size: 12px;
    }
    .badge {
      margin-left: 6px;
    }
  `,
})
export class InvoicesTableComponent {
  readonly invoices = input.required<readonly Invoice[]>();
  protected readonly date = billingDate;
  protected readonly money = formatMoney;
  protected taxWords(kind: string): string {
    return TAX_WORDS[kind] ?? kind;
  }
}
