import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { EMPTY, Subject, auditTime, combineLatest, exhaustMap, filter, from, interval, merge, switchMap, tap } from 'rxjs';
import { CONFIRM } from '../../../shared/browser.tokens';
import { DeployLogComponent } from '../components/deploy-log.component';
import { DeploymentHistoryComponent } from '../components/deployment-history.component';
import { DeploymentTimelineComponent } from '../components/deployment-timeline.component';
import { type DeployProblem, deploymentError } from '../models/deploy-error';
import {
  type DeployTarget,
  type Deployment,
  TRIGGER_LABELS,
  deployStatusDisplay,
  duration,
  inFlight,
  providerLabel,
} from '../models/deploy.models';
import { type DeploymentView, applyEvent, initialView, mergeRead } from '../models/deployment-view';
import { timeline } from '../models/timeline';
import { DeployApi } from '../services/deploy-api.service';
import {
  DeployEventStream,
  type DeployStreamState,
  streamIdAt,
} from '../services/deploy-event-stream.service';

/** Bursts of events cause one read of the history, not one per event. */
export const HISTORY_AUDIT_MS = 400;
/** How often an unsettled local app's state (starting, restarting, not answering) is read again. */
export const APP_STATE_POLL_MS = 3000;

/**
 * `/projects/:id/deployments/:deploymentId`: the timeline, the live log, the URL, Cancel / Redeploy, the local
 * app's state with Stop / Start, and the project's history with Rollback.
 */
@Component({
  selector: 'app-deployment-page',
  imports: [
    DatePipe,
    RouterLink,
    DeployLogComponent,
    DeploymentHistoryComponent,
    DeploymentTimelineComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './deployment.page.html',
  styleUrl: './deployment.page.css',
})
export class DeploymentPage {
  /** The `:id` route parameter (the project). */
  readonly id = input.required<string>();
  readonly deploymentId = input.required<string>();

  private readonly api = inject(DeployApi);
  private readonly stream = inject(DeployEventStream);
  private readonly router = inject(Router);
  private readonly confirm = inject(CONFIRM);

  protected readonly view = signal<DeploymentView | null>(null);
  protected readonly loadError = signal<DeployProblem | null>(null);
  protected readonly history = signal<readonly Deployment[]>([]);
  protected readonly targets = signal<readonly DeployTarget[]>([]);
  protected readonly canDeploy = signal(false);
  protected readonly streamState = signal<DeployStreamState>('connecting');
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private readonly historyStale = new Subject<void>();
  private readonly refetches = new Subject<void>();

  protected readonly deployment = computed(() => this.view()?.deployment ?? null);
  protected readonly steps = computed(() => {
    const v = this.view();
    return v ? timeline({ ...v.deployment, lastStep: v.lastStep }) : [];
  });
  protected readonly running = computed(() => inFlight(this.deployment()?.status ?? ''));
  protected readonly status = computed(() => deployStatusDisplay(this.deployment()?.status ?? ''));
  protected readonly errorText = computed(() => {
    const d = this.deployment();
    return d ? deploymentError(d) : null;
  });
  /** The local target's app, once there is one (before the first deploy goes live there is nothing to show). */
  protected readonly localApp = computed(() => {
    const app = this.deployment()?.target === 'local' ? this.targets().find((t) => t.target === 'local') : undefined;
    return app?.appState || app?.liveDeployment ? app : null;
  });
  /** The app is on its way somewhere (or its supervisor did not answer): its state is read again. */
  private readonly appUnsettled = computed(() => {
    const app = this.localApp();
    return !!app && (app.appState === null || app.appState === 'starting' || app.appState === 'restarting');
  });
  /** What stays live on the target when this one failed or was cancelled. */
  protected readonly liveInstead = computed(() => {
    const d = this.deployment();
    const live = this.targets().find((t) => t.target === d?.target)?.liveDeployment;
    return live && live.id !== d?.id ? live : null;
  });
  protected readonly took = computed(() => {
    const d = this.deployment();
    return d ? duration(d.startedAt ?? d.createdAt, d.finishedAt) : null;
  });
  protected readonly label = providerLabel;
  protected readonly appTone = (state: string | null) =>
    state === 'running' ? 'success' : state === 'restarting' || state === 'starting' ? 'info' : 'muted';
  protected readonly trigger = (t: string) => TRIGGER_LABELS[t] ?? t;

  constructor() {
    combineLatest([toObservable(this.id), toObservable(this.deploymentId)])
      .pipe(
        switchMap(([projectId, deploymentId]) => {
          this.reset();
          return from(this.api.deployment(deploymentId)).pipe(
            switchMap((result) => {
              if (!result.ok) {
                this.loadError.set(result.error);
                return EMPTY;
              }
              const { logs, ...deployment } = result.value;
              this.view.set(initialView(deployment, logs));
              void this.loadHistory(projectId);
              return merge(this.follow(projectId, deployment), this.refreshes(projectId, deploymentId));
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  private reset(): void {
    this.view.set(null);
    this.loadError.set(null);
    this.actionError.set(null);
    this.streamState.set('connecting');
  }

  private follow(projectId: string, d: Deployment) {
    const after = streamIdAt(inFlight(d.status) ? d.createdAt : (d.finishedAt ?? d.createdAt));
    return this.stream.watch(projectId, after).pipe(
      tap((update) => {
        if (update.kind === 'state') return this.streamState.set(update.state);
        const current = this.view();
        if (!current) return;
        const effect = applyEvent(current, update.event);
        this.view.set(effect.view);
        if (effect.refetch) this.refetches.next();
        if (effect.historyStale) this.historyStale.next();
      }),
    );
  }

  private refreshes(projectId: string, deploymentId: string) {
    const reads$ = this.refetches.pipe(
      auditTime(100),
      switchMap(() => this.api.deployment(deploymentId, this.view()?.log.lastSeq ?? 0)),
      tap((result) => {
        const current = this.view();
        if (!result.ok || !current) return;
        const { logs, ...deployment } = result.value;
        this.view.set(mergeRead(current, deployment, logs));
      }),
    );
    const history$ = this.historyStale.pipe(
      auditTime(HISTORY_AUDIT_MS),
      switchMap(() => this.loadHistory(projectId)),
    );
    // The supervisor reports its state changes as events, but a read that timed out or caught it starting
    // would otherwise stay on screen until the next one.
    const appPolls$ = interval(APP_STATE_POLL_MS).pipe(
      filter(() => this.appUnsettled()),
      exhaustMap(() => this.loadHistory(projectId)),
    );
    return merge(reads$, history$, appPolls$);
  }

  private async loadHistory(projectId: string): Promise<void> {
    const result = await this.api.history(projectId);
    if (!result.ok) return;
    this.history.set(result.value.history);
    this.targets.set(result.value.targets);
    this.canDeploy.set(result.value.canDeploy);
  }

  protected async cancel(): Promise<void> {
    const d = this.deployment();
    if (!d || !this.confirm('Cancel this deployment? Nothing of it goes live; the live deployment stays live.')) return;
    await this.act('cancel', () => this.api.cancel(d.id), () => this.refetches.next());
  }

  protected async redeploy(skipTests = false): Promise<void> {
    const d = this.deployment();
    if (!d) return;
    await this.act('redeploy', () => this.api.redeploy(d.id, skipTests), (next) => this.open(next));
  }

  protected async rollback(target: Deployment): Promise<void> {
    const when = new Date(target.createdAt).toLocaleString();
    if (!this.confirm(`Roll back ${providerLabel(target.target)} to the deployment of ${when}? It goes live again from its kept package.`))
      return;
    await this.act('rollback', () => this.api.rollback(target.id), (next) => this.open(next));
  }

  protected async localAppCommand(command: 'stop' | 'start'): Promise<void> {
    const projectId = this.id();
    const call = command === 'stop' ? () => this.api.stopLocalApp(projectId) : () => this.api.startLocalApp(projectId);
    await this.act(command, call, (target) =>
      this.targets.update((list) => list.map((t) => (t.target === target.target ? target : t))),
    );
  }

  private async act<T>(
    name: string,
    call: () => Promise<{ ok: true; value: T } | { ok: false; error: DeployProblem }>,
    done: (value: T) => void,
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(name);
    this.actionError.set(null);
    const result = await call();
    this.busy.set(null);
    if (!result.ok) return this.actionError.set(result.error.message);
    done(result.value);
  }

  private open(next: Deployment): void {
    void this.router.navigate(['/projects', next.projectId, 'deployments', next.id]);
  }
}
