import { computed, signal } from '@angular/core';
import type { UserFacingError } from '../core/user-facing-error';

/** Errors by field name; a field without an entry is valid. */
export type FormErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * A text form's values and errors as signals, kept apart from the calls that submit it. A client
 * error shows once its field was left, or after a submit; a server error shows until its field is edited.
 */
export class FormState<V extends Record<string, string>> {
  readonly value;
  /** A failure that belongs to no field (network, rate limit, a wrong password). */
  readonly formError = signal<string | null>(null);
  readonly pending = signal(false);
  private readonly initial: V;
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<FormErrors<V>>({});
  private readonly clientErrors;
  readonly errors;

  constructor(
    initial: V,
    private readonly validate: (value: V) => FormErrors<V>,
  ) {
    this.initial = { ...initial };
    this.value = signal<V>({ ...initial });
    this.clientErrors = computed(() => this.validate(this.value()));
    this.errors = computed<FormErrors<V>>(() => {
      const shown: FormErrors<V> = {};
      const client = this.clientErrors();
      const server = this.serverErrors();
      for (const field of Object.keys(this.value()) as (keyof V & string)[]) {
        const visible = this.submitted() || this.touched().has(field);
        const message = server[field] ?? (visible ? client[field] : undefined);
        if (message) shown[field] = message;
      }
      return shown;
    });
  }

  set(field: keyof V & string, text: string): void {
    this.value.update((value) => ({ ...value, [field]: text }));
    this.serverErrors.update(({ [field]: _edited, ...rest }) => rest as FormErrors<V>);
  }

  touch(field: keyof V & string): void {
    this.touched.update((fields) => new Set(fields).add(field));
  }

  /** Starts a submission: true (and pending) when nothing is in flight and the values pass the client rules. */
  begin(): boolean {
    this.submitted.set(true);
    if (this.pending() || Object.keys(this.clientErrors()).length > 0) return false;
    this.formError.set(null);
    this.pending.set(true);
    return true;
  }

  /** Ends a submission; a failure lands on its fields, and whatever names no field of this form above them. */
  end(error?: UserFacingError): void {
    this.pending.set(false);
    if (!error) return;
    const fields = Object.keys(this.value());
    const entries = Object.entries(error.fieldErrors);
    const onFields = entries.filter(([field]) => fields.includes(field));
    const elsewhere = entries.filter(([field]) => !fields.includes(field));
    this.serverErrors.set(Object.fromEntries(onFields) as FormErrors<V>);
    this.formError.set(
      elsewhere.length ? elsewhere.map(([, m]) => m).join(' ') : onFields.length ? null : error.message,
    );
  }

  /** Back to the initial values with nothing touched, as after a submission that succeeded. */
  reset(): void {
    this.value.set({ ...this.initial });
    this.touched.set(new Set());
    this.submitted.set(false);
    this.serverErrors.set({});
    this.formError.set(null);
  }
}
