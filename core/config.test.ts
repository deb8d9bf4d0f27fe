import { ConfigError, loadConfig } from './config';

const valid = { DATABASE_URL: 'postgres://u@127.0.0.1:5432/atelier', REDIS_URL: 'redis://127.0.0.1:6379' };

it('applies defaults and builds the Temporal connection from the same env', () => {
  const config = loadConfig({ ...valid, TEMPORAL_ADDRESS: 'temporal.internal:7233', TEMPORAL_NAMESPACE: 'prod', TEMPORAL_API_KEY: 'k' });
  expect(config).toMatchObject({ PORT: 4000, HOST: '127.0.0.1', TEMPORAL_TASK_QUEUE: 'atelier-build', LOG_LEVEL: 'info' });
  expect(config.temporal).toEqual({ address: 'temporal.internal:7233', namespace: 'prod', tls: true, apiKey: 'k' });
  expect(loadConfig(valid).temporal).toEqual({ address: '127.0.0.1:7233', namespace: 'default', tls: undefined, apiKey: undefined });
});

it('lists every problem in one readable error', () => {
  let error: unknown;
  try {
    loadConfig({ DATABASE_URL: 'not a url', PORT: '99999', LOG_LEVEL: 'loud' });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const message = (error as ConfigError).message;
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'PORT', 'LOG_LEVEL']) expect(message).toContain(name);
});

it('says which certificate file it could not read', () => {
  expect(() => loadConfig({ ...valid, TEMPORAL_TLS_CERT: '/nonexistent/cert.pem' })).toThrow(/TEMPORAL_TLS_CERT: cannot read \/nonexistent\/cert.pem/);
});

it('takes extra allowed hosts as names or name:port, comma-separated, and refuses anything else', () => {
  expect(loadConfig({ ...valid, ATELIER_ALLOWED_HOSTS: 'ide.example.org, lan-box:8080,[fd00::2]:4000' }).ATELIER_ALLOWED_HOSTS).toBeDefined();
  expect(() => loadConfig({ ...valid, ATELIER_ALLOWED_HOSTS: 'https://ide.example.org/' })).toThrow(/ATELIER_ALLOWED_HOSTS must be host names/);
});

it('serves deployed apps on ATELIER_APPS_PORT (4002) and takes a wildcard ATELIER_APPS_ORIGIN of its own', () => {
  expect(loadConfig(valid).ATELIER_APPS_PORT).toBe(4002);
  expect(loadConfig({ ...valid, ATELIER_APPS_ORIGIN: 'https://*.apps.example.com' }).ATELIER_APPS_ORIGIN).toBe('https://*.apps.example.com');
  expect(() => loadConfig({ ...valid, ATELIER_APPS_ORIGIN: 'https://apps.example.com' })).toThrow(/ATELIER_APPS_ORIGIN must look like/);
  expect(() => loadConfig({ ...valid, ATELIER_APPS_ORIGIN: 'https://*.u.example.com', ATELIER_PREVIEW_ORIGIN: 'https://*.u.example.com/' })).toThrow(/origin of their own/);
});
