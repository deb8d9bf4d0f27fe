import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Result } from '../../../core/user-facing-error';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import type { ProjectSummary } from '../models/project.models';
import { ProjectsApi } from '../services/projects-api.service';
import type { DeletedProjectState } from '../models/project-settings';

/**
 * `/projects`: every project of the caller, newest first, with a way to start a new one. Archived projects are
 * hidden unless "Show archived" is on, and marked when shown.
 */
@Component({
  selector: 'app-project-list-page',
  imports: [DatePipe, RouterLink, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .list-actions {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .toggle {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      color: var(--muted);
      cursor: pointer;
    }
    tr.archived td {
      color: var(--muted);
    }
    tr.archived a {
      color: #475467;
    }
    td .badge {
      margin-left: 8px;
    }
    .callout.notice {
      background: var(--success-bg);
      color: var(--success);
      border: 1px solid #bfe3cd;
    }
  `,
  template: `
    <div class="page-header">
      <div>
        <h1>Projects</h1>
        <p class="muted">Applications your agent team builds and runs.</p>
      </div>
      <div class="list-actions">
        <label class="toggle">
          <input
            type="checkbox"
            data-testid="show-archived"
            [checked]="showArchived()"
            (change)="setShowArchived($any($event.target).checked)"
          />
          Show archived
        </label>
        <a class="button primary" routerLink="/projects/new" data-testid="new-project-link"
          >New project</a
        >
      </div>
    </div>

    @if (deleted(); as name) {
      <div class="callout notice" role="status" data-testid="deleted-notice">
        <p>
          Deleted <strong>{{ name }}</strong
          >: its runs and sandboxes were stopped.
        </p>
        <button type="button" class="button" (click)="deleted.set(null)">Dismiss</button>
      </div>
    }

    @let state = result();
    @if (!state) {
      <p class="muted" aria-busy="true">Loading projects…</p>
    } @else if (!state.ok) {
      <div class="callout error" role="alert">
        <p>{{ state.error.message }}</p>
        <button type="button" class="button" (click)="reload()">Try again</button>
      </div>
    } @else if (state.value.length === 0 && showArchived()) {
      <div class="empty-state" data-testid="projects-empty">
        <h2>No projects</h2>
        <p class="muted">Neither current nor archived ones.</p>
        <a class="button primary" routerLink="/projects/new">Create a project</a>
      </div>
    } @else if (state.value.length === 0) {
      <div class="empty-state" data-testid="projects-empty">
        <h2>No projects yet</h2>
        <p class="muted">Describe an app, pick a framework, and watch the agents scaffold it.</p>
        <a class="button primary" routerLink="/projects/new">Create your first project</a>
      </div>
    } @else {
      <table class="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Framework</th>
            <th>Status</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          @for (project of state.value; track project.id) {
            <tr
              data-testid="project-row"
              [attr.data-project-id]="project.id"
              [class.archived]="!!project.archivedAt"
            >
              <td>
                <a [routerLink]="['/projects', project.id]" class="strong">{{ project.name }}</a>
                @if (project.archivedAt) {
                  <span
                    class="badge badge-muted"
                    data-testid="archived-badge"
                    [title]="'Archived ' + (project.archivedAt | date: 'MMM d, y')"
                    >Archived</span
                  >
                }
              </td>
              <td>
                <code>{{ project.framework }}</code>
              </td>
              <td><app-status-badge [status]="project.status" /></td>
              <td class="muted">{{ project.createdAt | date: 'MMM d, y, HH:mm' }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class ProjectListPage {
  private readonly api = inject(ProjectsApi);
  protected readonly result = signal<Result<ProjectSummary[]> | null>(null);
  protected readonly showArchived = signal(false);
  /** The name of a project the settings page just deleted (router state), until dismissed. */
  protected readonly deleted = signal<string | null>(deletedProjectName(inject(Router)));
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.reload();
  }

  protected setShowArchived(show: boolean): void {
    this.showArchived.set(show);
    this.reload();
  }

  protected reload(): void {
    this.result.set(null);
    this.api
      .list(this.showArchived())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) =>
        this.result.set(
          result.ok ? { ok: true, value: [...result.value].sort(newestFirst) } : result,
        ),
      );
  }
}

function deletedProjectName(router: Router): string | null {
  const state = router.currentNavigation()?.extras.state as
    | Partial<DeletedProjectState>
    | undefined;
  return typeof state?.deletedProject === 'string' ? state.deletedProject : null;
}

function newestFirst(a: ProjectSummary, b: ProjectSummary): number {
  return b.createdAt.localeCompare(a.createdAt);
}
