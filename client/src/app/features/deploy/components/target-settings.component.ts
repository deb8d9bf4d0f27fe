import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DeployTarget } from '../models/deploy.models';
import { providerLabel } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';

/** The options each target takes (the server refuses others); local takes none. */
export const TARGET_OPTIONS: Readonly<Record<string, readonly ('name' | 'private' | 'region')[]>> = {
  local: [],
  vercel: ['name'],
  netlify: ['name'],
  github: ['name', 'private'],
  render: ['name', 'region'],
  railway: ['name', 'region'],
};

interface Options {
  name: string;
  private: boolean;
  region: string;
  allowAgentDeploys: boolean;
}

function optionsOf(t: DeployTarget): Options {
  const s = (t.settings ?? {}) as Record<string, unknown>;
  return {
    name: typeof s['name'] === 'string' ? s['name'] : '',
    private: s['private'] === true,
    region: typeof s['region'] === 'string' ? s['region'] : '',
    allowAgentDeploys: t.allowAgentDeploys,
  };
}

/** One target's settings: its provider-side name, privacy and region where it has them, and agent deploys. */
@Component({
  selector: 'app-target-settings',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = current();
    @let o = options();
    <section class="card target-card" data-testid="target-settings" [attr.data-target]="t.target">
      <div class="panel-header">
        <h3>{{ t.label }}</h3>
        @if (t.target === 'local' || t.ready) {
          <span class="badge badge-success" data-testid="target-ready">Ready</span>
        } @else {
          <span class="badge badge-attention" data-testid="target-missing-token">Token needed</span>
        }
      </div>
      <form class="target-body" novalidate (submit)="$event.preventDefault(); save()">
        @if (t.target === 'local') {
          <p class="muted note">Runs on this server: no account needed.</p>
        } @else if (!t.ready) {
          <p class="muted note">
            Needs a {{ missing() }} token.
            <a [routerLink]="tokensLink()" fragment="deploy-tokens" data-testid="target-token-link">Add it in {{ teamId() ? "the team's" : 'your' }} settings</a>
          </p>
        }
        @if (has('name')) {
          <div class="field">
            <label [for]="t.target + '-name'">Name at {{ t.label }}</label>
            <input [id]="t.target + '-name'" data-testid="target-name" spellcheck="false" placeholder="The project's slug"
              [disabled]="!canConfigure()" [value]="o.name" (input)="patch({ name: $any($event.target).value })" />
          </div>
        }
        @if (has('region')) {
          <div class="field">
            <label [for]="t.target + '-region'">Region <span class="optional">(optional)</span></label>
            <input [id]="t.target + '-region'" data-testid="target-region" spellcheck="false"
              [disabled]="!canConfigure()" [value]="o.region" (input)="patch({ region: $any($event.target).value })" />
          </div>
        }
        @if (has('private')) {
          <label class="checkbox">
            <input type="checkbox" data-testid="target-private" [disabled]="!canConfigure()" [checked]="o.private"
              (change)="patch({ private: $any($event.target).checked })" />
            Private repository
          </label>
        }
        <label class="checkbox">
          <input type="checkbox" data-testid="target-agent-deploys" [disabled]="!canConfigure()" [checked]="o.allowAgentDeploys"
            (change)="patch({ allowAgentDeploys: $any($event.target).checked })" />
          The devops agent may deploy here (an approved plan's deploy task)
        </label>
        @if (error(); as message) {
          <div class="callout error" role="alert" data-testid="target-error">{{ message }}</div>
        }
        @if (canConfigure()) {
          <div class="actions">
            @if (saved()) {
              <span class="hint success" role="status" data-testid="target-saved">Saved.</span>
            }
            <button type="submit" class="button" data-testid="target-save" [disabled]="pending() || !dirty()">
              {{ pending() ? 'Saving…' : 'Save' }}
            </button>
          </div>
        }
      </form>
    </section>
  `,
  styles: `
    .panel-header h3 {
      margin: 0;
      font-size: 15px;
    }
    a.badge:hover {
      text-decoration: none;
    }
    .target-body {
      padding: 12px 16px 14px;
      display: grid;
      gap: 10px;
    }
    .target-body .field {
      margin: 0;
    }
    .checkbox {
      display: flex;
      align-items: flex-start;
      gap: 8px;
      font-size: 14px;
    }
    .checkbox input {
      margin-top: 3px;
    }
    .note {
      margin: 0;
      font-size: 13px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 10px;
    }
    .hint.success {
      color: var(--success);
      margin: 0;
    }
  `,
})
export class TargetSettingsComponent {
  private readonly api = inject(DeployApi);
  readonly projectId = input.required<string>();
  readonly target = input.required<DeployTarget>();
  readonly canConfigure = input(false);
  readonly teamId = input<string | null>(null);

  protected readonly current = linkedSignal(() => this.target());
  protected readonly options = linkedSignal(() => optionsOf(this.current()));
  protected readonly dirty = computed(() => JSON.stringify(this.options()) !== JSON.stringify(optionsOf(this.current())));
  protected readonly pending = signal(false);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly missing = computed(() => this.current().missingTokens.map(providerLabel).join(' and a '));
  protected readonly tokensLink = computed(() => (this.teamId() ? ['/teams', this.teamId()] : ['/account']));

  protected has(option: 'name' | 'private' | 'region'): boolean {
    return (TARGET_OPTIONS[this.current().target] ?? []).includes(option);
  }

  protected patch(change: Partial<Options>): void {
    this.saved.set(false);
    this.options.update((o) => ({ ...o, ...change }));
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    const o = this.options();
    const settings: Record<string, unknown> = {};
    if (this.has('name') && o.name.trim()) settings['name'] = o.name.trim();
    if (this.has('region') && o.region.trim()) settings['region'] = o.region.trim();
    if (this.has('private')) settings['private'] = o.private;
    this.pending.set(true);
    this.error.set(null);
    const result = await this.api.setTargetSettings({
      projectId: this.projectId(),
      target: this.current().target,
      settings,
      allowAgentDeploys: o.allowAgentDeploys,
    });
    this.pending.set(false);
    if (!result.ok) {
      const fields = Object.values(result.error.fieldErrors);
      return this.error.set(fields.length ? fields.join(' ') : result.error.message);
    }
    this.current.set(result.value);
    this.saved.set(true);
  }
}
