/** The invoice PDF (parsed back with pdf-lib, its text read from the decoded page content), amounts in words and money formats. */
import { PDFArray, PDFDocument, type PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib';
import { Invoice } from './billing.entities';
import { EXPORT_LUT_NOTE } from './gst';
import { amountInWords, formatMoney, renderInvoicePdf } from './invoice-pdf';

const supplier = { name: 'Atelier Software Pvt Ltd', address: '1 MG Road, Bengaluru 560001', gstin: '29ABCDE1234F1Z5', stateCode: '29' };

function invoice(fields: Partial<Invoice> = {}): Invoice {
  return Object.assign(new Invoice(), {
    kind: 'invoice',
    number: 'ATL/26-27/000123',
    financialYear: '26-27',
    seq: 123,
    subscriberKind: 'user',
    subscriberId: '00000000-0000-4000-8000-000000000001',
    customerId: '00000000-0000-4000-8000-000000000002',
    customerName: 'Asha Rao',
    customerGstin: '27AAPFU0939F1ZV',
    customerAddress: '12 Linking Road, Mumbai',
    customerCountry: 'IN',
    placeOfSupply: '27-Maharashtra',
    supplier,
    sac: '998314',
    description: 'Atelier Pro, monthly',
    currency: 'INR',
    taxKind: 'inter',
    taxableValue: 127_034,
    cgst: 0,
    sgst: 0,
    igst: 22_866,
    total: 149_900,
    issuedAt: new Date('2026-05-04T10:00:00Z'),
    ...fields,
  } satisfies Partial<Invoice>);
}

/** Parses the PDF and returns its one page's text: pdf-lib writes standard-font text as hex strings shown with Tj. */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await PDFDocument.load(bytes);
  const page = doc.getPages()[0];
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref as PDFRef)) : [contents];
  const raw = streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString('latin1')).join('\n');
  const shown = [...raw.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => Buffer.from(m[1], 'hex').toString('latin1'));
  return { pages: doc.getPageCount(), text: shown.join('\n') };
}

describe('renderInvoicePdf', () => {
  it('renders an inter-state tax invoice on one A4 page with every GST field', async () => {
    const { pages, text } = await pdfText(await renderInvoicePdf(invoice()));
    expect(pages).toBe(1);
    for (const expected of [
      'Tax Invoice',
      'ATL/26-27/000123',
      '4 May 2026',
      'Atelier Software Pvt Ltd',
      '1 MG Road, Bengaluru 560001',
      'GSTIN 29ABCDE1234F1Z5',
      'Asha Rao',
      'GSTIN 27AAPFU0939F1ZV',
      'Place of supply: 27-Maharashtra',
      'Tax payable on reverse charge: No',
      'State 29-Karnataka',
      '998314',
      'Atelier Pro, monthly',
      'Rs. 1,270.34',
      'IGST 18%',
      'Rs. 228.66',
      'Rs. 1,499.00',
      'Rupees One Thousand Four Hundred Ninety-Nine Only',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('CGST');
    expect(text).not.toContain(EXPORT_LUT_NOTE);
  });

  it('prints CGST 9% and SGST 9% within the state, and a zero-rated export note for USD', async () => {
    const intra = (await pdfText(await renderInvoicePdf(invoice({ taxKind: 'intra', igst: 0, cgst: 11_433, sgst: 11_433, placeOfSupply: '29-Karnataka' })))).text;
    expect(intra).toContain('CGST 9%');
    expect(intra).toContain('SGST 9%');
    expect(intra).toContain('Rs. 114.33');
    expect(intra).not.toContain('IGST');
    const usd = invoice({ currency: 'USD', customerCountry: 'US', customerGstin: null, taxKind: 'export', placeOfSupply: '96-Other Countries', taxableValue: 1_950, igst: 0, total: 1_950 });
    const exportText = (await pdfText(await renderInvoicePdf(usd))).text;
    expect(exportText).toContain('Zero-rated export (LUT)');
    expect(exportText).toContain(EXPORT_LUT_NOTE);
    expect(exportText).toContain('USD 19.50');
    expect(exportText).toContain('US Dollars Nineteen and Fifty Cents Only');
  });

  it('titles a credit note and names the original invoice', async () => {
    const note = invoice({ kind: 'credit_note', number: 'ATC/26-27/000007', originalInvoiceId: 'x', description: 'Refund against ATL/26-27/000123: Atelier Pro, monthly', total: 74_950, taxableValue: 63_517, igst: 11_433 });
    const { text } = await pdfText(await renderInvoicePdf(note));
    expect(text).toContain('Credit Note');
    expect(text).toContain('ATC/26-27/000007');
    expect(text).toContain('Against original invoice ATL/26-27/000123');
    expect(text).toContain('Rupees Seven Hundred Forty-Nine and Fifty Paise Only');
  });

  it('prints characters the standard fonts cannot encode as ? rather than failing', async () => {
    const { text } = await pdfText(await renderInvoicePdf(invoice({ customerName: 'आशा Rao ₹ 🙂', customerAddress: 'Café, Zürich' })));
    expect(text).toContain('??? Rao ? ?');
    expect(text).toContain('Café, Zürich');
  });
});

describe('amountInWords', () => {
  it.each([
    [149_990, 'INR', 'Rupees One Thousand Four Hundred Ninety-Nine and Ninety Paise Only'],
    [149_900, 'INR', 'Rupees One Thousand Four Hundred Ninety-Nine Only'],
    [1, 'INR', 'Rupees Zero and One Paisa Only'],
    [19_999_000, 'INR', 'Rupees One Lakh Ninety-Nine Thousand Nine Hundred Ninety Only'],
    [2_147_483_647, 'INR', 'Rupees Two Crore Fourteen Lakh Seventy-Four Thousand Eight Hundred Thirty-Six and Forty-Seven Paise Only'],
    [10_000_000_000, 'INR', 'Rupees Ten Crore Only'],
    [1_900, 'USD', 'US Dollars Nineteen Only'],
    [249_001, 'USD', 'US Dollars Two Thousand Four Hundred Ninety and One Cent Only'],
    [123_456_789_00, 'USD', 'US Dollars One Hundred Twenty-Three Million Four Hundred Fifty-Six Thousand Seven Hundred Eighty-Nine Only'],
  ] as const)('%i %s → %s', (minor, currency, words) => {
    expect(amountInWords(minor, currency)).toBe(words);
  });
});

describe('formatMoney', () => {
  it('groups INR the Indian way and USD the western way', () => {
    expect(formatMoney(149_900, 'INR')).toBe('₹1,499.00');
    expect(formatMoney(14_990_000, 'INR')).toBe('₹1,49,900.00');
    expect(formatMoney(1_234_567_890, 'INR')).toBe('₹1,23,45,678.90');
    expect(formatMoney(99_905, 'INR')).toBe('₹999.05');
    expect(formatMoney(5, 'INR', 'pdf')).toBe('Rs. 0.05');
    expect(formatMoney(14_990_000, 'USD')).toBe('$149,900.00');
    expect(formatMoney(190_000, 'USD', 'pdf')).toBe('USD 1,900.00');
    expect(formatMoney(-149_900, 'INR')).toBe('-₹1,499.00');
  });
});
