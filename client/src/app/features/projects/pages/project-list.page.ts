import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import type { Result } from '../../../core/user-facing-error';
import { StatusBadgeComponent } from '../../../shared/components/status-badge.component';
import type { ProjectSummary } from '../models/project.models';
import type { DeletedProjectState } from '../models/project-settings';
import { ProjectsApi } from '../services/projects-api.service';

/**
 * `/projects`: every project of the caller, newest first, with a way to start a new one. Archived projects
 * are read with the rest (so the page can say how many there are) but shown only with "Show archived", marked.
 */
@Component({
  selector: 'app-project-list-page',
  imports: [DatePipe, RouterLink, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-list.page.html',
  styleUrl: './project-list.page.css',
})
export class ProjectListPage {
  private readonly api = inject(ProjectsApi);
  protected readonly result = signal<Result<ProjectSummary[]> | null>(null);
  protected readonly showArchived = signal(false);
  protected readonly archivedCount = computed(() => {
    const result = this.result();
    return result?.ok ? result.value.filter((p) => p.archivedAt).length : 0;
  });
  protected readonly visible = computed(() => {
    const result = this.result();
    if (!result?.ok) return [];
    return this.showArchived() ? result.value : result.value.filter((p) => !p.archivedAt);
  });
  /** The name of a project the settings page just deleted (router state), until dismissed. */
  protected readonly deleted = signal<string | null>(deletedProjectName(inject(Router)));
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    this.reload();
  }

  protected reload(): void {
    this.result.set(null);
    this.api
      .list(true)
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
