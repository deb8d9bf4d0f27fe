/**
 * `npm run bench -- sandbox [runs]`: the local backend's create + first exec (p50/p95), 20 concurrent
 * creates (total wall time), and exec overhead against the same command run bare in the same run.
 * Anchors: E2B claims ≈ 150 ms to start a sandbox and ≈ 1.6 s for 20 concurrent (self-hosted);
 * the aim here is under 60 ms p50 and under 1 s for 20.
 */
import { spawn } from 'node:child_process';
import { testLocalBackend } from '../test/fixtures/sandbox-backends';
import type { Sandbox } from '../sandbox/types';
import { percentile, printTable } from './stats';

/** The command bare on the host, through the same `sh -c`, with the same empty environment. */
function bare(command: string): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', command], { stdio: 'ignore', env: { PATH: '/usr/bin:/bin' } });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - t0));
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

export async function run(args: string[]): Promise<void> {
  const runs = Number(args[0] ?? 40);
  const { backend, dispose } = testLocalBackend();
  const rows = { create: [] as number[], firstExec: [] as number[], createAndExec: [] as number[] };
  const overhead: Record<string, { bare: number[]; sandboxed: number[] }> = { true: { bare: [], sandboxed: [] }, 'node -e 0': { bare: [], sandboxed: [] } };
  const concurrent = { create: [] as number[], createAndExec: [] as number[] };
  try {
    for (let i = -3; i < runs; i++) {
      const [sandbox, create] = await timed(() => backend.create({ runtime: 'node' }));
      const [result, exec] = await timed(() => sandbox.exec('true'));
      if (result.exitCode !== 0) throw new Error(`first exec failed: ${result.stderr}`);
      await sandbox.destroy();
      if (i < 0) continue; // warm-up
      rows.create.push(create);
      rows.firstExec.push(exec);
      rows.createAndExec.push(create + exec);
    }
    for (let round = 0; round < 5; round++) {
      const [made, createWall] = await timed(() => Promise.all(Array.from({ length: 20 }, () => backend.create({ runtime: 'node' }))));
      await Promise.all(made.map((s) => s.destroy()));
      const [, bothWall] = await timed(() =>
        Promise.all(
          Array.from({ length: 20 }, async () => {
            const s = await backend.create({ runtime: 'node' });
            await s.exec('true');
            return s;
          }),
        ).then((all: Sandbox[]) => Promise.all(all.map((s) => s.destroy()))),
      );
      concurrent.create.push(createWall);
      concurrent.createAndExec.push(bothWall);
    }
    const sandbox = await backend.create({ runtime: 'node' });
    for (const command of Object.keys(overhead)) {
      for (let i = -2; i < runs; i++) {
        const b = await bare(command);
        const s = (await sandbox.exec(command)).durationMs;
        if (i < 0) continue;
        overhead[command]!.bare.push(b);
        overhead[command]!.sandboxed.push(s);
      }
    }
    await sandbox.destroy();
  } finally {
    await dispose();
  }
  printTable(`sandbox (local backend): ${runs} sequential runs after 3 warm-ups`, [
    { name: 'create', samples: rows.create },
    { name: 'first exec (`true`)', samples: rows.firstExec },
    { name: 'create + first exec', samples: rows.createAndExec },
  ]);
  printTable('20 concurrent creates, total wall time (5 rounds; destroy not timed)', [
    { name: '20 x create', samples: concurrent.create },
    { name: '20 x (create + first exec) incl. destroy', samples: concurrent.createAndExec },
  ]);
  printTable(`exec overhead: the same command bare vs in the sandbox (${runs} each, interleaved)`, [
    ...Object.entries(overhead).flatMap(([command, s]) => [
      { name: `bare: ${command}`, samples: s.bare },
      { name: `sandboxed: ${command}`, samples: s.sandboxed },
    ]),
  ]);
  for (const [command, s] of Object.entries(overhead)) {
    const p50 = (x: number[]) => percentile(x, 50);
    process.stdout.write(`ratio p50 sandboxed/bare for \`${command}\`: ${(p50(s.sandboxed) / p50(s.bare)).toFixed(1)}x (+${(p50(s.sandboxed) - p50(s.bare)).toFixed(1)} ms)\n`);
  }
}
