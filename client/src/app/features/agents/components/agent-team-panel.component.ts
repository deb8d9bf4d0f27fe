import {
  ChangeDetectionStrategy,
  Component,
  InjectionToken,
  type WritableSignal,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  EMPTY,
  type Observable,
  auditTime,
  exhaustMap,
  filter,
  firstValueFrom,
  interval,
  merge,
  switchMap,
  tap,
} from 'rxjs';
import type { Result, UserFacingError } from '../../../core/user-facing-error';
import {
  hasEnded,
  isLive,
  isAgentTeamEvent,
  type AgentTeamProject,
  type AgentTeamRun,
} from '../models/agent-team.models';
import { agentCards, taskViews } from '../models/agent-team-view';
import { AgentsApi } from '../services/agents-api.service';
import { AgentCardsComponent } from './agent-cards.component';
import { AgentHandoffsComponent } from './agent-handoffs.component';
import { AgentInboxComponent } from './agent-inbox.component';
import { PlanGraphComponent } from './plan-graph.component';
import { PlanReviewComponent } from './plan-review.component';
import { RebuildFormComponent, type RebuildRequest } from './rebuild-form.component';
import { RunControlsComponent } from './run-controls.component';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import { waitingText } from '../models/build-wait';

/** How often the live team state is read while the run can still change. */
export const AGENT_TEAM_POLL_MS = new InjectionToken<number>('AGENT_TEAM_POLL_MS', {
  providedIn: 'root',
  factory: () => 3000,
});

/** How long to gather a burst of team events before reading the run again. */
export const AGENT_TEAM_REFRESH_MS = new InjectionToken<number>('AGENT_TEAM_REFRESH_MS', {
  providedIn: 'root',
  factory: () => 300,
});

type Busy = 'review' | 'controls' | 'rebuild' | null;

/**
 * The project page's agent-team panel: the plan as a graph with each task's live status, the approval
 * prompt, the controls, one card per role, the handoffs between agents, and a box to talk to the agent of each running task.
 * Once the latest run ended it offers to build again with the team (a starter project then switches to the
 * team; until then the panel shows only that form for it).
 */
@Component({
  selector: 'app-agent-team-panel',
  imports: [
    StatusBadgeComponent,
    AgentCardsComponent,
    AgentHandoffsComponent,
    AgentInboxComponent,
    PlanGraphComponent,
    PlanReviewComponent,
    RebuildFormComponent,
    RunControlsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-team-panel.component.html',
  styleUrl: './agent-team-panel.component.css',
})
export class AgentTeamPanelComponent {
  readonly projectId = input.required<string>();
  /** The project's events as the page holds them: plan.* and task.* ones make the panel read the run again. */
  readonly events = input<readonly { readonly type: string }[]>([]);
  /** A new build started (its run id): the page reads the project again. */
  readonly rebuilt = output<string>();

  private readonly api = inject(AgentsApi);
  private readonly pollMs = inject(AGENT_TEAM_POLL_MS);
  private readonly refreshMs = inject(AGENT_TEAM_REFRESH_MS);
  protected readonly project = signal<Result<AgentTeamProject> | null>(null);
  protected readonly busy = signal<Busy>(null);
  protected readonly waitingText = waitingText;
  protected readonly reviewError = signal<UserFacingError | null>(null);
  protected readonly controlsError = signal<UserFacingError | null>(null);
  protected readonly rebuildError = signal<UserFacingError | null>(null);

  protected readonly loaded = computed(() => {
    const project = this.project();
    return project?.ok ? project.value : null;
  });
  protected readonly isAgentTeamBuild = computed(() => this.loaded()?.buildMode === 'team');
  protected readonly run = computed<AgentTeamRun | null>(() => this.loaded()?.latestRun ?? null);
  protected readonly ended = computed(() => hasEnded(this.run()));
  protected readonly tasks = computed(() => {
    const run = this.run();
    return run ? taskViews(run) : [];
  });
  protected readonly running = computed(() => this.tasks().filter((t) => t.status === 'running'));
  protected readonly cards = computed(() => {
    const run = this.run();
    return run ? agentCards(run, this.tasks()) : [];
  });
  private readonly teamEvents = toObservable(
    computed(() => this.events().filter((e) => isAgentTeamEvent(e.type)).length),
  );

  constructor() {
    toObservable(this.projectId)
      .pipe(
        tap(() => this.reset()),
        switchMap((id) =>
          this.api.run(id).pipe(
            tap((result) => this.project.set(result)),
            switchMap((result) => (result.ok ? merge(this.polls(id), this.refreshes(id)) : EMPTY)),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected async approve(): Promise<void> {
    await this.act('review', this.reviewError, this.api.reviewPlan(this.projectId(), true));
  }

  protected async requestChanges(feedback: string): Promise<void> {
    await this.act(
      'review',
      this.reviewError,
      this.api.reviewPlan(this.projectId(), false, feedback),
    );
  }

  protected async pause(reason: string | null): Promise<void> {
    await this.act('controls', this.controlsError, this.api.pause(this.projectId(), reason));
  }

  protected async resume(): Promise<void> {
    await this.act('controls', this.controlsError, this.api.resume(this.projectId()));
  }

  protected async cancel(): Promise<void> {
    await this.act('controls', this.controlsError, this.api.cancel(this.projectId()));
  }

  /** Starts another team build; the panel then follows the new run, and the page hears of it. */
  protected async rebuild({ description, autoApprovePlan }: RebuildRequest): Promise<void> {
    const call = this.api.startTeamRun(this.projectId(), description, autoApprovePlan);
    const run = await this.act('rebuild', this.rebuildError, call);
    if (run) this.rebuilt.emit(run.id);
  }

  /**
   * Sends one control; its error stays shown, success reads the run again (the signal's effect is async).
   * Returns what the server answered, or null when it refused.
   */
  private async act<T>(
    busy: Busy,
    error: WritableSignal<UserFacingError | null>,
    call: Observable<Result<T>>,
  ): Promise<T | null> {
    this.busy.set(busy);
    error.set(null);
    const result = await firstValueFrom(call);
    this.busy.set(null);
    if (!result.ok) {
      error.set(result.error);
      return null;
    }
    await this.reload();
    return result.value;
  }

  private async reload(): Promise<void> {
    const id = this.projectId();
    const result = await firstValueFrom(this.api.run(id));
    if (result.ok && id === this.projectId()) this.project.set(result);
  }

  /** Reads the live state while the run can change; a change of phase or status reads the whole run. */
  private polls(id: string) {
    return interval(this.pollMs).pipe(
      filter(() => isLive(this.run())),
      exhaustMap(() => this.api.liveState(id)),
      switchMap((result) => {
        const run = this.run();
        if (!result.ok || !run || result.value.runId !== run.id)
          return result.ok ? this.api.run(id) : EMPTY;
        const { status, team } = result.value;
        if (status !== run.status || team?.phase !== run.team?.phase) return this.api.run(id);
        this.withLiveState(team);
        return EMPTY;
      }),
      // A failed read keeps what is shown; the next poll or event tries again.
      tap((result) => result.ok && this.project.set(result)),
    );
  }

  private withLiveState(team: AgentTeamRun['team']): void {
    const project = this.project();
    if (!project?.ok || !project.value.latestRun) return;
    const latestRun = { ...project.value.latestRun, team };
    this.project.set({ ok: true, value: { ...project.value, latestRun } });
  }

  private refreshes(id: string) {
    return this.teamEvents.pipe(
      filter((count) => count > 0),
      auditTime(this.refreshMs),
      switchMap(() => this.api.run(id)),
      tap((result) => result.ok && this.project.set(result)),
    );
  }

  private reset(): void {
    this.project.set(null);
    this.busy.set(null);
    this.reviewError.set(null);
    this.controlsError.set(null);
    this.rebuildError.set(null);
  }
}
