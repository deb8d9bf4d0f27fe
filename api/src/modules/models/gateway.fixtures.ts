/**
 * Fixtures for the gateway tests: a migrated database with a user and a project, real Redis, vendor fakes
 * on their wire formats, and a model layer built by the same createModelLayer the worker uses.
 */
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { createTestDatabase, testServices } from '../../../../test/harness';
import { AnthropicFake } from '../../../../test/fakes/anthropic-fake';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { Project } from '../project/project.entity';
import { User } from '../user/user.entity';
import { SecretBox, parseKeyring } from '../keys/secret-box';
import { createModelLayer, type ModelLayer } from './model-layer';
import { ModelSettings } from './model-settings.entity';
import type { AgentRole } from './model-types';
import type { LimitsConfig } from '../limits/tiers';
import { lendUndiciDispatcher } from './providers/provider-fixtures';

lendUndiciDispatcher();

export const TEST_MASTER_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

export interface GatewayWorld {
  orm: MikroORM;
  redis: Redis;
  openai: OpenAIFake;
  anthropic: AnthropicFake;
  layer(
    env?: Record<string, string | undefined>,
    breaker?: Parameters<typeof createModelLayer>[0]['breaker'],
    limits?: LimitsConfig,
  ): ModelLayer;
  seed(tier?: string): Promise<{ userId: string; projectId: string; runId: string }>;
  setProject(projectId: string, fields: Partial<ModelSettings>): Promise<void>;
  rows(where?: Record<string, unknown>): Promise<Record<string, unknown>[]>;
  dispose(): Promise<void>;
}

export async function gatewayWorld(): Promise<GatewayWorld> {
  const db = await createTestDatabase();
  const redis = new Redis(testServices().redisUrl);
  const openai = await new OpenAIFake().start();
  const anthropic = await new AnthropicFake().start();
  return {
    orm: db.orm,
    redis,
    openai,
    anthropic,
    layer: (env = {}, breaker, limits) =>
      createModelLayer({
        env: {
          OPENAI_API_KEY: 'sk-platform-openai',
          OPENAI_BASE_URL: openai.baseURL,
          ANTHROPIC_API_KEY: 'sk-platform-anthropic',
          ANTHROPIC_BASE_URL: anthropic.baseURL,
          ATELIER_MODEL_TIMEOUT_MS: 5_000,
          ...env,
        },
        orm: db.orm,
        redis,
        box: new SecretBox(parseKeyring(TEST_MASTER_KEYS)),
        breaker: breaker ?? { failureThreshold: 3, windowMs: 60_000, cooldownMs: 1_500, probeTimeoutMs: 5_000 },
        limits,
      }),
    async seed(tier = 'free') {
      const em = db.orm.em.fork();
      const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Caller', tier });
      const project = em.create(Project, { owner: user, name: `p-${randomUUID().slice(0, 8)}`, framework: 'express' });
      await em.flush();
      return { userId: user.id, projectId: project.id, runId: randomUUID() };
    },
    async setProject(projectId, fields) {
      const em = db.orm.em.fork();
      const row =
        (await em.findOne(ModelSettings, { scope: 'project', scopeId: projectId })) ??
        em.create(ModelSettings, { scope: 'project', scopeId: projectId });
      Object.assign(row, fields);
      await em.flush();
    },
    rows: (where = {}) =>
      db.orm.em
        .fork()
        .getConnection()
        .execute(
          `select * from usage_logs ${
            Object.keys(where).length
              ? `where ${Object.keys(where)
                  .map((k) => `${k} = ?`)
                  .join(' and ')}`
              : ''
          } order by created_at`,
          Object.values(where),
        ),
    async dispose() {
      await Promise.all([openai.close(), anthropic.close()]);
      redis.disconnect();
      await db.dispose();
    },
  };
}

/** A small agent request in the gateway's shape. */
export const ask = (text: string) => ({
  messages: [
    { role: 'system' as const, content: 'You are an Atelier agent.' },
    { role: 'user' as const, content: text },
  ],
});

export const call = (ids: { userId: string; projectId?: string; runId?: string }, role: AgentRole = 'coder', text = 'Say hello') => ({
  callKey: `test/${randomUUID()}`,
  ...ids,
  role,
  request: ask(text),
});
