/**
 * An invoice or credit note as an A4 PDF (pdf-lib, standard Helvetica). The standard fonts encode WinAnsi only,
 * so the rupee sign is written `Rs.` and any character outside WinAnsi in a customer's details prints as `?`.
 */
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BillingCurrency } from '../../contracts/billing';
import type { Invoice } from './billing.entities';
import { EXPORT_LUT_NOTE, formatIstDate } from './gst';
import { gstStateName } from './gst-states';

export { invoiceSettingsFromConfig } from './invoices';

const ONES = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];

function below1000(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? ONES[rest] : TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${ONES[rest % 10]}` : '');
  if (!hundreds) return tail;
  return `${ONES[hundreds]} Hundred${rest ? ` ${tail}` : ''}`;
}

/** A whole number in words by scales (largest first), e.g. Indian crore/lakh/thousand or western billion/million/thousand. */
function inWords(n: number, scales: ReadonlyArray<readonly [number, string]>): string {
  if (n === 0) return ONES[0];
  const parts: string[] = [];
  let rest = n;
  for (const [size, name] of scales) {
    const count = Math.floor(rest / size);
    if (count) parts.push(`${inWords(count, scales)} ${name}`);
    rest %= size;
  }
  if (rest) parts.push(below1000(rest));
  return parts.join(' ');
}

const INDIAN = [[10_000_000, 'Crore'], [100_000, 'Lakh'], [1_000, 'Thousand']] as const;
const WESTERN = [[1_000_000_000, 'Billion'], [1_000_000, 'Million'], [1_000, 'Thousand']] as const;

/** `Rupees One Thousand Four Hundred Ninety-Nine and Ninety Paise Only` (Indian numbering); `US Dollars Nineteen and Fifty Cents Only`. */
export function amountInWords(minor: number, currency: BillingCurrency): string {
  const major = Math.floor(minor / 100);
  const cents = minor % 100;
  if (currency === 'INR') return `Rupees ${inWords(major, INDIAN)}${cents ? ` and ${below1000(cents)} ${cents === 1 ? 'Paisa' : 'Paise'}` : ''} Only`;
  return `US Dollars ${inWords(major, WESTERN)}${cents ? ` and ${below1000(cents)} ${cents === 1 ? 'Cent' : 'Cents'}` : ''} Only`;
}

/** `₹1,49,900.00` (Indian grouping) or `$1,900.00`; `pdf` style writes `Rs. ` and `USD ` (the standard fonts lack ₹). */
export function formatMoney(minor: number, currency: BillingCurrency, style: 'symbol' | 'pdf' = 'symbol'): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const digits = String(Math.floor(abs / 100));
  const grouped =
    currency === 'INR' && digits.length > 3
      ? `${digits.slice(0, -3).replace(/\B(?=(\d{2})+$)/g, ',')},${digits.slice(-3)}`
      : digits.replace(/\B(?=(\d{3})+$)/g, ',');
  const amount = `${grouped}.${String(abs % 100).padStart(2, '0')}`;
  const symbol = style === 'pdf' ? (currency === 'INR' ? 'Rs. ' : 'USD ') : currency === 'INR' ? '₹' : '$';
  return `${sign}${symbol}${amount}`;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const GREY = rgb(0.4, 0.4, 0.4);

/** Writes lines top-down, wrapping at the column's width. */
class Writer {
  y = A4[1] - MARGIN;
  constructor(
    private readonly page: PDFPage,
    private readonly font: PDFFont,
    readonly bold: PDFFont,
  ) {}

  text(value: string, opts: { x?: number; width?: number; size?: number; bold?: boolean; right?: boolean; grey?: boolean } = {}): void {
    const font = opts.bold ? this.bold : this.font;
    const size = opts.size ?? 10;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? A4[0] - MARGIN - x;
    for (const line of wrap(encodable(value, font), font, size, width)) {
      const w = font.widthOfTextAtSize(line, size);
      this.page.drawText(line, { x: opts.right ? x + width - w : x, y: this.y - size, size, font, color: opts.grey ? GREY : rgb(0, 0, 0) });
      this.y -= size * 1.35;
    }
  }

  gap(points = 8): void {
    this.y -= points;
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: A4[0] - MARGIN, y: this.y }, thickness: 0.5, color: GREY });
    this.gap(6);
  }

  /** A label on the left of the totals column and its amount right-aligned, on one line. */
  row(label: string, amount: string, bold = false): void {
    const top = this.y;
    this.text(label, { x: 300, width: 150, bold });
    this.y = top;
    this.text(amount, { x: 450, width: A4[0] - MARGIN - 450, bold, right: true });
  }
}

function encodable(value: string, font: PDFFont): string {
  const allowed = new Set(font.getCharacterSet());
  return [...value.replace(/\s+/g, ' ').trim()].map((c) => (allowed.has(c.codePointAt(0)!) ? c : '?')).join('');
}

function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return [...lines, line];
}

/** The invoice (or credit note) as a one-page A4 PDF. */
export async function renderInvoicePdf(invoice: Invoice): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const credit = invoice.kind === 'credit_note';
  doc.setTitle(`${credit ? 'Credit Note' : 'Tax Invoice'} ${invoice.number}`);
  doc.setAuthor(invoice.supplier.name);
  doc.setCreationDate(invoice.issuedAt);
  const page = doc.addPage(A4);
  const w = new Writer(page, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  header(w, invoice, credit);
  parties(w, invoice);
  lines(w, invoice);
  totals(w, invoice);
  w.gap(16);
  w.text('This is a computer-generated document and needs no signature.', { size: 8, grey: true });
  return doc.save({ useObjectStreams: false });
}

function header(w: Writer, invoice: Invoice, credit: boolean): void {
  const top = w.y;
  w.text(credit ? 'Credit Note' : 'Tax Invoice', { size: 20, bold: true });
  const after = w.y;
  w.y = top;
  w.text(`${credit ? 'Credit note' : 'Invoice'} no. ${invoice.number}`, { x: 300, width: 245, bold: true, right: true });
  w.text(`Date ${formatIstDate(invoice.issuedAt)}`, { x: 300, width: 245, right: true });
  w.y = Math.min(w.y, after);
  w.gap(12);
}

function parties(w: Writer, invoice: Invoice): void {
  const { supplier } = invoice;
  w.text(supplier.name, { bold: true, size: 11 });
  w.text(supplier.address);
  w.text(`GSTIN ${supplier.gstin}`);
  w.text(`State ${supplier.stateCode}-${gstStateName(supplier.stateCode) ?? ''}`);
  w.gap(12);
  w.text('Bill to', { grey: true, size: 9 });
  w.text(invoice.customerName, { bold: true, size: 11 });
  if (invoice.customerGstin) w.text(`GSTIN ${invoice.customerGstin}`);
  if (invoice.customerAddress) w.text(invoice.customerAddress);
  w.text(`Country ${invoice.customerCountry}`);
  w.gap(8);
  w.text(`Place of supply: ${invoice.placeOfSupply}`);
  w.text('Tax payable on reverse charge: No');
  if (invoice.kind === 'credit_note' && invoice.originalInvoiceId) w.text(`Against original invoice ${originalNumber(invoice)}`, { bold: true });
  w.gap(12);
}

/** A credit note's description starts with the original invoice's number (invoices.ts writes it so). */
function originalNumber(invoice: Invoice): string {
  return /^Refund against (\S+):/.exec(invoice.description)?.[1] ?? invoice.originalInvoiceId ?? '';
}

function lines(w: Writer, invoice: Invoice): void {
  w.rule();
  const head = w.y;
  w.text('Description', { bold: true, width: 330 });
  w.y = head;
  w.text('SAC', { x: 390, width: 60, bold: true });
  w.y = head;
  w.text('Taxable value', { x: 450, bold: true, right: true });
  w.rule();
  const row = w.y;
  w.text(invoice.description, { width: 330 });
  const after = w.y;
  w.y = row;
  w.text(invoice.sac, { x: 390, width: 60 });
  w.y = row;
  w.text(formatMoney(invoice.taxableValue, invoice.currency, 'pdf'), { x: 450, right: true });
  w.y = Math.min(w.y, after);
  w.rule();
}

function totals(w: Writer, invoice: Invoice): void {
  const money = (minor: number) => formatMoney(minor, invoice.currency, 'pdf');
  w.row('Taxable value', money(invoice.taxableValue));
  if (invoice.taxKind === 'intra') {
    w.row('CGST 9%', money(invoice.cgst));
    w.row('SGST 9%', money(invoice.sgst));
  } else if (invoice.taxKind === 'inter') w.row('IGST 18%', money(invoice.igst));
  else w.row('Zero-rated export (LUT)', money(0));
  w.gap(2);
  w.row(invoice.kind === 'credit_note' ? 'Total credited' : 'Total', money(invoice.total), true);
  w.gap(10);
  w.text(`Amount in words: ${amountInWords(invoice.total, invoice.currency)}`);
  if (invoice.taxKind === 'export') w.text(EXPORT_LUT_NOTE, { bold: true });
}
