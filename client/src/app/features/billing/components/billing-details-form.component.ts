import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';
import type { BillingDetailsInput } from '../../../generated/schema';
import type { BillingResult } from '../models/billing-error';
import type { BillingCustomer } from '../models/billing.models';
import { type DetailsDraft, GST_STATES, countryOptions, detailsErrors } from '../models/billing-details';

export type SaveDetails = (input: BillingDetailsInput) => Promise<BillingResult<BillingCustomer>>;

/**
 * What invoices carry: name, email, GSTIN (businesses in India), address, country (India pays INR with GST,
 * anyone else USD, zero-rated) and, in India, the state that is the place of supply. Checked here first; the
 * server's refusal lands on its field.
 */
@Component({
  selector: 'app-billing-details-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './billing-details-form.component.html',
  styleUrl: '../../../shared/styles/card-form.css',
  styles: `
    .field-row.two {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    @media (max-width: 640px) {
      .field-row.two {
        grid-template-columns: 1fr;
      }
    }
    .saved {
      color: var(--success);
      margin-right: auto;
      align-self: center;
    }
  `,
})
export class BillingDetailsFormComponent {
  readonly customer = input<BillingCustomer | null>(null);
  /** Until details are saved: the account's name and email (the server defaults to them too). */
  readonly fallback = input<{ readonly name: string; readonly email: string } | null>(null);
  readonly save = input.required<SaveDetails>();
  readonly disabled = input(false);

  protected readonly countries = countryOptions();
  protected readonly states = GST_STATES;
  protected readonly draft = signal<DetailsDraft>(blank(null, null));
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly formError = signal<string | null>(null);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    effect(() => this.draft.set(blank(this.customer(), this.fallback())));
  }

  protected set(field: keyof DetailsDraft, value: string): void {
    this.draft.update((d) => ({ ...d, [field]: field === 'gstin' ? value.toUpperCase() : value }));
    this.saved.set(false);
    if (this.errors()[field]) this.errors.update(({ [field]: _, ...rest }) => rest);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const d = this.draft();
    const errors = detailsErrors(d);
    this.errors.set(errors);
    this.formError.set(null);
    if (Object.keys(errors).length) return;
    this.saving.set(true);
    const result = await this.save()({
      name: d.name.trim(),
      email: d.email.trim(),
      gstin: d.gstin.trim() || null,
      country: d.country,
      stateCode: d.country === 'IN' ? d.stateCode : null,
      address: d.address.trim() || null,
    });
    this.saving.set(false);
    if (result.ok) {
      this.saved.set(true);
      return;
    }
    const fields = result.error.fieldErrors;
    if (Object.keys(fields).length) this.errors.set({ ...fields });
    else this.formError.set(result.error.message);
  }
}

function blank(c: BillingCustomer | null, fallback: { name: string; email: string } | null): DetailsDraft {
  return {
    name: c?.name ?? fallback?.name ?? '',
    email: c?.email ?? fallback?.email ?? '',
    gstin: c?.gstin ?? '',
    country: c?.country ?? 'IN',
    stateCode: c?.stateCode ?? '',
    address: c?.address ?? '',
  };
}
