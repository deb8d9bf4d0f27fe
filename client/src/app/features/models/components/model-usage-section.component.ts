import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { forkJoin, map, switchMap, tap } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import type { ModelUsage, ModelUsageGroup, ModelUsageInput } from '../models/model.models';
import { ModelsApi } from '../services/models-api.service';
import { ModelUsageTableComponent } from './model-usage-table.component';

/** Whose usage and since when; no ids means the caller's own. */
export type ModelUsageScope = Omit<ModelUsageInput, 'groupBy'>;

const GROUPS: Record<ModelUsageGroup, { key: 'model' | 'role' | 'day'; label: string }> = {
  MODEL: { key: 'model', label: 'Model' },
  ROLE: { key: 'role', label: 'Role' },
  DAY: { key: 'day', label: 'Day (UTC)' },
};

/** A card of model usage for one scope (the caller, a team), one table per grouping, in USD and INR. */
@Component({
  selector: 'app-model-usage-section',
  imports: [ModelUsageTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card account-section" [attr.data-testid]="testId()">
      <div class="panel-header">
        <h2>{{ heading() }}</h2>
      </div>
      <div class="section-body">
        @let state = usage();
        @if (!state) {
          <p class="muted" aria-busy="true">Loading model usage…</p>
        } @else if (!state.ok) {
          <div class="callout error" role="alert" data-testid="model-usage-error">
            <p>{{ state.error.message }}</p>
            <button type="button" class="button" (click)="reload.set(reload() + 1)">
              Try again
            </button>
          </div>
        } @else {
          @for (table of state.value; track table.group) {
            <h3>By {{ label(table.group).toLowerCase() }}</h3>
            <app-model-usage-table
              [usage]="table.usage"
              [group]="key(table.group)"
              [label]="label(table.group)"
            />
          }
        }
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 16px;
    }
    .section-body {
      padding: 14px;
    }
    h3 {
      font-size: 14px;
      margin: 8px 0 6px;
    }
  `,
})
export class ModelUsageSectionComponent {
  readonly heading = input.required<string>();
  readonly scope = input.required<ModelUsageScope>();
  readonly groups = input.required<readonly ModelUsageGroup[]>();
  readonly testId = input('model-usage');

  private readonly api = inject(ModelsApi);
  protected readonly reload = signal(0);
  protected readonly usage = signal<Result<{ group: ModelUsageGroup; usage: ModelUsage }[]> | null>(
    null,
  );
  private readonly request = computed(() => ({
    scope: this.scope(),
    groups: this.groups(),
    attempt: this.reload(),
  }));

  constructor() {
    toObservable(this.request)
      .pipe(
        tap(() => this.usage.set(null)),
        switchMap(({ scope, groups }) =>
          forkJoin(
            groups.map((group) =>
              this.api
                .usage({ ...scope, groupBy: [group] })
                .pipe(map((result) => ({ group, result }))),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((answers) => {
        const failed = answers.find((a) => !a.result.ok)?.result;
        if (failed && !failed.ok) this.usage.set(failed);
        else
          this.usage.set({
            ok: true,
            value: answers.flatMap((a) =>
              a.result.ok ? [{ group: a.group, usage: a.result.value }] : [],
            ),
          });
      });
  }

  protected label(group: ModelUsageGroup): string {
    return GROUPS[group].label;
  }

  protected key(group: ModelUsageGroup): 'model' | 'role' | 'day' {
    return GROUPS[group].key;
  }
}
