import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { FormState } from '../../../shared/form-state';
import { formatMoney, formatTokens } from '../../models/models/model-format';
import {
  TEAM_BUDGET_FIELDS,
  type TeamBudgetValue,
  type TeamModelBudgets,
  type TierModelBudget,
  teamBudgetFormOf,
  toTeamBudgetInput,
  validateTeamBudgets,
} from '../models/team-budgets';
import { TeamSettingsApi } from '../services/team-settings-api.service';

/**
 * A team's model budgets (owners and admins): per run of any of its projects and per calendar month over
 * all of them, each shown beside the owner's tier limit that caps it. A failed save keeps what was typed.
 */
@Component({
  selector: 'app-team-budgets',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-budgets.component.html',
  styles: `
    :host {
      display: block;
    }
    .section-body {
      padding: 14px;
    }
    .section-body > p:first-child {
      margin-top: 0;
    }
    .budget-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
      gap: 12px;
      align-items: start;
      margin: 12px 0 16px;
    }
    .saved {
      align-self: center;
    }
    .field input {
      width: 100%;
    }
    .cap {
      margin: 4px 0 0;
      font-size: 12px;
    }
    .over {
      color: var(--warning, var(--danger));
    }
    .spent {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class TeamBudgetsComponent implements OnInit {
  private readonly api = inject(TeamSettingsApi);
  readonly teamId = input.required<string>();

  protected readonly fields = TEAM_BUDGET_FIELDS;
  protected readonly budgets = signal<Result<TeamModelBudgets> | null>(null);
  protected readonly saved = signal(false);
  protected readonly form = new FormState<TeamBudgetValue>(
    teamBudgetFormOf(null),
    validateTeamBudgets,
  );

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.budgets.set(null);
    const result = await firstValueFrom(this.api.budgets(this.teamId()));
    this.show(result);
  }

  protected async save(): Promise<void> {
    this.saved.set(false);
    if (!this.form.begin()) return;
    const result = await firstValueFrom(
      this.api.setBudgets(this.teamId(), toTeamBudgetInput(this.form.value())),
    );
    this.form.end(result.ok ? undefined : result.error);
    if (!result.ok) return;
    this.show(result);
    this.saved.set(true);
  }

  /** "300,000", "$1.00" or "none" for the tier's limit of a field. */
  protected capText(cap: TierModelBudget, key: keyof TierModelBudget, usd: boolean): string {
    const n = cap[key];
    if (n === null) return 'none';
    return usd ? formatMoney(n, 'USD') : formatTokens(n);
  }

  /** The typed value is above the tier's limit, which therefore applies instead. */
  protected overCap(cap: TierModelBudget, key: keyof TierModelBudget, raw: string): boolean {
    const limit = cap[key];
    const n = Number(raw.trim());
    return limit !== null && raw.trim() !== '' && Number.isFinite(n) && n > limit;
  }

  protected money(n: number): string {
    return formatMoney(n, 'USD');
  }

  protected tokens(n: number): string {
    return formatTokens(n);
  }

  private show(result: Result<TeamModelBudgets>): void {
    this.budgets.set(result);
    if (!result.ok) return;
    this.form.reset();
    for (const [field, text] of Object.entries(teamBudgetFormOf(result.value)))
      this.form.set(field as keyof TeamBudgetValue, text);
  }
}
