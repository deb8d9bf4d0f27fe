import type { EntityManager } from '@mikro-orm/postgresql';
import type { Redis } from 'ioredis';
import { ConcurrencyLimiter } from '../limits/concurrency-limiter';
import { overridesKey, userTag } from '../limits/limit-redis';
import { DEFAULT_LIMITS, asTier, type ConcurrencyKind, type LimitsConfig, type Tier } from '../limits/tiers';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';

export interface UsageMeter {
  kind: string;
  used: number;
  limit: number | null;
  percent: number | null;
  warning: number | null;
}

/**
 * Reads a user's usage without counting anything: the same sorted sets the limiters write, counted over
 * their windows at Redis's clock, with admin overrides applied. One pipeline, one round trip.
 */
export class UsageService {
  constructor(
    private readonly em: EntityManager,
    private readonly redis: Redis,
    private readonly config: LimitsConfig = DEFAULT_LIMITS,
  ) {}

  async usage(userId: string): Promise<{ tier: Tier; meters: UsageMeter[] }> {
    const user = await this.em.findOneOrFail(User, { id: userId });
    const tier = asTier(user.tier);
    const limits = this.config.tiers[tier];
    const [seconds, micros] = await this.redis.time();
    const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
    const windows = Object.entries(this.config.windows);
    const concurrency = Object.entries(this.config.concurrency);
    const pipeline = this.redis.pipeline().hgetall(overridesKey(userId));
    for (const [kind, w] of windows) pipeline.zcount(`ratelimit:${userTag(userId)}:${kind}`, `(${now - w.windowMs}`, '+inf');
    for (const [kind] of concurrency) pipeline.zcount(ConcurrencyLimiter.key(userId, kind as ConcurrencyKind), `(${now}`, '+inf');
    const replies = ((await pipeline.exec()) ?? []).map(([error, value]) => {
      if (error) throw error;
      return value;
    });
    const overrides = replies[0] as Record<string, string>;
    const limitOf = (kind: string, tierLimit: number | null): number | null => {
      const override = overrides[kind];
      if (override === undefined) return tierLimit;
      return Number(override) < 0 ? null : Number(override);
    };
    const meters = [
      ...windows.map(([kind, w], i) => this.meter(kind, Number(replies[1 + i]), limitOf(kind, limits[w.tierField]))),
      ...concurrency.map(([kind, c], i) => this.meter(kind, Number(replies[1 + windows.length + i]), limitOf(kind, limits[c.tierField]))),
      this.meter('projects', await this.em.count(Project, { owner: userId, ownerTeam: null }), limits.projects),
    ];
    return { tier, meters };
  }

  private meter(kind: string, used: number, limit: number | null): UsageMeter {
    const percent = limit === null ? null : limit === 0 ? 100 : Math.floor((used * 100) / limit);
    const [low, high] = this.config.warnAtPercent;
    const warning = percent === null ? null : percent >= high ? high : percent >= low ? low : null;
    return { kind, used, limit, percent, warning };
  }
}
