import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Result } from '../../../core/user-facing-error';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import type { ProjectSummary } from '../models/project.models';
import { ProjectsApi } from '../services/projects-api.service';

/** `/projects`: every project of the caller, newest first, with a way to start a new one. */
@Component({
  selector: 'app-project-list-page',
  imports: [DatePipe, RouterLink, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Projects</h1>
        <p class="muted">Applications your agent team builds and runs.</p>
      </div>
      <a class="button primary" routerLink="/projects/new" data-testid="new-project-link"
        >New project</a
      >
    </div>

    @let state = result();
    @if (!state) {
      <p class="muted" aria-busy="true">Loading projects…</p>
    } @else if (!state.ok) {
      <div class="callout error" role="alert">
        <p>{{ state.error.message }}</p>
        <button type="button" class="button" (click)="reload()">Try again</button>
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
            <tr data-testid="project-row" [attr.data-project-id]="project.id">
              <td>
                <a [routerLink]="['/projects', project.id]" class="strong">{{ project.name }}</a>
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
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.result.set(null);
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) =>
        this.result.set(
          result.ok ? { ok: true, value: [...result.value].sort(newestFirst) } : result,
        ),
      );
  }
}

function newestFirst(a: ProjectSummary, b: ProjectSummary): number {
  return b.createdAt.localeCompare(a.createdAt);
}
