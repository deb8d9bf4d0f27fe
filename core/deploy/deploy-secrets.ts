import { LockMode, type EntityManager, type MikroORM } from '@mikro-orm/postgresql';
import { DEPLOY_ENV_ANY_TARGET, DEPLOY_ENV_LIMITS, DEPLOY_TARGET_INFO, DEPLOY_TARGETS, type DeployTargetName, type DeployTokenProvider } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { can, type Actor } from '../access/policy';
import { recordAudit } from '../audit/audit-log';
import type { KeyOwner } from '../keys/provider-key.entity';
import type { SecretBox } from '../keys/secret-box';
import { Project } from '../project/project.entity';
import { assertNotArchived } from '../project/project.errors';
import { asResource } from '../project/project.service';
import { ForbiddenError, NotFoundError, ServiceUnavailableError, ValidationError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { parseEnvInput, parseEnvTarget, secretHint } from './deploy-env-input';
import { rotateDeploySecrets } from './deploy-secrets-rotation';
import { DeployError } from './deploy.errors';
import { DeployTokenStore } from './deploy-tokens';
import { DeployEnvVar, deployEnvAad, type DeployToken } from './deploy.entities';
import type { DeploySecretsSource } from './deploy-secrets.port';
import type { DeployTargets } from './targets/target';

/** An env var or secret as a caller sees it: a secret's value never, a plain one's only to those who configure. */
export interface DeployEnvVarView {
  readonly target: string;
  readonly key: string;
  readonly secret: boolean;
  readonly value: string | null;
  readonly hint: string;
  readonly updatedAt: Date;
}

const CONFIGURE_REFUSAL = 'Only the project’s owners and admins change its deployment settings';

/**
 * A project's deployment env vars and secrets (per target, `*` for all; sealed, bound to project, target and key)
 * and people's and teams' provider tokens. The API lists and changes them for people; the deployment activities
 * open them with `envFor` and `tokensFor`. Values and tokens are never logged.
 */
export class DeploySecrets implements DeploySecretsSource {
  private readonly tokenStore: DeployTokenStore;

  constructor(
    private readonly deps: {
      orm: MikroORM;
      /** Null when no master key is configured (ATELIER_MASTER_KEYS): nothing can be stored then. */
      box: SecretBox | null;
      /** The adapters that check tokens when they are stored. */
      targets: DeployTargets;
    },
  ) {
    this.tokenStore = new DeployTokenStore(deps.orm, deps.box, deps.targets);
  }

  private sealer(): SecretBox {
    if (!this.deps.box) throw new ServiceUnavailableError('Storing deployment secrets (set ATELIER_MASTER_KEYS)');
    return this.deps.box;
  }

  /** The project if the actor may read its deployments (NOT_FOUND otherwise) and, when `configure`, change them. */
  private async project(em: EntityManager, actor: Actor, projectId: string, configure = false): Promise<Project> {
    const project = isUuid(projectId) ? await em.findOne(Project, { id: projectId }) : null;
    if (!project || !can(actor, 'deploy:read', asResource(project))) throw new NotFoundError('Project', projectId);
    if (configure && !can(actor, 'deploy:configure', asResource(project))) throw new ForbiddenError(CONFIGURE_REFUSAL);
    return project;
  }

  async listEnv(actor: Actor, projectId: string): Promise<DeployEnvVarView[]> {
    const em = this.deps.orm.em.fork();
    const project = await this.project(em, actor, projectId);
    const mayConfigure = can(actor, 'deploy:configure', asResource(project));
    const rows = await em.find(DeployEnvVar, { project }, { orderBy: { target: 'asc', key: 'asc' } });
    return rows.map((row) => this.view(row, mayConfigure));
  }

  private view(row: DeployEnvVar, mayConfigure: boolean): DeployEnvVarView {
    const value = !row.secret && mayConfigure ? this.sealer().decrypt(row.sealed, deployEnvAad(row.project.id, row.target, row.key)) : null;
    return { target: row.target, key: row.key, secret: row.secret, value, hint: row.hint, updatedAt: row.updatedAt };
  }

  /** Sets (or replaces) one env var or secret; at most DEPLOY_ENV_LIMITS.maxPerProject per project. */
  async setEnv(actor: Actor, raw: { projectId: string; target: string; key: string; value: string; secret?: boolean | null }): Promise<DeployEnvVarView> {
    const input = parseEnvInput(raw);
    const box = this.sealer();
    return this.deps.orm.em.fork().transactional(async (em) => {
      const found = await this.project(em, actor, raw.projectId, true);
      assertNotArchived(found);
      // Locking the project serialises concurrent sets, so the count below cannot be passed by two at once.
      const project = await em.findOneOrFail(Project, { id: found.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const existing = await em.findOne(DeployEnvVar, { project, target: input.target, key: input.key });
      if (!existing && (await em.count(DeployEnvVar, { project })) >= DEPLOY_ENV_LIMITS.maxPerProject)
        throw new ValidationError([{ field: 'key', message: `A project has at most ${DEPLOY_ENV_LIMITS.maxPerProject} env vars and secrets` }]);
      const sealed = box.encrypt(input.value, deployEnvAad(project.id, input.target, input.key));
      const hint = input.secret ? secretHint(input.value) : '';
      const row = existing ?? em.create(DeployEnvVar, { project, target: input.target, key: input.key, sealed, hint });
      Object.assign(row, { sealed, hint, secret: input.secret, updatedAt: new Date() });
      recordAudit(em, {
        actorId: actor.userId,
        action: existing ? 'deploy-env.replaced' : 'deploy-env.added',
        target: `project:${project.id}`,
        data: { target: input.target, key: input.key, secret: input.secret },
      });
      await em.flush();
      return this.view(row, true);
    });
  }

  async deleteEnv(actor: Actor, projectId: string, target: string, key: string): Promise<boolean> {
    const em = this.deps.orm.em.fork();
    const project = await this.project(em, actor, projectId, true);
    assertNotArchived(project);
    const removed = await em.nativeDelete(DeployEnvVar, { project, target: parseEnvTarget(target), key });
    if (removed > 0) recordAudit(em, { actorId: actor.userId, action: 'deploy-env.removed', target: `project:${project.id}`, data: { target, key } });
    await em.flush();
    return removed > 0;
  }

  /** The decrypted env for a deployment of the project to `target`: the target's own values win over `*`. */
  async envFor(projectId: string, target: DeployTargetName): Promise<Record<string, string>> {
    const rows = await this.deps.orm.em.fork().find(DeployEnvVar, { project: projectId, target: { $in: [DEPLOY_ENV_ANY_TARGET, target] } });
    const env: Record<string, string> = {};
    for (const row of [...rows].sort((a, b) => Number(a.target !== DEPLOY_ENV_ANY_TARGET) - Number(b.target !== DEPLOY_ENV_ANY_TARGET)))
      env[row.key] = this.sealer().decrypt(row.sealed, deployEnvAad(projectId, row.target, row.key));
    return env;
  }

  listTokens(owner: KeyOwner): Promise<DeployToken[]> {
    return this.tokenStore.list(owner);
  }

  /** Checks the token with the provider (DEPLOY_TOKEN_REFUSED: nothing is stored) and stores it sealed. */
  setToken(owner: KeyOwner, provider: string, token: string, scope: string | null | undefined, actorId: string): Promise<DeployToken> {
    return this.tokenStore.set(owner, { provider, token, scope }, actorId);
  }

  deleteToken(owner: KeyOwner, provider: string, actorId: string): Promise<boolean> {
    return this.tokenStore.remove(owner, provider, actorId);
  }

  /** The decrypted tokens a deployment of the project to `target` uses: its team's, or its owner's for a personal project. */
  async tokensFor(projectId: string, target: DeployTargetName): Promise<{ tokens: Record<string, string>; scopes: Record<string, string> }> {
    const em = this.deps.orm.em.fork();
    return this.tokenStore.openFor(em, await this.known(em, projectId, target), target);
  }

  /** Providers whose tokens `target` needs and the project's owner (or team) lacks. */
  async missingTokens(projectId: string, target: DeployTargetName): Promise<DeployTokenProvider[]> {
    const em = this.deps.orm.em.fork();
    return this.tokenStore.missingFor(em, await this.known(em, projectId, target), target);
  }

  /** Re-seals every env var, secret and token under the newest master key (platform admins, with the model keys). */
  rotateAll(actorId: string): Promise<number> {
    return rotateDeploySecrets(this.deps.orm, this.sealer(), actorId);
  }

  private async known(em: EntityManager, projectId: string, target: string): Promise<Project> {
    if (!(DEPLOY_TARGETS as readonly string[]).includes(target) || !(target in DEPLOY_TARGET_INFO))
      throw new DeployError(ErrorCode.DEPLOY_TARGET_UNAVAILABLE, `Unknown deploy target ${target}`);
    return em.findOneOrFail(Project, { id: projectId }, { failHandler: () => new NotFoundError('Project', projectId) });
  }
}
