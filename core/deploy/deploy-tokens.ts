import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { DEPLOY_TARGET_INFO, DEPLOY_TARGETS, type DeployTargetName, type DeployTokenProvider } from '../../contracts/deploy';
import { ErrorCode } from '../../contracts/errors';
import { recordAudit } from '../audit/audit-log';
import type { KeyOwner } from '../keys/provider-key.entity';
import { SecretBox } from '../keys/secret-box';
import { type Project } from '../project/project.entity';
import { ServiceUnavailableError } from '../shared/domain.errors';
import { Team } from '../team/team.entity';
import { User } from '../user/user.entity';
import { parseTokenInput, parseTokenProvider } from './deploy-env-input';
import { DeployError } from './deploy.errors';
import { DeployToken, deployTokenAad } from './deploy.entities';
import { DeployFailure, type DeployTargetAdapter, type DeployTargets } from './targets/target';

const where = (owner: KeyOwner) => (owner.kind === 'user' ? { user: owner.id } : { team: owner.id });
const auditTarget = (owner: KeyOwner) => `${owner.kind}:${owner.id}`;

/** Whose tokens a project's deployments use: its team's for a team project (never a member's), else its owner's. */
export const tokenOwnerOf = (project: Project): KeyOwner =>
  project.ownerTeam ? { kind: 'team', id: project.ownerTeam.id } : { kind: 'user', id: project.owner.id };

/**
 * Deployment provider tokens of users and teams, like model keys: sealed (bound to their owner and provider),
 * listed by hint, checked with the provider when stored, opened only for a deployment. Callers decide who may act
 * on a team's tokens (`team:manage-keys`).
 */
export class DeployTokenStore {
  constructor(
    private readonly orm: MikroORM,
    private readonly box: SecretBox | null,
    private readonly targets: DeployTargets,
  ) {}

  private sealer(): SecretBox {
    if (!this.box) throw new ServiceUnavailableError('Storing deployment tokens (set ATELIER_MASTER_KEYS)');
    return this.box;
  }

  list(owner: KeyOwner): Promise<DeployToken[]> {
    return this.orm.em.fork().find(DeployToken, where(owner), { orderBy: { provider: 'asc' } });
  }

  /** The adapter that checks a provider's tokens: the provider's own target first (github before render). */
  private verifierFor(provider: DeployTokenProvider): DeployTargetAdapter {
    const names = [provider, ...DEPLOY_TARGETS].filter((n): n is DeployTargetName => n in DEPLOY_TARGET_INFO);
    for (const name of names) {
      const adapter = this.targets[name];
      if (adapter && DEPLOY_TARGET_INFO[name].tokens.includes(provider)) return adapter;
    }
    throw new DeployError(ErrorCode.DEPLOY_TARGET_UNAVAILABLE, `Deploying with ${provider} is not available on this platform`);
  }

  private async verify(provider: DeployTokenProvider, token: string, scope: string | null): Promise<string> {
    const adapter = this.verifierFor(provider);
    try {
      return (await adapter.verifyToken(provider, token, scope)).account;
    } catch (error) {
      if (error instanceof DeployFailure && error.code === ErrorCode.DEPLOY_TOKEN_REFUSED)
        throw new DeployError(ErrorCode.DEPLOY_TOKEN_REFUSED, `${DEPLOY_TARGET_INFO[adapter.name].label} refused this token: check it and its scope`);
      // A provider that is down or answers oddly: nothing is stored, the person may try again.
      throw new DeployError(ErrorCode.DEPLOY_PROVIDER_UNAVAILABLE, `Could not check the token with ${provider} right now, try again shortly`);
    }
  }

  /** Checks the token with the provider, then stores (or replaces) it sealed; `actorId` is who did it, for the audit log. */
  async set(owner: KeyOwner, raw: { provider: string; token: string; scope?: string | null }, actorId: string): Promise<DeployToken> {
    const { provider, token, scope } = parseTokenInput(raw);
    const box = this.sealer();
    const account = await this.verify(provider, token, scope ?? null);
    const em = this.orm.em.fork();
    const sealed = box.encrypt(token, deployTokenAad(owner, provider));
    const existing = await em.findOne(DeployToken, { ...where(owner), provider });
    const row =
      existing ??
      em.create(DeployToken, {
        ...(owner.kind === 'user' ? { user: em.getReference(User, owner.id) } : { team: em.getReference(Team, owner.id) }),
        provider,
        sealed,
        hint: '',
      });
    Object.assign(row, { sealed, hint: SecretBox.hint(token), account, scope: scope ?? null, lastUsedAt: null });
    recordAudit(em, { actorId, action: existing ? 'deploy-tokens.replaced' : 'deploy-tokens.added', target: auditTarget(owner), data: { provider } });
    await em.flush();
    return row;
  }

  async remove(owner: KeyOwner, rawProvider: string, actorId: string): Promise<boolean> {
    const provider = parseTokenProvider(rawProvider);
    const em = this.orm.em.fork();
    const removed = await em.nativeDelete(DeployToken, { ...where(owner), provider });
    if (removed > 0) recordAudit(em, { actorId, action: 'deploy-tokens.removed', target: auditTarget(owner), data: { provider } });
    await em.flush();
    return removed > 0;
  }

  /** The decrypted tokens (and scopes) a target needs for the project, by provider; missing ones are absent. */
  async openFor(em: EntityManager, project: Project, target: DeployTargetName): Promise<{ tokens: Record<string, string>; scopes: Record<string, string> }> {
    const owner = tokenOwnerOf(project);
    const rows = await this.rowsFor(em, project, target);
    const tokens: Record<string, string> = {};
    const scopes: Record<string, string> = {};
    for (const row of rows) {
      tokens[row.provider] = this.sealer().decrypt(row.sealed, deployTokenAad(owner, row.provider));
      if (row.scope) scopes[row.provider] = row.scope;
      row.lastUsedAt = new Date();
    }
    await em.flush();
    return { tokens, scopes };
  }

  /** Providers whose tokens the target needs and the project's owner (or team) has not stored. */
  async missingFor(em: EntityManager, project: Project, target: DeployTargetName): Promise<DeployTokenProvider[]> {
    const have = new Set((await this.rowsFor(em, project, target)).map((r) => r.provider));
    return DEPLOY_TARGET_INFO[target].tokens.filter((p) => !have.has(p));
  }

  private rowsFor(em: EntityManager, project: Project, target: DeployTargetName): Promise<DeployToken[]> {
    const needed = DEPLOY_TARGET_INFO[target].tokens;
    if (needed.length === 0) return Promise.resolve([]);
    return em.find(DeployToken, { ...where(tokenOwnerOf(project)), provider: { $in: [...needed] } });
  }
}
