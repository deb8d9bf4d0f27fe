import type { MikroORM } from '@mikro-orm/postgresql';
import { assertWithinBudget, budgetLines, DEFAULT_MODEL_BUDGETS, type BudgetLine, type TierModelBudget } from './budget';
import { loadCallContext, type CallContext } from './call-context';
import type { ModelCatalog } from './catalog';
import type { CircuitBreaker } from './circuit-breaker';
import { costOf, fromNanos } from './cost';
import type { ModelCredentials, ProviderCredential } from './credentials';
import { BaseUrlRefusedError } from '../keys/base-url-policy';
import {
  BaseUrlNotAllowedError,
  ModelFallbackFailedError,
  ModelNotAvailableError,
  ProviderRequestError,
  type FallbackAttempt,
} from './models.errors';
import type { ModelCall, ModelCallResult } from './model-call';
import type { ModelInfo } from './model-info';
import { ASSIST_PURPOSES, type AgentRole, type ModelPurpose, type ModelProvider, type ModelResponse } from './model-types';
import { ProviderError } from './provider.errors';
import { resolveRoleChain, type RoleModelOverride } from './role-models';
import { recordUsage } from './usage-recorder';
import type { RateLimiter } from '../limits/rate-limiter';
import type { Tier } from '../limits/tiers';

export interface ModelGatewayDeps {
  orm: MikroORM;
  catalog: ModelCatalog;
  breaker: CircuitBreaker;
  credentials: ModelCredentials;
  /** Builds an adapter for a credential; the gateway keeps one per credential so connections are reused. */
  createProvider: (credential: ProviderCredential) => ModelProvider;
  /** The offline provider, used for agent roles when neither the platform nor the user has any vendor key. */
  offline: ModelProvider;
  /**
   * The local GGUF model's provider (ATELIER_LOCAL_MODEL), when one is configured; its catalog entries have
   * provider `local`. It needs no key: assist purposes fall back to it last, and use it alone without vendor keys.
   */
  local?: ModelProvider | null;
  /** ATELIER_ROLE_MODELS. */
  platformRoleModels?: RoleModelOverride;
  tierBudgets?: Readonly<Record<Tier, TierModelBudget>>;
  /** Per vendor call. */
  timeoutMs: number;
  /** Counts each call against the user's tier's message windows (RATE_LIMIT_EXCEEDED when used up); none in benchmarks. */
  rateLimiter?: RateLimiter;
}

export const OFFLINE_MODEL_ID = 'offline/blueprint';

/** One model of a call's chain and the key it is called with (null: the offline or local model, which need none). */
type ChainLink = { model: ModelInfo; credential: ProviderCredential | null };

/** What to tell someone when nothing can serve chat, editor actions or completions. */
export const NO_ASSIST_MODEL_HINT =
  'no model can serve it: set ATELIER_LOCAL_MODEL to a GGUF file (a small one is fetched by `npm start`), add a vendor key under Account → Model keys, or point OPENAI_COMPATIBLE_BASE_URL at Ollama or vLLM';

const isAssistPurpose = (role: ModelPurpose): boolean => (ASSIST_PURPOSES as readonly string[]).includes(role);

/** The models a purpose would use now, in order; empty with `reason` when none can serve it. */
export interface ModelAvailability {
  models: ModelInfo[];
  reason: string | null;
}

/**
 * The one way agents call models. Per call: return a reply already recorded under the call key; check the
 * budgets; resolve the role's chain (project → team → platform → default) to the models with a key; walk it,
 * skipping models whose shared breaker is open. Transient failures move to the next model; a refused key or
 * request fails fast. The first success is metered exactly once and returned. The gateway never retries the
 * same model itself: the Temporal activity retry policy owns "try again later" (see the README).
 */
export class ModelGateway {
  private readonly providers = new Map<string, ModelProvider>();

  constructor(private readonly deps: ModelGatewayDeps) {}

  /**
   * The budgets a call for this project would be checked against, as `call` checks them: the same settings,
   * tier caps and spending. A run line is always included (the run's spending is zero without `runId`).
   */
  async budgets(subject: { userId: string; projectId: string; runId?: string | null }): Promise<{ tier: Tier; lines: BudgetLine[] }> {
    const context = await loadCallContext(this.deps.orm.em.fork(), { callKey: '', ...subject });
    return { tier: context.tier, lines: this.linesOf({ run: true, project: true, team: Boolean(context.teamId) }, context) };
  }

  /** Which models a call of `role` would walk for this caller (no budget or window check, no vendor call). */
  async availability(subject: { userId: string; projectId?: string | null }, role: ModelPurpose): Promise<ModelAvailability> {
    const context = await loadCallContext(this.deps.orm.em.fork(), { callKey: '', runId: null, ...subject });
    try {
      const chain = await this.chain({ callKey: '', userId: subject.userId, role, request: { messages: [] } }, context.settings, context.teamId);
      return { models: chain.map((c) => c.model), reason: null };
    } catch (error) {
      if (error instanceof ModelNotAvailableError) return { models: [], reason: error.reason };
      throw error;
    }
  }

  private linesOf(scopes: { run: boolean; project: boolean; team: boolean }, context: CallContext): BudgetLine[] {
    const tierBudget = (this.deps.tierBudgets ?? DEFAULT_MODEL_BUDGETS)[context.tier];
    return budgetLines(scopes, context.spent, tierBudget, context.settings);
  }

  async call(call: ModelCall): Promise<ModelCallResult> {
    const em = this.deps.orm.em.fork();
    const context = await loadCallContext(em, call);
    if (context.replay) return this.replayed(context.replay);
    const scopes = { run: Boolean(call.runId), project: Boolean(call.projectId), team: Boolean(context.teamId) };
    assertWithinBudget(this.linesOf(scopes, context));
    // A team project's calls count against the team's own message windows (its owner's tier), not a member's.
    // Completions have a window of their own, so ghost text never spends the messages agents and chat need.
    const windows = context.teamId ? `team:${context.teamId}` : call.userId;
    await this.deps.rateLimiter?.check({ id: windows, tier: context.tier }, call.role === 'completion' ? 'completion' : 'message');

    const chain = await this.chain(call, context.settings, context.teamId);
    const attempts: FallbackAttempt[] = [];
    for (const [index, { model, credential }] of chain.entries()) {
      const offline = model.provider === 'offline';
      // The local model runs in this process: no vendor to trip a shared breaker on.
      const inProcess = offline || model.provider === 'local';
      let breakerHasState = false;
      if (!inProcess) {
        const decision = await this.deps.breaker.acquire(model.id);
        breakerHasState = decision.stored;
        if (!decision.allowed) {
          attempts.push({ model: model.id, outcome: 'circuit_open', retryAfterMs: decision.retryInMs || undefined });
          continue;
        }
      }
      const started = performance.now();
      try {
        const response = await this.provider(model, credential).generate(
          { ...call.request, model: model.vendorModel, agentRole: isAssistPurpose(call.role) ? undefined : (call.role as AgentRole) },
          { signal: call.signal, timeoutMs: this.deps.timeoutMs, onDelta: call.onDelta ? (text) => call.onDelta!(text, index) : undefined },
        );
        const cost = costOf(response.usage, model.pricing);
        const fallbackFrom = index > 0 ? chain[0]!.model.id : null;
        // A breaker that counted nothing has nothing to reset: skip the round trip on the common path.
        const [stored] = await Promise.all([
          recordUsage(em, {
            call,
            teamId: context.teamId,
            model,
            response,
            cost,
            fallbackFrom,
            latencyMs: Math.round(performance.now() - started),
          }),
          breakerHasState ? this.deps.breaker.recordSuccess(model.id) : undefined,
        ]);
        // A concurrent attempt of the same call recorded first: answer as it did, so both agree.
        if (stored) return this.replayed(stored);
        return {
          response,
          model: model.id,
          provider: model.provider,
          offline,
          costUsd: fromNanos(cost.usdNanos),
          costInr: fromNanos(cost.inrNanos),
          fallbackFrom,
          attempts,
          replayed: false,
        };
      } catch (error) {
        if (causedBy(error, BaseUrlRefusedError)) {
          throw new BaseUrlNotAllowedError(
            call.role,
            [model.id],
            `the key's base URL is not allowed: ${causedBy(error, BaseUrlRefusedError)!.reason}`,
          );
        }
        if (!(error instanceof ProviderError)) throw error;
        if (!error.retryable) {
          if (error.kind === 'auth' || error.kind === 'model_not_found') {
            throw new ModelNotAvailableError(
              call.role,
              [model.id],
              error.kind === 'auth' ? `${model.provider} refused the key` : `${model.provider} does not serve ${model.vendorModel}`,
            );
          }
          throw new ProviderRequestError(model.id, error.kind);
        }
        if (!inProcess) await this.deps.breaker.recordFailure(model.id);
        attempts.push({ model: model.id, outcome: error.kind, retryAfterMs: error.retryAfterMs });
      }
    }
    throw new ModelFallbackFailedError(attempts);
  }

  /**
   * The role's chain narrowed to catalog models with a key (the local model needs none). Agent roles with no
   * vendor key at all use the offline model, unless their chain names the local one. Assist purposes never use
   * the offline model: the local model is their last resort, and without it they are not available.
   */
  private async chain(call: ModelCall, settings: Awaited<ReturnType<typeof loadCallContext>>['settings'], teamId: string | null): Promise<ChainLink[]> {
    const { models } = resolveRoleChain(call.role, {
      project: settings.project?.roleModels as RoleModelOverride | undefined,
      team: settings.team?.roleModels as RoleModelOverride | undefined,
      platform: this.deps.platformRoleModels,
    });
    const keys = teamId ? await this.deps.credentials.forTeam(teamId) : await this.deps.credentials.forUser(call.userId);
    const catalog = await this.deps.catalog.list();
    const locals = this.deps.local ? catalog.filter((m) => m.provider === 'local') : [];
    const usable = models.flatMap((id): ChainLink[] => {
      const model = catalog.find((m) => m.id === id);
      if (model?.provider === 'local') return locals.includes(model) ? [{ model, credential: null }] : [];
      const credential = model ? keys.get(model.provider) : undefined;
      return model && credential ? [{ model, credential }] : [];
    });
    if (isAssistPurpose(call.role)) {
      for (const model of locals) if (!usable.some((u) => u.model.id === model.id)) usable.push({ model, credential: null });
      if (!usable.length) throw new ModelNotAvailableError(call.role, models, NO_ASSIST_MODEL_HINT);
      return usable;
    }
    const localOnly = usable.filter((u) => u.model.provider === 'local');
    if (keys.size === 0 || models.every((id) => id === OFFLINE_MODEL_ID)) {
      if (keys.size === 0 && localOnly.length) return localOnly;
      const offline = catalog.find((m) => m.id === OFFLINE_MODEL_ID);
      if (!offline) throw new ModelNotAvailableError(call.role, models, 'no vendor key is configured and the offline model is disabled');
      return [{ model: offline, credential: null }];
    }
    if (!usable.length) throw new ModelNotAvailableError(call.role, models, 'none of its models has a key configured');
    return usable;
  }

  private provider(model: ModelInfo, credential: ProviderCredential | null): ModelProvider {
    if (model.provider === 'local' && this.deps.local) return this.deps.local;
    if (!credential) return this.deps.offline;
    const key = `${credential.provider}\u0000${credential.baseURL ?? ''}\u0000${credential.apiKey}`;
    let provider = this.providers.get(key);
    if (!provider) {
      provider = this.deps.createProvider(credential);
      this.providers.set(key, provider);
    }
    return provider;
  }

  private replayed(stored: NonNullable<Awaited<ReturnType<typeof loadCallContext>>['replay']>): ModelCallResult {
    return {
      response: stored.response as unknown as ModelResponse,
      model: stored.model,
      provider: stored.provider,
      offline: stored.provider === 'offline',
      costUsd: fromNanos(stored.costUsdNanos),
      costInr: fromNanos(stored.costInrNanos),
      fallbackFrom: stored.fallbackFrom,
      attempts: [],
      replayed: true,
    };
  }
}

/** The first error of type `type` in `error`'s cause chain (SDKs wrap what their fetch threw). */
function causedBy<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof type) return e;
  return null;
}
