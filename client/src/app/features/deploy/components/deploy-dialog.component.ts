import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { DeployTarget, Deployment } from '../models/deploy.models';
import { providerLabel } from '../models/deploy.models';
import { DeployApi } from '../services/deploy-api.service';

/** What the dialog says about a target beside its name. */
export function targetNote(t: DeployTarget): string {
  if (t.target === 'local') return 'No account needed';
  if (t.ready) return 'Token ready';
  return `Needs a ${t.missingTokens.map(providerLabel).join(' and a ')} token`;
}

/**
 * "Deploy": pick a target (Local first; a provider without its token is disabled and links to the settings
 * where tokens are added), optionally skip the tests, deploy; emits the new deployment.
 */
@Component({
  selector: 'app-deploy-dialog',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown.escape)': 'closed.emit()' },
  templateUrl: './deploy-dialog.component.html',
  styleUrls: ['../../../shared/styles/dialog.css', './deploy-dialog.component.css'],
})
export class DeployDialogComponent {
  private readonly api = inject(DeployApi);
  readonly projectId = input.required<string>();
  readonly targets = input.required<readonly DeployTarget[]>();
  /** A team project's tokens are the team's: the missing-token link goes to its page. */
  readonly teamId = input<string | null>(null);
  readonly deployed = output<Deployment>();
  readonly closed = output<void>();

  /** Local first, then ready providers, then the ones missing a token. */
  protected readonly ordered = computed(() =>
    [...this.targets()].sort((a, b) => rank(a) - rank(b)),
  );
  protected readonly picked = signal<string | null>(null);
  protected readonly chosen = computed(() => {
    const picked = this.picked();
    const ordered = this.ordered();
    return picked ?? ordered.find((t) => t.ready)?.target ?? null;
  });
  protected readonly skipTests = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);
  /** One key per opening of the dialog: a retry after a lost answer returns the first deployment. */
  private readonly idempotencyKey = crypto.randomUUID();
  protected readonly tokensLink = computed(() => {
    const team = this.teamId();
    return team ? ['/teams', team] : ['/account'];
  });
  protected readonly note = targetNote;
  protected readonly label = providerLabel;

  protected async submit(): Promise<void> {
    const target = this.chosen();
    if (!target || this.pending()) return;
    this.pending.set(true);
    this.error.set(null);
    const result = await this.api.deploy({
      projectId: this.projectId(),
      target,
      skipTests: this.skipTests(),
      idempotencyKey: `${this.idempotencyKey}:${target}:${this.skipTests()}`,
    });
    this.pending.set(false);
    if (!result.ok) return this.error.set(result.error.message);
    this.deployed.emit(result.value);
  }
}

function rank(t: DeployTarget): number {
  return t.target === 'local' ? 0 : t.ready ? 1 : 2;
}
