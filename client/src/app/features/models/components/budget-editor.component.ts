import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  input,
  output,
  signal,
} from '@angular/core';
import {
  type BudgetField,
  type BudgetFormValue,
  type BudgetInput,
  budgetFormOf,
  toBudgetInput,
  validateBudgets,
} from '../models/budget-form';
import { formatMoney, formatTokens, percentOf } from '../models/model-format';
import type { ModelBudget } from '../models/model.models';

const FIELDS: readonly { field: BudgetField; label: string; testid: string }[] = [
  { field: 'runTokenBudget', label: 'Tokens per run', testid: 'budget-run-tokens-input' },
  { field: 'runCostBudgetUsd', label: 'USD per run', testid: 'budget-run-usd-input' },
  { field: 'tokenBudget', label: 'Tokens for the project', testid: 'budget-project-tokens-input' },
  { field: 'costBudgetUsd', label: 'USD for the project', testid: 'budget-project-usd-input' },
];

interface Meter {
  readonly key: string;
  readonly label: string;
  readonly used: string;
  readonly limit: string | null;
  readonly percent: number | null;
}

/**
 * A project's run and lifetime budgets in tokens and US dollars (empty = none), with a meter of each
 * budget's use. Client checks show after a save attempt; the server's field errors show until edited.
 */
@Component({
  selector: 'app-budget-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './budget-editor.component.html',
  styles: `
    .budget-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
      gap: 12px;
      margin-top: 12px;
    }
    .budget-actions {
      grid-column: 1 / -1;
      display: flex;
      justify-content: flex-end;
    }
    .bar {
      height: 6px;
      border-radius: 999px;
      background: var(--neutral-bg);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--accent);
    }
    .over .fill {
      background: var(--danger);
    }
    .meter-head {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      margin-bottom: 4px;
      font-size: 13px;
    }
    .meters {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 8px;
    }
  `,
})
export class BudgetEditorComponent {
  readonly budgets = input.required<readonly ModelBudget[]>();
  /** The tier whose caps apply, to name a cap that is the limit in force. */
  readonly tier = input<string | null>(null);
  /** The server's field errors of the last save, by input field name. */
  readonly serverErrors = input<Readonly<Record<string, string>>>({});
  readonly pending = input(false);
  readonly save = output<BudgetInput>();

  protected readonly fields = FIELDS;
  protected readonly value = signal<BudgetFormValue>(budgetFormOf([]));
  private readonly attempted = signal(false);
  private readonly edited = signal<ReadonlySet<string>>(new Set());
  protected readonly errors = computed(() => {
    const client = this.attempted() ? validateBudgets(this.value()) : {};
    const server = this.serverErrors();
    const out: Partial<Record<BudgetField, string>> = { ...client };
    for (const [field, message] of Object.entries(server))
      if (!this.edited().has(field)) out[field as BudgetField] ??= message;
    return out;
  });
  protected readonly meters = computed(() => this.budgets().flatMap((b) => metersOf(b, this.tier())));
  private readonly limits = computed(() => budgetFormOf(this.budgets()), {
    equal: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });

  constructor() {
    // Saved limits replace what was typed; a refreshed meter with the same limits does not.
    effect(() => {
      this.value.set(this.limits());
      this.attempted.set(false);
      this.edited.set(new Set());
    });
    // A new answer from the server shows its errors afresh.
    effect(() => {
      this.serverErrors();
      this.edited.set(new Set());
    });
  }

  protected set(field: BudgetField, text: string): void {
    this.value.update((v) => ({ ...v, [field]: text }));
    this.edited.update((set) => new Set(set).add(field));
  }

  protected submit(): void {
    this.attempted.set(true);
    if (Object.keys(validateBudgets(this.value())).length) return;
    this.save.emit(toBudgetInput(this.value()));
  }
}

/** Whose limit is in force, when it is not the project's own: "(free tier cap)", "(team budget)". */
function sourceNote(source: string | null | undefined, tier: string | null): string {
  if (source === 'TIER') return tier ? ` (${tier} tier cap)` : ' (tier cap)';
  if (source === 'TEAM') return ' (team budget)';
  if (source === 'USER') return ' (owner’s budget)';
  return '';
}

/** Meters show the limit in force (what a run pauses at), which may be a cap the project did not set. */
function metersOf(budget: ModelBudget, tier: string | null): Meter[] {
  const scope = budget.scope === 'RUN' ? 'Latest run' : 'Project';
  const tokenLimit = budget.effectiveTokenLimit === undefined ? budget.tokenLimit : budget.effectiveTokenLimit;
  const costLimit = budget.effectiveCostUsdLimit === undefined ? budget.costUsdLimit : budget.effectiveCostUsdLimit;
  return [
    {
      key: `${budget.scope}-tokens`,
      label: `${scope} tokens`,
      used: formatTokens(budget.tokensUsed),
      limit: tokenLimit === null ? null : formatTokens(tokenLimit) + sourceNote(budget.tokenLimitSource, tier),
      percent: percentOf(budget.tokensUsed, tokenLimit),
    },
    {
      key: `${budget.scope}-usd`,
      label: `${scope} cost`,
      used: formatMoney(budget.costUsdUsed, 'USD'),
      limit: costLimit === null ? null : formatMoney(costLimit, 'USD') + sourceNote(budget.costUsdLimitSource, tier),
      percent: percentOf(budget.costUsdUsed, costLimit),
    },
  ];
}
