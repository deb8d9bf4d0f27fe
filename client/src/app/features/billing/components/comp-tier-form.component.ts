import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import type { BillingResult } from '../models/billing-error';
import { tierLabel } from '../models/billing.models';

export interface CompRequest {
  readonly subscriberKind: string;
  readonly subscriberId: string;
  readonly tier: string | null;
  readonly until: string | null;
  readonly reason: string;
}
export type CompTier = (request: CompRequest) => Promise<BillingResult<{ comp: { tier: string } | null }>>;

/**
 * A platform admin grants a tier by hand (or revokes one), until a date or until revoked, with the reason the
 * audit log keeps. Picking a subscription in the list fills in whom.
 */
@Component({
  selector: 'app-comp-tier-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="comp-heading" data-testid="comp-form">
      <div class="panel-header">
        <h2 id="comp-heading">Comp a tier</h2>
        <span class="muted">Audited with the reason</span>
      </div>
      <form class="form" novalidate (submit)="submit($event)">
        <div class="field-row">
          <div class="field">
            <label for="comp-kind">Account or team</label>
            <select id="comp-kind" data-testid="comp-kind" (change)="kind.set($any($event.target).value)">
              <option value="user" [selected]="kind() === 'user'">Account (user)</option>
              <option value="team" [selected]="kind() === 'team'">Team</option>
            </select>
          </div>
          <div class="field">
            <label for="comp-id">{{ kind() === 'team' ? 'Team id' : 'User id' }}</label>
            <input id="comp-id" data-testid="comp-id" [value]="subscriberId()" [attr.aria-invalid]="!!errors()['id']"
              (input)="subscriberId.set($any($event.target).value)" placeholder="uuid" />
            @if (errors()['id']) { <p class="field-error">{{ errors()['id'] }}</p> }
          </div>
          <div class="field">
            <label for="comp-tier">Tier</label>
            <select id="comp-tier" data-testid="comp-tier" (change)="tier.set($any($event.target).value)">
              @for (t of tiers; track t) {
                <option [value]="t" [selected]="t === tier()">{{ t === 'revoke' ? 'Revoke the comp' : label(t) }}</option>
              }
            </select>
          </div>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="comp-until">Until <span class="optional">(empty: until revoked)</span></label>
            <input id="comp-until" type="date" data-testid="comp-until" [value]="until()" (input)="until.set($any($event.target).value)"
              [disabled]="tier() === 'revoke'" />
          </div>
        </div>
        <div class="field">
          <label for="comp-reason">Reason</label>
          <textarea id="comp-reason" rows="2" data-testid="comp-reason" [value]="reason()" [attr.aria-invalid]="!!errors()['reason']"
            (input)="reason.set($any($event.target).value)" placeholder="Why, for the audit log (a partner, a refund agreed by mail …)"></textarea>
          @if (errors()['reason']) { <p class="field-error">{{ errors()['reason'] }}</p> }
        </div>
        @if (outcome(); as o) {
          <div [class]="o.ok ? 'callout ok' : 'callout error'" [attr.role]="o.ok ? 'status' : 'alert'" data-testid="comp-outcome">{{ o.text }}</div>
        }
        <div class="form-actions">
          <button type="submit" class="button primary" data-testid="comp-submit" [disabled]="saving()">
            {{ saving() ? 'Saving…' : tier() === 'revoke' ? 'Revoke' : 'Grant ' + label(tier()) }}
          </button>
        </div>
      </form>
    </section>
  `,
  styleUrl: '../../../shared/styles/card-form.css',
  styles: `
    .callout.ok {
      background: var(--success-bg);
      color: var(--success);
    }
  `,
})
export class CompTierFormComponent {
  readonly comp = input.required<CompTier>();
  /** Whom a click in the list picked. */
  readonly target = input<{ kind: string; id: string } | null>(null);
  readonly done = output<void>();

  protected readonly tiers = ['pro', 'team', 'enterprise', 'revoke'];
  protected readonly label = tierLabel;
  protected readonly kind = signal('user');
  protected readonly subscriberId = signal('');
  protected readonly tier = signal('pro');
  protected readonly until = signal('');
  protected readonly reason = signal('');
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly saving = signal(false);
  protected readonly outcome = signal<{ ok: boolean; text: string } | null>(null);

  constructor() {
    effect(() => {
      const t = this.target();
      if (!t) return;
      this.kind.set(t.kind);
      this.subscriberId.set(t.id);
    });
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!this.subscriberId().trim()) errors['id'] = 'Whom to comp: pick a subscription below or paste an id.';
    if (this.reason().trim().length < 3) errors['reason'] = 'Say why: the audit log keeps it.';
    this.errors.set(errors);
    this.outcome.set(null);
    if (Object.keys(errors).length) return;
    this.saving.set(true);
    const revoke = this.tier() === 'revoke';
    const result = await this.comp()({
      subscriberKind: this.kind(),
      subscriberId: this.subscriberId().trim(),
      tier: revoke ? null : this.tier(),
      // The end of the chosen day, in the admin's zone.
      until: !revoke && this.until() ? new Date(`${this.until()}T23:59:59`).toISOString() : null,
      reason: this.reason().trim(),
    });
    this.saving.set(false);
    if (!result.ok) return this.outcome.set({ ok: false, text: result.error.message });
    this.outcome.set({ ok: true, text: result.value.comp ? `Granted ${tierLabel(result.value.comp.tier)}.` : 'Comp revoked.' });
    this.reason.set('');
    this.done.emit();
  }
}
