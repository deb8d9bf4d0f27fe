import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CONFIRM } from '../../../shared/browser.tokens';
import { DeleteButtonComponent } from '../../../shared/components/delete-button.component';
import { FormFooterComponent } from '../../../shared/components/form-footer.component';
import { SecretListPanelComponent } from '../../../shared/components/secret-list-panel.component';
import { FormState } from '../../../shared/form-state';
import type { DeployEnvVar, DeployTarget } from '../models/deploy.models';
import {
  ANY_TARGET,
  EMPTY_ENV_FORM,
  type EnvForm,
  editForm,
  shownValue,
  validateEnv,
} from '../models/env-form';
import { DeployApi } from '../services/deploy-api.service';

/**
 * A project's env vars and secrets: the list (plain values shown, secrets only as their hint), add, edit
 * (a secret's value is typed again, never shown), delete after a confirm; for one target or all of them.
 */
@Component({
  selector: 'app-env-vars',
  imports: [DatePipe, DeleteButtonComponent, FormFooterComponent, SecretListPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './env-vars.component.html',
  styleUrls: ['../../../shared/styles/secret-keys-panel.css', '../../../shared/styles/sr-only.css'],
  styles: `
    .value {
      display: inline-block;
      vertical-align: middle;
      font-family: var(--mono);
      font-size: 13px;
      max-width: 320px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .checkbox {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .form h3 {
      margin: 8px 0 4px;
      font-size: 15px;
    }
    .value + .badge {
      margin-left: 8px;
    }
  `,
})
export class EnvVarsComponent {
  private readonly api = inject(DeployApi);
  private readonly confirm = inject(CONFIRM);
  readonly projectId = input.required<string>();
  readonly targets = input.required<readonly DeployTarget[]>();
  readonly vars = input.required<readonly DeployEnvVar[]>();
  readonly canConfigure = input(false);

  /** What the server answered since the page read the list. */
  private readonly edits = signal<{
    readonly saved: readonly DeployEnvVar[];
    readonly deleted: readonly string[];
  }>({
    saved: [],
    deleted: [],
  });
  protected readonly list = computed(() => {
    const { saved, deleted } = this.edits();
    const key = (v: DeployEnvVar) => `${v.target}\u0000${v.key}`;
    const byKey = new Map(this.vars().map((v) => [key(v), v]));
    for (const v of saved) byKey.set(key(v), v);
    for (const k of deleted) byKey.delete(k);
    return [...byKey.values()].sort(
      (a, b) => a.key.localeCompare(b.key) || a.target.localeCompare(b.target),
    );
  });
  /** The list as the panel reads it: the page loaded it already. */
  protected readonly loaded = computed(() => ({ ok: true as const, value: this.list() }));
  protected readonly editing = signal<DeployEnvVar | null>(null);
  protected readonly form = new FormState<EnvForm>(EMPTY_ENV_FORM, (v) =>
    validateEnv(v, this.editing()?.secret === true && v.secret === 'true'),
  );
  protected readonly listError = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);
  protected readonly anyTarget = ANY_TARGET;
  protected readonly shown = shownValue;

  protected idOf(v: DeployEnvVar): string {
    return `${v.target}\u0000${v.key}`;
  }

  protected targetLabel(target: string): string {
    return target === ANY_TARGET
      ? 'All targets'
      : (this.targets().find((t) => t.target === target)?.label ?? target);
  }

  protected edit(v: DeployEnvVar): void {
    this.editing.set(v);
    this.form.reset();
    const values = editForm(v);
    for (const field of Object.keys(values) as (keyof EnvForm)[])
      this.form.set(field, values[field]);
  }

  protected stopEditing(): void {
    this.editing.set(null);
    this.form.reset();
  }

  protected async save(): Promise<void> {
    if (!this.form.begin()) return;
    const v = this.form.value();
    const result = await this.api.setEnv({
      projectId: this.projectId(),
      target: v.target,
      key: v.key,
      value: v.value,
      secret: v.secret === 'true',
    });
    this.form.end(result.ok ? undefined : { ...result.error, code: 'CONFLICT' });
    if (!result.ok) return;
    // The typed value leaves memory with the form; a secret comes back only as its hint.
    this.edits.update(({ saved, deleted }) => ({
      saved: [...saved, result.value],
      deleted: deleted.filter((k) => k !== `${v.target}\u0000${v.key}`),
    }));
    this.stopEditing();
  }

  protected async remove(v: DeployEnvVar): Promise<void> {
    if (
      !this.confirm(
        `Delete ${v.key} (${this.targetLabel(v.target)})? Deployments from now on go without it.`,
      )
    )
      return;
    const id = `${v.target}\u0000${v.key}`;
    this.deleting.set(id);
    this.listError.set(null);
    const result = await this.api.deleteEnv(this.projectId(), v.target, v.key);
    this.deleting.set(null);
    if (!result.ok) return this.listError.set(result.error.message);
    this.edits.update(({ saved, deleted }) => ({
      saved: saved.filter((s) => `${s.target}\u0000${s.key}` !== id),
      deleted: [...deleted, id],
    }));
  }
}
