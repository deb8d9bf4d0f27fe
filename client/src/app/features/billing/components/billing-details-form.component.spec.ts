import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import type { BillingDetailsInput } from '../../../generated/schema';
import type { BillingResult } from '../models/billing-error';
import type { BillingCustomer } from '../models/billing.models';
import { BillingDetailsFormComponent } from './billing-details-form.component';

describe('BillingDetailsFormComponent', () => {
  let fixture: ComponentFixture<BillingDetailsFormComponent>;
  let root: HTMLElement;
  let sent: BillingDetailsInput[];
  let answer: BillingResult<BillingCustomer>;

  beforeEach(async () => {
    sent = [];
    answer = { ok: true, value: { name: 'Ada Labs', email: 'b@ada.in', gstin: null, country: 'IN', stateCode: '29', address: null } };
    fixture = TestBed.createComponent(BillingDetailsFormComponent);
    fixture.componentRef.setInput('customer', { name: 'Ada', email: 'ada@example.com', gstin: null, country: 'IN', stateCode: '29', address: null });
    fixture.componentRef.setInput('save', (input: BillingDetailsInput) => {
      sent.push(input);
      return Promise.resolve(answer);
    });
    root = fixture.nativeElement;
    await settle(fixture);
  });

  const submit = async () => {
    byTestId(root, 'details-save')[0]!.click();
    await settle(fixture);
  };

  it('shows the state select only for India, and sends no state outside it', async () => {
    expect(byTestId(root, 'details-state')).toHaveLength(1);
    expect((byTestId(root, 'details-state')[0] as HTMLSelectElement).value).toBe('29');
    typeInto(byTestId(root, 'details-country')[0], 'US', 'change');
    await settle(fixture);
    expect(byTestId(root, 'details-state')).toHaveLength(0);
    expect(byTestId(root, 'details-gstin')).toHaveLength(0);
    await submit();
    expect(sent).toEqual([{ name: 'Ada', email: 'ada@example.com', gstin: null, country: 'US', stateCode: null, address: null }]);
    expect(byTestId(root, 'details-saved')).toHaveLength(1);
  });

  it('checks the GSTIN before sending, in capitals, against the state', async () => {
    typeInto(byTestId(root, 'details-gstin')[0], '27abcde1234f1z5');
    await submit();
    expect(sent).toEqual([]);
    expect(byTestId(root, 'details-gstin-error')[0]!.textContent).toContain('state 27');
    typeInto(byTestId(root, 'details-gstin')[0], '29abcde1234f1z5');
    await submit();
    expect(sent[0]!.gstin).toBe('29ABCDE1234F1Z5');
  });

  it("puts the server's refusal on its field", async () => {
    answer = { ok: false, error: { code: 'PAYMENT_DETAILS_INVALID', message: 'x', fieldErrors: { gstin: 'This GSTIN is not registered.' } } };
    typeInto(byTestId(root, 'details-gstin')[0], '29ABCDE1234F1Z5');
    await submit();
    expect(byTestId(root, 'details-gstin-error')[0]!.textContent).toContain('not registered');
    expect(byTestId(root, 'details-saved')).toHaveLength(0);
  });
});
