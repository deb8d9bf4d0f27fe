/** GST arithmetic (exact paise), financial years in IST, places of supply. Expected values are worked by hand in the comments. */
import { BILLING_PLANS } from '../../contracts/billing';
import { ErrorCode } from '../../contracts/errors';
import { BillingError } from './billing.errors';
import { financialYearOf, formatIstDate, gstBreakdown, gstSplit, placeOfSupply, taxKindOf, type TaxKind } from './gst';
import { GST_STATES } from './gst-states';

const KA = { country: 'IN', stateCode: '29' };
const MH = { country: 'IN', stateCode: '27' };
const US = { country: 'US' };

describe('gstBreakdown', () => {
  it('splits ₹1,499.00 within Karnataka into taxable 127034 + CGST 11433 + SGST 11433', () => {
    // 149900 × 100 / 118 = 127033.9 → 127034 (127034 × 1.18 = 149900.12); tax 22866, halves 11433 + 11433.
    expect(gstBreakdown(149_900, '29', KA)).toEqual({ taxKind: 'intra', taxableValue: 127_034, cgst: 11_433, sgst: 11_433, igst: 0, total: 149_900 });
  });

  it('charges IGST on the whole tax between states', () => {
    expect(gstBreakdown(149_900, '29', MH)).toEqual({ taxKind: 'inter', taxableValue: 127_034, cgst: 0, sgst: 0, igst: 22_866, total: 149_900 });
  });

  it('zero-rates an export: the whole total is taxable value', () => {
    expect(gstBreakdown(1_900, '29', US)).toEqual({ taxKind: 'export', taxableValue: 1_900, cgst: 0, sgst: 0, igst: 0, total: 1_900 });
  });

  it('treats a customer in India without a state code as supplied in the supplier’s state', () => {
    expect(taxKindOf('29', { country: 'IN', stateCode: null })).toBe('intra');
    expect(gstBreakdown(149_900, '27', { country: 'IN' }).taxKind).toBe('intra');
    expect(taxKindOf('27', KA)).toBe('inter');
  });

  it.each([
    // total, taxable, cgst, sgst — worked by hand:
    [0, 0, 0, 0],
    [1, 1, 0, 0], // 100/118 = 0.85 → 1: a paisa carries no tax
    [7, 6, 0, 1], // 700/118 = 5.93 → 6; tax 1: CGST takes the floor (0), SGST the rest (1)
    [59, 50, 4, 5], // 5900/118 = 50 exactly; tax 9 → 4 + 5
    [118, 100, 9, 9],
    [399_900, 338_898, 30_501, 30_501], // 338898 × 118 = 39989964, 36 short of 39990000 (< 59): down; tax 61002
    [1_499_000, 1_270_339, 114_330, 114_331], // 1270339 × 118 = 149900002, 2 over: 1270338.98 → up; tax 228661 (odd)
    [1_999_900, 1_694_831, 152_534, 152_535], // 1694830 × 118 = 199989940, 60 short (≥ 59, .508): up; tax 305069
  ])('intra-state %i paise → taxable %i, CGST %i, SGST %i', (total, taxableValue, cgst, sgst) => {
    expect(gstBreakdown(total, '29', KA)).toEqual({ taxKind: 'intra', taxableValue, cgst, sgst, igst: 0, total });
    expect(gstBreakdown(total, '29', MH)).toEqual({ taxKind: 'inter', taxableValue, cgst: 0, sgst: 0, igst: cgst + sgst, total });
  });

  it('adds up exactly and rounds half up for every total from 1 to 20000 paise and every plan price', () => {
    const totals = [...Array.from({ length: 20_000 }, (_, i) => i + 1), ...BILLING_PLANS.flatMap((p) => [p.prices.INR, p.prices.USD]), 2 ** 31 - 1];
    const wrong: string[] = [];
    for (const total of totals) {
      for (const kind of ['intra', 'inter', 'export'] as TaxKind[]) {
        const b = gstSplit(total, kind);
        const bad = (why: string) => wrong.push(`${kind} ${total}: ${why} ${JSON.stringify(b)}`);
        if (b.taxableValue + b.cgst + b.sgst + b.igst !== total) bad('does not add up');
        if (Math.min(b.taxableValue, b.cgst, b.sgst, b.igst) < 0) bad('negative part');
        if (kind === 'export') {
          if (b.taxableValue !== total) bad('export not all taxable');
          continue;
        }
        // Half up, in exact integers: taxable × 118 lies within 59 of total × 100 (never exactly 59 off:
        // 100 t ≡ 59 (mod 118) has no solution, 59 being odd).
        const diff = b.taxableValue * 118 - total * 100;
        if (diff <= -59 || diff > 59) bad(`not rounded to nearest (off by ${diff}/118)`);
        if (kind === 'intra' && (b.sgst - b.cgst !== (total - b.taxableValue) % 2 || b.igst !== 0)) bad('halves wrong');
        if (kind === 'inter' && (b.cgst || b.sgst || b.igst !== total - b.taxableValue)) bad('IGST wrong');
      }
    }
    expect(totals.length).toBeGreaterThan(20_000);
    expect(wrong).toEqual([]);
  });

  it('refuses a total that is not a whole number of minor units', () => {
    expect(() => gstSplit(149.9, 'intra')).toThrow(RangeError);
    expect(() => gstSplit(-1, 'inter')).toThrow(RangeError);
  });
});

describe('financialYearOf (April–March, IST)', () => {
  it.each([
    ['2027-03-31T18:29:59.999Z', '26-27'], // 31 Mar 2027 23:59:59.999 IST
    ['2027-03-31T18:30:00.000Z', '27-28'], // 1 Apr 2027 00:00 IST, still 31 March in UTC
    ['2027-03-31T20:00:00.000Z', '27-28'],
    ['2026-04-01T00:00:00+05:30', '26-27'],
    ['2026-03-31T23:59:59+05:30', '25-26'],
    ['2026-12-31T23:00:00Z', '26-27'],
    ['2099-06-01T00:00:00Z', '99-00'],
  ])('%s → %s', (iso, fy) => {
    expect(financialYearOf(new Date(iso))).toBe(fy);
  });

  it('prints dates in IST', () => {
    expect(formatIstDate(new Date('2027-03-31T20:00:00Z'))).toBe('1 Apr 2027');
    expect(formatIstDate(new Date('2027-03-31T18:29:00Z'))).toBe('31 Mar 2027');
  });
});

describe('placeOfSupply', () => {
  it('names the customer’s state, the supplier’s when none is given, and Other Countries for exports', () => {
    expect(placeOfSupply(KA)).toBe('29-Karnataka');
    expect(placeOfSupply(MH, '29')).toBe('27-Maharashtra');
    expect(placeOfSupply({ country: 'IN', stateCode: null }, '29')).toBe('29-Karnataka');
    expect(placeOfSupply({ country: 'IN', stateCode: '97' }, '29')).toBe('97-Other Territory');
    expect(placeOfSupply(US, '29')).toBe('96-Other Countries');
  });

  it('refuses a state code GST does not know with PAYMENT_DETAILS_INVALID', () => {
    const error = (() => {
      try {
        placeOfSupply({ country: 'IN', stateCode: '99' }, '29');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(BillingError);
    expect((error as BillingError).code).toBe(ErrorCode.PAYMENT_DETAILS_INVALID);
  });

  it('knows every state code 01–38 and 97 Other Territory', () => {
    const codes = Object.keys(GST_STATES).sort();
    expect(codes).toEqual([...Array.from({ length: 38 }, (_, i) => String(i + 1).padStart(2, '0')), '97']);
    expect(GST_STATES['36']).toBe('Telangana');
    expect(GST_STATES['38']).toBe('Ladakh');
  });
});
