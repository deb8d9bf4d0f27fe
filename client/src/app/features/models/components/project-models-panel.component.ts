import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { auditTime, filter, firstValueFrom, forkJoin, switchMap, tap } from 'rxjs';
import type { Result, UserFacingError } from '../../../core/user-facing-error';
import type { BudgetInput } from '../models/budget-form';
import { skippedModels } from '../models/chain-availability';
import { chainSourceLabel } from '../models/model-format';
import type {
  CatalogModel,
  ModelUsage,
  ProjectModelSettings,
  ProjectModelSettingsInput,
} from '../models/model.models';
import { ModelsApi } from '../services/models-api.service';
import { BudgetEditorComponent } from './budget-editor.component';
import { ModelUsageTableComponent } from './model-usage-table.component';
import { RoleChainEditorComponent } from './role-chain-editor.component';
import { EventType } from '@contracts/events';

/** How long to gather a burst of finished calls before reading usage and budgets again. */
export const MODEL_USAGE_REFRESH_MS = new InjectionToken<number>('MODEL_USAGE_REFRESH_MS', {
  providedIn: 'root',
  factory: () => 1000,
});

/** Events after which the project's usage and budgets' use have changed. */
const SPENDING_EVENTS: ReadonlySet<string> = new Set([
  EventType.MODEL_COMPLETED,
  EventType.RUN_COMPLETED,
  EventType.RUN_FAILED,
]);

interface ProjectUsage {
  readonly byRole: Result<ModelUsage>;
  readonly byModel: Result<ModelUsage>;
}

/**
 * The project page's "Models & budget" panel: each role's chain and where it comes from (editable),
 * the run and project budgets with meters, and the project's usage by role and by model.
 */
@Component({
  selector: 'app-project-models-panel',
  imports: [BudgetEditorComponent, ModelUsageTableComponent, RoleChainEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-models-panel.component.html',
  styleUrl: './project-models-panel.component.css',
})
export class ProjectModelsPanelComponent {
  readonly projectId = input.required<string>();
  /** The project's events as the page holds them: finished calls and runs refresh usage and meters. */
  readonly events = input<readonly { readonly type: string }[]>([]);

  private readonly api = inject(ModelsApi);
  protected readonly settings = signal<Result<ProjectModelSettings> | null>(null);
  protected readonly catalog = signal<readonly CatalogModel[]>([]);
  private readonly offline = signal(false);
  protected readonly usage = signal<ProjectUsage | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly pending = signal(false);
  protected readonly chainError = signal<string | null>(null);
  protected readonly budgetErrors = signal<Readonly<Record<string, string>>>({});
  protected readonly formError = signal<UserFacingError | null>(null);
  protected readonly sourceLabel = chainSourceLabel;
  private readonly spending = computed(
    () => this.events().filter((event) => SPENDING_EVENTS.has(event.type)).length,
  );
  private readonly refreshMs = inject(MODEL_USAGE_REFRESH_MS);

  constructor() {
    toObservable(this.projectId)
      .pipe(
        tap(() => this.reset()),
        switchMap((projectId) =>
          forkJoin({
            settings: this.api.projectSettings(projectId),
            catalog: this.api.catalog(),
            byRole: this.api.usage({ projectId, groupBy: ['ROLE'] }),
            byModel: this.api.usage({ projectId, groupBy: ['MODEL'] }),
          }),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ settings, catalog, byRole, byModel }) => {
        this.settings.set(settings);
        // Without the catalog the chains still show; only picking new models needs it.
        this.catalog.set(catalog.ok ? catalog.value.models : []);
        this.offline.set(catalog.ok && catalog.value.mode.offline);
        this.usage.set({ byRole, byModel });
      });

    toObservable(this.spending)
      .pipe(
        filter((count) => count > 0),
        auditTime(this.refreshMs),
        switchMap(() => this.reread(this.projectId())),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  /** Reads usage and budgets again; a failed read keeps what is shown, and an edit in progress stays. */
  private reread(projectId: string) {
    return forkJoin({
      settings: this.api.projectSettings(projectId),
      byRole: this.api.usage({ projectId, groupBy: ['ROLE'] }),
      byModel: this.api.usage({ projectId, groupBy: ['MODEL'] }),
    }).pipe(
      tap(({ settings, byRole, byModel }) => {
        if (projectId !== this.projectId()) return;
        if (settings.ok && this.settings()?.ok) this.settings.set(settings);
        if (byRole.ok && byModel.ok) this.usage.set({ byRole, byModel });
      }),
    );
  }

  /** Which models of a chain a call would skip now; none in offline mode (the banner says why). */
  protected skipped(models: readonly string[]): string | null {
    return this.offline() ? null : skippedModels(models, this.catalog());
  }

  protected edit(role: string): void {
    this.chainError.set(null);
    this.editing.set(role);
  }

  /** Saves one role's chain; an empty chain drops the project's override. */
  protected async saveChain(role: string, models: string[]): Promise<void> {
    this.chainError.set(null);
    const result = await this.submit({ projectId: this.projectId(), roles: [{ role, models }] });
    if (result.ok) this.editing.set(null);
    else
      this.chainError.set(
        result.error.fieldErrors['roles.0.models'] ??
          result.error.fieldErrors['roles.0.role'] ??
          result.error.message,
      );
  }

  protected async saveBudgets(budgets: BudgetInput): Promise<void> {
    this.budgetErrors.set({});
    const result = await this.submit({ projectId: this.projectId(), ...budgets });
    if (!result.ok) this.budgetErrors.set(result.error.fieldErrors);
  }

  private async submit(input: ProjectModelSettingsInput): Promise<Result<ProjectModelSettings>> {
    this.pending.set(true);
    this.formError.set(null);
    const result = await firstValueFrom(this.api.saveProjectSettings(input));
    this.pending.set(false);
    if (result.ok) this.settings.set(result);
    else if (result.error.code !== 'BAD_USER_INPUT') this.formError.set(result.error);
    return result;
  }

  private reset(): void {
    this.settings.set(null);
    this.usage.set(null);
    this.editing.set(null);
    this.chainError.set(null);
    this.budgetErrors.set({});
    this.formError.set(null);
  }
}
