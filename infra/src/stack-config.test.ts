import path from 'node:path';
import { StackError } from './errors';
import { loadStackConfig, repoRoot } from './stack-config';

describe('loadStackConfig', () => {
  it('defaults to the documented ports and folders', () => {
    expect(loadStackConfig({})).toEqual({
      dataDir: path.join(repoRoot, '.data'),
      toolsDir: path.join(repoRoot, '.tools'),
      host: '127.0.0.1',
      apiPort: 4000,
      previewPort: 4001,
      appsPort: 4002,
      temporalPort: 7233,
      temporalUiPort: 8233,
      temporalNamespace: 'default',
      postgresPort: 5433,
      redisPort: 6380,
      liveblocksPort: 1153,
      logLevel: 'info',
    });
  });

  it('takes overrides from env and resolves relative folders against the repo', () => {
    const c = loadStackConfig({ ATELIER_DATA_DIR: 'tmp/d', PORT: '4100', ATELIER_REDIS_PORT: '7000', ATELIER_TEMPORAL_PORT: '' });
    expect(c.dataDir).toBe(path.join(repoRoot, 'tmp/d'));
    expect(c.apiPort).toBe(4100);
    expect(c.redisPort).toBe(7000);
    expect(c.temporalPort).toBe(7233);
  });

  it('names every invalid variable in one readable error', () => {
    let error: unknown;
    try {
      loadStackConfig({ PORT: 'http', ATELIER_POSTGRES_PORT: '70000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(StackError);
    expect((error as Error).message).toContain('PORT: PORT must be a port number');
    expect((error as Error).message).toContain('ATELIER_POSTGRES_PORT: ATELIER_POSTGRES_PORT must be between 1 and 65535');
  });
});
