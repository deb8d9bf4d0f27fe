/** Starts embedded Postgres as the launcher would (an ESM package, so outside jest), prints its URL, stops on SIGTERM. */
import path from 'node:path';
import { postgresPassword } from '../local-secrets';
import { startEmbeddedPostgres } from '../services/postgres';

async function main(): Promise<void> {
  const dataDir = process.env.PROBE_DATA_DIR!;
  const clusterDir = path.join(dataDir, 'postgres');
  const secret = postgresPassword(dataDir, clusterDir);
  const server = await startEmbeddedPostgres({
    dataDir: clusterDir,
    ...secret,
    port: Number(process.env.PROBE_PORT),
    logDir: path.join(dataDir, 'logs'),
    echo: null,
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, password: secret.password })}\n`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
