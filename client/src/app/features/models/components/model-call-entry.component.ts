import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ModelCallView } from '../models/model-calls';
import { formatMoney, formatTokens } from '../models/model-format';
import { modelTextView } from '../models/model-text';

/**
 * One model call in the event log: the role, its text as it streams (latest segment only), then the
 * model, tokens and cost in USD and INR once completed, marked offline when the offline provider answered.
 */
@Component({
  selector: 'app-model-call-entry',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let c = call();
    <div class="model-call-head">
      <span class="strong">{{ c.role || 'model' }}</span>
      @if (c.result; as r) {
        <span class="muted" data-testid="model-call-result">
          {{ r.model }} · {{ tokens(r.totalTokens) }} tokens · {{ money(r.costUsd, 'USD') }} ·
          {{ money(r.costInr, 'INR') }}
        </span>
        @if (r.offline) {
          <span class="badge badge-neutral" data-testid="model-call-offline">offline</span>
        }
        @if (r.fallbackFrom) {
          <span class="muted" data-testid="model-call-fallback"
            >(fell back from {{ r.fallbackFrom }})</span
          >
        }
      } @else {
        <span class="muted" data-testid="model-call-streaming">writing…</span>
      }
    </div>
    @if (c.text) {
      @let view = textView();
      @if (view.summary !== null) {
        <p class="model-summary" data-testid="model-call-summary">{{ view.summary }}</p>
        @if (view.json) {
          <details class="model-json">
            <summary>Show JSON</summary>
            <pre class="model-text" data-testid="model-call-text">{{ view.json }}</pre>
          </details>
        }
      } @else {
        <pre class="model-text" data-testid="model-call-text">{{ c.text }}</pre>
      }
    }
  `,
  styles: `
    .model-call-head {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
      align-items: baseline;
    }
    .model-summary {
      margin: 2px 0 0;
    }
    .model-json summary {
      cursor: pointer;
      color: var(--accent);
      font-size: 12px;
    }
    .model-text {
      margin: 4px 0 0;
      max-height: 240px;
      overflow: auto;
      white-space: pre-wrap;
      word-break: break-word;
      font-size: 12px;
    }
  `,
})
export class ModelCallEntryComponent {
  readonly call = input.required<ModelCallView>();
  /** JSON replies (the plan, a role's result) as one readable line; prose as written. */
  protected readonly textView = computed(() =>
    modelTextView(this.call().text, !this.call().result),
  );
  protected readonly tokens = formatTokens;
  protected readonly money = formatMoney;
}
