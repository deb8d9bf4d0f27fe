import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';

export interface DependencyCheck {
  ok: boolean;
  latencyMs: number;
  /** A short operator-facing reason, never a stack trace. */
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: Record<string, DependencyCheck>;
}

const TIMEOUT_MS = 2000;

async function timed(probe: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: round(performance.now() - started) };
  } catch (error) {
    const reason = error instanceof Error && error.message.startsWith('no answer') ? error.message : 'unreachable';
    return { ok: false, latencyMs: round(performance.now() - started), error: reason };
  } finally {
    clearTimeout(timer);
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Probes every dependency in parallel and reports each one's latency. */
export function createReadinessCheck(deps: { orm: MikroORM; redis: Redis; temporal: Client; liveblocksUrl?: string }) {
  return async (): Promise<ReadinessReport> => {
    const probes: Record<string, () => Promise<unknown>> = {
      postgres: () => deps.orm.em.getConnection().execute('select 1'),
      redis: () => deps.redis.ping(),
      temporal: () => deps.temporal.workflowService.getSystemInfo({}),
    };
    if (deps.liveblocksUrl) {
      const url = deps.liveblocksUrl;
      probes.liveblocks = () => fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    }
    const names = Object.keys(probes);
    const results = await Promise.all(names.map((name) => timed(probes[name]!)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i]!]));
    return { status: results.every((r) => r.ok) ? 'ok' : 'unavailable', checks };
  };
}
