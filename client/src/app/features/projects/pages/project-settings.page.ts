import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { type Observable, firstValueFrom, switchMap, tap } from 'rxjs';
import type { Result, UserFacingError } from '../../../core/user-facing-error';
import {
  type DeletedProjectState,
  type ProjectSettings,
  type ProjectSettingsView,
  buildInProgress,
  deletionEffects,
  nameError,
} from '../models/project-settings';
import { ProjectAdminApi } from '../services/project-admin-api.service';
import { ProjectNotFoundComponent } from '../../../shared/components/project-not-found.component';

/**
 * `/projects/:id/settings`: rename, archive or restore, and delete (typing the name) one project. What the
 * viewer may do comes from the server (`myAccess`); the server checks again, and its refusals are shown.
 */
@Component({
  selector: 'app-project-settings-page',
  imports: [DatePipe, RouterLink, ProjectNotFoundComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-settings.page.html',
  styleUrl: './project-settings.page.css',
})
export class ProjectSettingsPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectAdminApi);
  private readonly router = inject(Router);

  protected readonly view = signal<Result<ProjectSettingsView> | null>(null);
  protected readonly project = computed(() => {
    const view = this.view();
    return view?.ok ? view.value.project : null;
  });
  protected readonly effects = computed(() => {
    const view = this.view();
    return view?.ok ? deletionEffects(view.value) : [];
  });
  protected readonly building = computed(() => {
    const project = this.project();
    return project ? buildInProgress(project) : false;
  });

  // Rename: the client rule shows as soon as the name differs; the server's answer until the next edit.
  protected readonly name = signal('');
  private readonly nameServerError = signal<string | null>(null);
  protected readonly renamed = signal(false);
  protected readonly nameDirty = computed(
    () => this.name().trim() !== (this.project()?.name ?? ''),
  );
  protected readonly nameMessage = computed(
    () => this.nameServerError() ?? (this.nameDirty() ? nameError(this.name()) : null),
  );
  protected readonly canRename = computed(() => {
    const project = this.project();
    return !!project?.myAccess.canManage && !project.archivedAt;
  });

  /** One change at a time (rename, archive, restore, delete). */
  protected readonly busy = signal<'rename' | 'archive' | 'restore' | 'delete' | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected readonly confirming = signal(false);
  protected readonly confirmText = signal('');
  protected readonly confirmMatches = computed(() => this.confirmText() === this.project()?.name);
  protected readonly deleteError = signal<string | null>(null);

  constructor() {
    toObservable(this.id)
      .pipe(
        tap(() => this.view.set(null)),
        switchMap((id) => this.api.settings(id)),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.view.set(result);
        if (result.ok) this.name.set(result.value.project.name);
      });
  }

  protected editName(text: string): void {
    this.name.set(text);
    this.nameServerError.set(null);
    this.renamed.set(false);
  }

  protected async rename(): Promise<void> {
    if (!this.canRename() || !this.nameDirty() || nameError(this.name())) return;
    await this.change('rename', this.api.rename(this.id(), this.name()), (error) => {
      // A clash or a broken rule belongs under the field; anything else above the page's cards.
      const onField =
        error.fieldErrors['name'] ?? (error.code === 'CONFLICT' ? error.message : null);
      if (onField) this.nameServerError.set(onField);
      else this.actionError.set(error.message);
    });
    if (!this.nameServerError() && !this.actionError()) this.renamed.set(true);
  }

  protected archive(): Promise<void> {
    return this.change('archive', this.api.archive(this.id()));
  }

  protected restore(): Promise<void> {
    return this.change('restore', this.api.restore(this.id()));
  }

  protected openDelete(): void {
    this.confirming.set(true);
    this.confirmText.set('');
    this.deleteError.set(null);
  }

  protected cancelDelete(): void {
    this.confirming.set(false);
    this.confirmText.set('');
  }

  protected async delete(): Promise<void> {
    const project = this.project();
    if (!project || !this.confirmMatches() || this.busy()) return;
    this.busy.set('delete');
    this.deleteError.set(null);
    const result = await firstValueFrom(this.api.delete(project.id, this.confirmText()));
    this.busy.set(null);
    if (!result.ok) {
      this.deleteError.set(result.error.message);
      return;
    }
    const state: DeletedProjectState = { deletedProject: project.name };
    await this.router.navigate(['/projects'], { state });
  }

  /** Runs one change; its answer (the project) replaces what is shown, its refusal is shown. */
  private async change(
    kind: 'rename' | 'archive' | 'restore',
    call: Observable<Result<ProjectSettings>>,
    onError: (error: UserFacingError) => void = (error) => this.actionError.set(error.message),
  ): Promise<void> {
    if (this.busy()) return;
    this.busy.set(kind);
    this.actionError.set(null);
    this.renamed.set(false);
    const result = await firstValueFrom(call);
    this.busy.set(null);
    if (!result.ok) {
      onError(result.error);
      return;
    }
    const view = this.view();
    if (view?.ok) this.view.set({ ok: true, value: { ...view.value, project: result.value } });
    this.name.set(result.value.name);
  }
}
