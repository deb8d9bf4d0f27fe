import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  InjectionToken,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { isTransient } from '../../../core/user-facing-error';
import type { FrameworkOption, OwnerTeam } from '../models/project.models';
import {
  DATABASES,
  EMPTY_PROJECT_FORM,
  type ProjectFormErrors,
  type ProjectFormField,
  type ProjectFormValue,
  STYLINGS,
  VISIBILITIES,
  parseFeatures,
  validateProjectForm,
} from '../models/project-form';
import { ProjectsApi } from '../services/projects-api.service';
import { UsageStatus } from '../../account/services/usage-status.service';

/** Makes the idempotency key of one submission. */
export const IDEMPOTENCY_KEY = new InjectionToken<() => string>('IDEMPOTENCY_KEY', {
  providedIn: 'root',
  factory: () => () => crypto.randomUUID(),
});

const FIELDS = Object.keys(EMPTY_PROJECT_FORM) as ProjectFormField[];

/** `/projects/new`: the create-project form; opens the project page once the server accepted it. */
@Component({
  selector: 'app-project-new-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-new.page.html',
  styles: `
    .build-mode {
      display: grid;
      gap: 8px;
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
    }
    legend {
      font-weight: 600;
      font-size: 13px;
      padding: 0;
      margin-bottom: 6px;
    }
    .build-options {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 10px;
    }
    .build-option {
      display: flex;
      align-items: flex-start;
      gap: 10px;
      padding: 12px 14px;
      border: 1px solid var(--border-strong);
      border-radius: var(--radius);
      background: var(--surface);
      cursor: pointer;
    }
    .build-option:hover {
      border-color: var(--muted);
    }
    .build-option.chosen {
      border-color: var(--accent);
      background: var(--selected);
      box-shadow: 0 0 0 1px var(--accent);
    }
    .build-option input {
      margin: 3px 0 0;
      accent-color: var(--accent);
    }
    .build-option:has(input:focus-visible) {
      outline: 2px solid var(--focus-ring);
    }
    .option-text {
      display: grid;
      gap: 2px;
    }
    .option-title {
      font-weight: 600;
    }
    .auto-approve {
      display: flex;
      align-items: center;
      gap: 8px;
      font-weight: 600;
      font-size: 13px;
    }
    .slot-note {
      color: var(--text);
    }
    @media (max-width: 640px) {
      .build-options {
        grid-template-columns: 1fr;
      }
    }
  `,
})
export class ProjectNewPage {
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly newKey = inject(IDEMPOTENCY_KEY);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(AuthSession);
  private readonly usage = inject(UsageStatus);

  /** The plain choice fields, rendered by one loop in the template. */
  protected readonly choiceFields = [
    { key: 'database', label: 'Database', options: DATABASES },
    { key: 'styling', label: 'Styling', options: STYLINGS },
    { key: 'visibility', label: 'Visibility', options: VISIBILITIES },
  ] as const;
  protected readonly value = signal<ProjectFormValue>({ ...EMPTY_PROJECT_FORM });
  protected readonly frameworks = signal<readonly FrameworkOption[]>([]);
  protected readonly frameworksError = signal<string | null>(null);
  /** The caller's teams, the owners a project may have besides the caller. */
  protected readonly teams = signal<readonly OwnerTeam[]>([]);
  protected readonly teamsError = signal<string | null>(null);
  /** Single-user mode has no teams, so the owner is not asked for. */
  protected readonly chooseOwner = computed(() => this.session.accountsExist());
  protected readonly pending = signal(false);
  protected readonly formError = signal<string | null>(null);
  /**
   * Starter files unless the person picks the agent team; typing a description never switches it, since a
   * team run holds one of the owner's concurrent agent-run slots.
   */
  protected readonly agentTeamBuild = signal(false);
  /** What a team run costs in slots: the tier's concurrent agent runs, with the viewer's use when known. */
  protected readonly slotNote = computed(() => {
    const usage = this.usage.usage();
    const meter = usage?.ok ? usage.value.meters.find((m) => m.kind === 'agent-runs') : undefined;
    const base = 'A team run uses one of your plan’s concurrent agent-run slots until it ends';
    if (!meter || meter.limit === null) return `${base}; other team runs wait for a free slot.`;
    const plural = meter.limit === 1 ? 'slot' : 'slots';
    return `${base}: you have ${meter.limit} ${plural}, ${meter.used} in use. Other team runs wait until one is free.`;
  });
  protected readonly autoApprove = signal(false);
  private readonly touched = signal<ReadonlySet<ProjectFormField>>(new Set());
  private readonly submitted = signal(false);
  private readonly serverErrors = signal<ProjectFormErrors>({});
  /** The key of the last submission that may be retried, and the values it was sent with. */
  private retryable: { readonly key: string; readonly values: string } | null = null;

  private readonly clientErrors = computed(() =>
    validateProjectForm(
      this.value(),
      this.frameworks().map((f) => f.id),
    ),
  );
  /** Server errors win (they include uniqueness); client errors show once a field was left or on submit. */
  protected readonly errors = computed<ProjectFormErrors>(() => {
    const shown: ProjectFormErrors = {};
    for (const field of FIELDS) {
      const visible = this.submitted() || this.touched().has(field);
      const message =
        this.serverErrors()[field] ?? (visible ? this.clientErrors()[field] : undefined);
      if (message) shown[field] = message;
    }
    return shown;
  });
  protected readonly tags = computed(() => parseFeatures(this.value().features));
  protected readonly selectedFramework = computed(() =>
    this.frameworks().find((f) => f.id === this.value().framework),
  );

  constructor() {
    this.api
      .frameworks()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (result.ok) this.frameworks.set(result.value);
        else this.frameworksError.set(`Frameworks could not be loaded. ${result.error.message}`);
      });
    void this.loadTeams();
  }

  private async loadTeams(): Promise<void> {
    await this.session.ensureLoaded();
    if (!this.session.accountsExist()) return;
    const result = await firstValueFrom(this.api.ownerTeams());
    if (result.ok) this.teams.set(result.value);
    else this.teamsError.set(`Teams could not be loaded. ${result.error.message}`);
  }

  protected set(field: ProjectFormField, event: Event): void {
    const text = (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
    this.value.update((value) => ({ ...value, [field]: text }));
    this.serverErrors.update(({ [field]: _edited, ...rest }) => rest);
    if (event.type === 'change') this.touch(field);
  }

  protected chooseAgentTeam(agentTeam: boolean): void {
    this.agentTeamBuild.set(agentTeam);
  }

  protected chooseAutoApprove(event: Event): void {
    this.autoApprove.set((event.target as HTMLInputElement).checked);
  }

  protected touch(field: ProjectFormField): void {
    this.touched.update((fields) => new Set(fields).add(field));
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.pending() || Object.keys(this.clientErrors()).length > 0) return;
    const value = this.value();
    const agentTeam = this.agentTeamBuild();
    const values = JSON.stringify({ ...value, agentTeam, auto: this.autoApprove() });
    // Retrying the same values after a failure reuses the key, so the server never creates the project twice.
    if (this.retryable?.values !== values) this.retryable = { key: this.newKey(), values };
    this.pending.set(true);
    this.formError.set(null);
    this.api
      .create({
        name: value.name.trim(),
        description: value.description.trim(),
        framework: value.framework,
        features: parseFeatures(value.features),
        database: value.database,
        styling: value.styling,
        visibility: value.visibility,
        ...(value.teamId ? { teamId: value.teamId } : {}),
        ...(agentTeam ? { buildMode: 'team' as const, autoApprovePlan: this.autoApprove() } : {}),
        idempotencyKey: this.retryable.key,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        this.pending.set(false);
        if (result.ok) {
          this.retryable = null;
          this.usage.changed();
          void this.router.navigate(['/projects', result.value.id]);
          return;
        }
        const { error } = result;
        if (!isTransient(error) && error.code !== 'INTERNAL') this.retryable = null;
        const onFields = Object.fromEntries(
          Object.entries(error.fieldErrors).filter(([f]) => FIELDS.includes(f as ProjectFormField)),
        );
        const elsewhere = Object.entries(error.fieldErrors).filter(([f]) => !(f in onFields));
        this.serverErrors.set(onFields);
        this.formError.set(
          elsewhere.length ? elsewhere.map(([, m]) => m).join(' ') : error.message,
        );
      });
  }
}
