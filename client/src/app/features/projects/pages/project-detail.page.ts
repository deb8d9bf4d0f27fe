import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { EMPTY, Subject, auditTime, merge, switchMap, tap } from 'rxjs';
import type { Result } from '../../../core/user-facing-error';
import { CodeViewerComponent } from '../../../shared/code-viewer/code-viewer.component';
import { OfflineBannerComponent } from '../../models/components/offline-banner.component';
import { ProjectModelsPanelComponent } from '../../models/components/project-models-panel.component';
import { EventLogComponent } from '../components/event-log.component';
import { FileListComponent } from '../components/file-list.component';
import { RunSummaryComponent } from '../components/run-summary.component';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import { SandboxPanelComponent } from '../../sandbox/components/sandbox-panel.component';
import { AgentTeamPanelComponent } from '../../agents/components/agent-team-panel.component';
import { ProjectDeployComponent } from '../../deploy/components/project-deploy.component';
import {
  PROJECT_CHANGING_EVENTS,
  type ProjectDetail,
  type ProjectEvent,
  type ProjectFile,
} from '../models/project.models';
import {
  type EventStreamUpdate,
  ProjectEventStream,
  type StreamState,
} from '../services/project-event-stream.service';
import { ProjectsApi } from '../services/projects-api.service';
import { ProjectNotFoundComponent } from '../../../shared/components/project-not-found.component';

/** Bursts of `file.created` cause one refetch, not one per file. */
export const REFRESH_AUDIT_MS = 300;

/** `/projects/:id`: the project, its latest run, the live event log and its files in a read-only viewer. */
@Component({
  selector: 'app-project-detail-page',
  imports: [
    RouterLink,
    CodeViewerComponent,
    EventLogComponent,
    FileListComponent,
    OfflineBannerComponent,
    ProjectModelsPanelComponent,
    RunSummaryComponent,
    StatusBadgeComponent,
    SandboxPanelComponent,
    AgentTeamPanelComponent,
    ProjectDeployComponent,
    ProjectNotFoundComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-detail.page.html',
})
export class ProjectDetailPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly stream = inject(ProjectEventStream);
  /** Something changed the project (an event, a new build started from the team panel): read it again. */
  protected readonly changed = new Subject<void>();
  private readonly opens = new Subject<string>();

  protected readonly project = signal<Result<ProjectDetail> | null>(null);
  protected readonly events = signal<readonly ProjectEvent[]>([]);
  protected readonly streamState = signal<StreamState>('connecting');
  protected readonly openPath = signal<string | null>(null);
  protected readonly openFile = signal<Result<ProjectFile> | null>(null);
  protected readonly loaded = computed(() => {
    const result = this.project();
    return result?.ok ? result.value : null;
  });

  constructor() {
    toObservable(this.id)
      .pipe(
        switchMap((id) => {
          this.reset();
          return this.api.get(id).pipe(
            switchMap((result) => {
              this.project.set(result);
              return result.ok
                ? merge(this.follow(id), this.refreshes(id), this.fileLoads(id))
                : EMPTY;
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe();
  }

  protected open(path: string): void {
    this.opens.next(path);
  }

  private reset(): void {
    this.project.set(null);
    this.events.set([]);
    this.streamState.set('connecting');
    this.openPath.set(null);
    this.openFile.set(null);
  }

  private follow(id: string) {
    return this.stream.watch(id).pipe(tap((update) => this.apply(update)));
  }

  private apply(update: EventStreamUpdate): void {
    if (update.kind === 'state') {
      this.streamState.set(update.state);
      return;
    }
    // A deployment's log lines have their own page (features/deploy); here they would bury everything else.
    const shown = update.events.filter((event) => event.type !== 'deploy.log');
    if (shown.length) this.events.update((events) => [...events, ...shown]);
    if (update.events.some((event) => PROJECT_CHANGING_EVENTS.has(event.type))) this.changed.next();
  }

  /** Status and files change with the run: refetch them when an event says so. */
  private refreshes(id: string) {
    return this.changed.pipe(
      auditTime(REFRESH_AUDIT_MS),
      switchMap(() => this.api.get(id)),
      // A failed refresh keeps what is shown; the next event triggers another.
      tap((result) => result.ok && this.project.set(result)),
    );
  }

  private fileLoads(id: string) {
    return this.opens.pipe(
      tap((path) => {
        this.openPath.set(path);
        this.openFile.set(null);
      }),
      switchMap((path) => this.api.file(id, path)),
      tap((result) => this.openFile.set(result)),
    );
  }
}
