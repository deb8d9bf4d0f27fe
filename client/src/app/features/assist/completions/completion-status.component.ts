import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { AssistAvailability } from '../services/assist-actions-api.service';
import type { CompletionRefusal } from './inline-completions';
import { CompletionSettings } from './completion-settings';

/** The status line's "Completions: on (model)" / "off — why"; a click turns them on or off. */
@Component({
  selector: 'app-completion-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = state();
    <button
      type="button"
      class="completion-status"
      data-testid="completion-status"
      [attr.data-state]="s.state"
      [attr.aria-pressed]="s.state === 'on'"
      [disabled]="s.state === 'unavailable'"
      [title]="s.title"
      (click)="settings.toggle()"
    >
      {{ s.label }}
    </button>
  `,
  styles: `
    .completion-status {
      min-width: 0;
      max-width: 260px;
      padding: 2px 8px;
      border: 1px solid var(--border);
      border-radius: 999px;
      background: none;
      color: var(--text-soft);
      font: inherit;
      font-size: 12px;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      cursor: pointer;
    }
    .completion-status[data-state='on'] {
      color: var(--success);
      border-color: color-mix(in srgb, var(--success) 35%, transparent);
    }
    .completion-status[data-state='refused'] {
      color: var(--progress);
    }
    .completion-status:disabled {
      cursor: default;
      color: var(--muted);
    }
  `,
})
export class CompletionStatusComponent {
  /** `assistCapabilities.completions`; null while unknown. */
  readonly availability = input<AssistAvailability | null>(null);
  /** The last refusal of the route (rate limit, budget …), or null. */
  readonly refusal = input<CompletionRefusal | null>(null);

  protected readonly settings = inject(CompletionSettings);

  protected readonly state = computed(() => {
    const availability = this.availability();
    if (!availability)
      return { state: 'unavailable', label: 'Completions: …', title: 'Checking for a model…' };
    if (!availability.available) {
      const why = availability.reason ?? 'no model can serve them';
      return { state: 'unavailable', label: `Completions: off — ${why}`, title: why };
    }
    const model = shortModel(availability.model);
    if (!this.settings.enabled()) {
      return {
        state: 'off',
        label: 'Completions: off',
        title: 'Turned off by you: click to turn them on',
      };
    }
    const refusal = this.refusal();
    if (refusal) {
      return {
        state: 'refused',
        label: `Completions: paused — ${refusal.message || refusal.code}`,
        title: refusal.message,
      };
    }
    const local = availability.local ? ' (a small local model: expect rough suggestions)' : '';
    return {
      state: 'on',
      label: `Completions: on (${model})`,
      title: `${availability.model}${local}. Click to turn off.`,
    };
  });
}

/** `local/SmolLM2-135M-Instruct.Q4_1.gguf` → `SmolLM2-135M-Instruct`. */
function shortModel(model: string | null): string {
  if (!model) return 'a model';
  const name = model.slice(model.indexOf('/') + 1);
  return name.replace(/\.gguf$/i, '').replace(/\.(Q\d\w*|F16|F32)$/i, '');
}
