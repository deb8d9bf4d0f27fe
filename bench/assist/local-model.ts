/**
 * The local GGUF model on this machine: load time, tokens per second while writing (after the first token) and
 * time to first token through the provider, and inline completion latency through the gateway (role
 * `completion`, the fill-in-the-middle prompt of core/assist/completion.ts, no vendor key so the chain is the local model alone: what
 * `POST /api/assist/complete` does after its checks).
 */
import { randomUUID } from 'node:crypto';
import { completionRequest } from '../../core/assist/completion';
import { localModelOf, type LocalModelFile } from '../../core/models/local-model';
import { createModelLayer } from '../../core/models/model-layer';
import { Project } from '../../core/project/project.entity';
import { User } from '../../core/user/user.entity';
import { loadStackConfig } from '../../infra/src/stack-config';
import { createTestDatabase } from '../../test/harness';
import { testEnv } from '../../test/services';
import { Redis } from 'ioredis';
import type { Row } from '../stats';

const FILE = `import { readFileSync } from 'node:fs';

export interface Item {
  name: string;
  price: number;
  qty: number;
}

export function total(items: Item[]): number {
  let sum = 0;
  for (const item of items) {
    sum += item.price * item.qty;
  }
  return sum;
}

export function cheapest(items: Item[]): Item | undefined {
  return items.reduce<Item | undefined>((best, item) => (!best || item.price < best.price ? item : best), undefined);
}

export function load(path: string): Item[] {
  return JSON.parse(readFileSync(path, 'utf8')) as Item[];
}
`;

export interface LocalModelResult {
  model: string;
  threads: number;
  loadMs: number;
  tokensPerSecond: number[];
  rows: Row[];
}

/** The measures below once per thread count (ATELIER_LOCAL_MODEL_THREADS). */
export async function measureLocalModel(threads: readonly number[], runs: number, completions: number): Promise<LocalModelResult[] | null> {
  const local = await localModelOf({ ATELIER_LOCAL_MODEL: process.env.ATELIER_LOCAL_MODEL }, loadStackConfig({ ATELIER_TOOLS_DIR: process.env.ATELIER_TOOLS_DIR }).toolsDir);
  if (!local) return null;
  const results: LocalModelResult[] = [];
  for (const n of threads) results.push(await measureWith(local, n, runs, completions));
  return results;
}

async function measureWith(local: LocalModelFile, threads: number, runs: number, completions: number): Promise<LocalModelResult> {
  const db = await createTestDatabase();
  const redis = new Redis(testEnv().redisUrl);
  const layer = createModelLayer({ env: { ATELIER_LOCAL_MODEL_THREADS: threads }, orm: db.orm, redis, box: null, local });
  try {
    const em = db.orm.em.fork();
    const user = em.create(User, { email: `${randomUUID()}@bench.example`, displayName: 'Bench', tier: 'enterprise' });
    const project = em.create(Project, { owner: user, name: `local-bench-${randomUUID().slice(0, 8)}`, framework: 'express' });
    await em.flush();
    const provider = layer.local!;
    const ask = (text: string) => ({
      model: local.id.replace(/^local\//, ''),
      messages: [
        { role: 'system' as const, content: 'You are a coding assistant.' },
        { role: 'user' as const, content: text },
      ],
      maxOutputTokens: 200,
      temperature: 0,
    });
    let t0 = performance.now();
    await provider.generate({ ...ask('Say hello.'), maxOutputTokens: 4 });
    const loadMs = performance.now() - t0;

    const tps: number[] = [];
    const ttft: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < runs; i++) {
      t0 = performance.now();
      let first: number | undefined;
      const reply = await provider.generate(ask(`Write a Python function number ${i} that parses a CSV line into fields, with a docstring and tests.`), {
        onDelta: () => void (first ??= performance.now()),
      });
      const end = performance.now();
      whole.push(end - t0);
      if (first !== undefined) {
        ttft.push(first - t0);
        if (reply.usage.outputTokens > 1 && end > first) tps.push(((reply.usage.outputTokens - 1) * 1000) / (end - first));
      }
    }

    const latency: number[] = [];
    const cursors = [...FILE.matchAll(/\n/g)].map((m) => m.index!).filter((_, i) => i % 2 === 1);
    for (let i = 0; i < completions; i++) {
      const at = cursors[i % cursors.length]!;
      const request = completionRequest({ path: 'src/items.ts', prefix: FILE.slice(0, at), suffix: FILE.slice(at) });
      const t = performance.now();
      await layer.gateway.call({ callKey: `bench/${randomUUID()}`, userId: user.id, projectId: project.id, role: 'completion', request });
      latency.push(performance.now() - t);
    }
    return {
      model: local.id,
      threads,
      loadMs,
      tokensPerSecond: tps,
      rows: [
        { name: 'local: first token (provider)', samples: ttft },
        { name: 'local: 200-token answer (provider)', samples: whole },
        { name: 'local: completion (gateway, 64 tokens max)', samples: latency },
      ],
    };
  } finally {
    await layer.local?.close();
    redis.disconnect();
    await db.dispose();
  }
}
