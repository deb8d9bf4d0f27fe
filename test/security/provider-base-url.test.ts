import { randomUUID } from 'node:crypto';
import { OpenAIFake } from '../fakes/openai-fake';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, type Stack } from '../harness';
import { BaseUrlPolicy, isPublicAddress, type Resolver } from '../../core/keys/base-url-policy';
import { ProviderKey } from '../../core/keys/provider-key.entity';
import { ProviderKeyService } from '../../core/keys/provider-key.service';
import { SecretBox, parseKeyring } from '../../core/keys/secret-box';
import { TEST_MASTER_KEYS, ask } from '../fixtures/model-gateway';
import { ModelNotAvailableError } from '../../core/models/models.errors';
import { createModelLayer } from '../../core/models/model-layer';
import { ModelSettings } from '../../core/models/model-settings.entity';
import { Project } from '../../core/project/project.entity';

/**
 * Issue 11, item 6: a stored key's base URL cannot make the worker POST the key and the prompt to an internal
 * host. Host names resolve through an injected resolver (nothing here leaves the machine); a public answer is
 * a documentation-free public address that nothing ever connects to.
 */
const PUBLIC = '93.184.216.34';
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
let fake: OpenAIFake;
const box = new SecretBox(parseKeyring(TEST_MASTER_KEYS));

beforeAll(async () => {
  fake = await new OpenAIFake().start();
  fake.defaultReply = { text: 'hello from the fake', usage: { inputTokens: 3, outputTokens: 2 } };
  stack = await createStack({ masterKeys: TEST_MASTER_KEYS });
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(async () => {
  await stack?.dispose();
  await fake?.close();
});
beforeEach(() => fake.requests.splice(0));

const SET = 'mutation($p: String!, $k: String!, $b: String) { setProviderKey(provider: $p, key: $k, baseUrl: $b) { baseUrl } }';

test.each([
  'http://127.0.0.1:11434/v1',
  'https://127.0.0.1/v1',
  'https://10.0.0.1/v1',
  'https://[::1]/v1',
  'https://[fd00::1]/v1',
  'https://[::ffff:127.0.0.1]/v1',
  'https://169.254.169.254/latest',
  'https://100.64.0.1/v1',
  'https://192.168.1.10/v1',
  'https://0x7f.1/v1',
  'https://x?y=1',
  'https://api.example.com/v1#frag',
  'http://api.example.com/v1',
])('storing a key with base URL %s is refused with BAD_USER_INPUT on baseUrl', async (baseUrl) => {
  const user = await signUp(`U${randomUUID().slice(0, 8)}`);
  const reply = await gql(user.cookie, SET, { p: 'openai-compatible', k: 'sk-user-key-000001', b: baseUrl });
  expect(reply.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseUrl' });
  expect(await stack.db.orm.em.fork().count(ProviderKey, { user: user.id })).toBe(0);
});

test('address classification', () => {
  for (const ip of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12::1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::7f00:1',
  ])
    expect([ip, isPublicAddress(ip)]).toEqual([ip, false]);
  for (const ip of [PUBLIC, '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) expect([ip, isPublicAddress(ip)]).toEqual([ip, true]);
});

/** A user with a personal project whose coder calls `openai-compatible/local-test`. */
async function caller(): Promise<{ userId: string; projectId: string }> {
  const user = await signUp(`C${randomUUID().slice(0, 8)}`);
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: user.id, name: `p-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: { coder: ['openai-compatible/local-test'] } });
  await em.flush();
  return { userId: user.id, projectId: project.id };
}

function layer(env: Record<string, string> = {}, resolve?: Resolver) {
  return createModelLayer({
    env: { OPENAI_COMPATIBLE_MODELS: 'local-test', ATELIER_MODEL_TIMEOUT_MS: 5_000, ...env },
    orm: stack.db.orm,
    redis: stack.redis,
    box,
    resolve,
  });
}
const callOf = (ids: { userId: string; projectId: string }) => ({
  callKey: `test/${randomUUID()}`,
  ...ids,
  role: 'coder' as const,
  request: ask('Say hello'),
});

test('a host that resolves to a public address when stored and to 127.0.0.1 when called is refused at connect time', async () => {
  const answers = [[PUBLIC], ['127.0.0.1']];
  const resolver: Resolver = async (host) =>
    (host === 'rebind.example' ? (answers.shift() ?? ['127.0.0.1']) : []).map((address) => ({ address, family: 4 as const }));
  const models = layer({}, resolver);
  const ids = await caller();
  await new ProviderKeyService(stack.db.orm.em.fork(), box, models.baseUrls).set(ids.userId, {
    provider: 'openai-compatible',
    key: 'sk-rebind-key-000001',
    baseUrl: `https://rebind.example:${new URL(fake.url).port}/v1`,
  });
  const refused = await models.gateway.call(callOf(ids)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ModelNotAvailableError);
  expect((refused as Error).message).toMatch(/base URL is not allowed.*127\.0\.0\.1/);
  expect(fake.requests).toHaveLength(0);
});

test('a loopback base URL stored before these rules (or written to the table) is refused when called', async () => {
  const ids = await caller();
  const em = stack.db.orm.em.fork();
  await new ProviderKeyService(em, box, new BaseUrlPolicy({ allowHosts: ['127.0.0.1'] })).set(ids.userId, {
    provider: 'openai-compatible',
    key: 'sk-legacy-key-000001',
    baseUrl: fake.baseURL,
  });
  const refused = await layer()
    .gateway.call(callOf(ids))
    .catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ModelNotAvailableError);
  expect(fake.requests).toHaveLength(0);
});

test('the admin allow-list lets a loopback base URL through, connecting to the checked address with the Host kept', async () => {
  const resolver: Resolver = async (host) => (host === 'ollama.lan' ? [{ address: '127.0.0.1', family: 4 }] : []);
  const models = layer({ ATELIER_PROVIDER_HOST_ALLOWLIST: '127.0.0.1, ollama.lan' }, resolver);
  const ids = await caller();
  const keys = new ProviderKeyService(stack.db.orm.em.fork(), box, models.baseUrls);
  await keys.set(ids.userId, { provider: 'openai-compatible', key: 'sk-allowed-key-000001', baseUrl: fake.baseURL });
  expect((await models.gateway.call(callOf(ids))).response.text).toBe('hello from the fake');
  expect(fake.lastRequest.headers.authorization).toBe('Bearer sk-allowed-key-000001');

  const port = new URL(fake.url).port;
  await keys.set(ids.userId, { provider: 'openai-compatible', key: 'sk-allowed-key-000002', baseUrl: `http://ollama.lan:${port}/v1` });
  models.credentials.forget(ids.userId);
  expect((await models.gateway.call(callOf(ids))).response.text).toBe('hello from the fake');
  expect(fake.lastRequest.headers).toMatchObject({ host: `ollama.lan:${port}`, authorization: 'Bearer sk-allowed-key-000002' });
  // Streamed replies come through the pinned fetch too.
  const deltas: string[] = [];
  await models.gateway.call({ ...callOf(ids), onDelta: (text) => deltas.push(text) });
  expect(deltas.join('')).toBe('hello from the fake');
  expect(fake.lastRequest.body.stream).toBe(true);
});

test('a platform-configured local server (Ollama style) still works without any allow-list', async () => {
  const ids = await caller();
  const models = layer({ OPENAI_COMPATIBLE_BASE_URL: fake.baseURL });
  expect((await models.gateway.call(callOf(ids))).response.text).toBe('hello from the fake');
  expect(fake.requests).toHaveLength(1);
});
