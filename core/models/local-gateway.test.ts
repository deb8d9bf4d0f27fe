/**
 * The gateway with the real local GGUF model (SmolLM2 135M, fetched by jest's global setup): without a vendor
 * key, chat and editor actions go to it while agent roles stay on the offline blueprints; with a key it comes
 * last in the assist chains. Checks routing and metering, not what the model says.
 */
import { randomUUID } from 'node:crypto';
import { testEnv } from '../../test/services';
import { gatewayWorld, type GatewayWorld } from '../../test/fixtures/model-gateway';
import { localModelOf, type LocalModelFile } from './local-model';
import type { ModelLayer } from './model-layer';
import { NO_ASSIST_MODEL_HINT } from './model-gateway';

jest.setTimeout(600_000);

let world: GatewayWorld;
let local: LocalModelFile;
const layers: ModelLayer[] = [];
const noKeys = { OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined };

beforeAll(async () => {
  world = await gatewayWorld();
  local = (await localModelOf({ ATELIER_LOCAL_MODEL: testEnv().localModel }, '/nonexistent'))!;
});
afterAll(async () => {
  await Promise.all(layers.map((l) => l.local?.close()));
  await world?.dispose();
});

const layerOf = (env: Record<string, string | number | undefined>, withLocal: boolean) => {
  // The fixture's 5 s vendor timeout also bounds local calls; loading and generating on a busy machine take longer.
  const layer = world.layer({ ...env, ATELIER_LOCAL_MODEL_THREADS: 2, ATELIER_MODEL_TIMEOUT_MS: 600_000 }, undefined, undefined, withLocal ? local : null);
  layers.push(layer);
  return layer;
};

const short = (text: string) => ({
  messages: [
    { role: 'system' as const, content: 'You are a helpful assistant.' },
    { role: 'user' as const, content: text },
  ],
  maxOutputTokens: 8,
  temperature: 0,
});

test('no vendor key: chat and assist go to the local model, streamed and metered at no cost; agent roles stay offline', async () => {
  const { gateway } = layerOf(noKeys, true);
  const ids = await world.seed();
  for (const purpose of ['chat', 'assist', 'completion'] as const) {
    const availability = await gateway.availability(ids, purpose);
    expect(availability).toEqual({ models: [expect.objectContaining({ id: local.id, provider: 'local' })], reason: null });
  }
  const deltas: string[] = [];
  const chat = await gateway.call({
    callKey: `test/${randomUUID()}`,
    ...ids,
    role: 'chat',
    request: short('Say hello.'),
    onDelta: (text) => deltas.push(text),
  });
  expect(chat).toMatchObject({ model: local.id, provider: 'local', offline: false, costUsd: 0, fallbackFrom: null });
  expect(deltas.join('')).toBe(chat.response.text);
  expect(chat.response.usage.outputTokens).toBeGreaterThan(0);
  const assist = await gateway.call({ callKey: `test/${randomUUID()}`, ...ids, role: 'assist', request: short('Explain x = 1.') });
  expect(assist.model).toBe(local.id);
  const coder = await gateway.call({ callKey: `test/${randomUUID()}`, ...ids, role: 'coder', request: short('Build a todo app.') });
  expect(coder).toMatchObject({ provider: 'offline', offline: true });

  const rows = await world.rows({ user_id: ids.userId });
  expect(rows.map((r) => [r.agent_role, r.model])).toEqual([
    ['chat', local.id],
    ['assist', local.id],
    ['coder', 'offline/blueprint'],
  ]);
  const chatRow = rows[0]!;
  expect(Number(chatRow.prompt_tokens)).toBe(chat.response.usage.inputTokens);
  expect(Number(chatRow.completion_tokens)).toBe(chat.response.usage.outputTokens);
  expect(String(chatRow.cost_usd_nanos)).toBe('0');
});

test('with a vendor key the local model comes last in the assist chains; agent roles never use it', async () => {
  const { gateway } = layerOf({}, true);
  const ids = await world.seed();
  const chat = await gateway.availability(ids, 'chat');
  expect(chat.models.length).toBeGreaterThan(1);
  expect(chat.models[0]!.provider).not.toBe('local');
  expect(chat.models.at(-1)!.id).toBe(local.id);
  const coder = await gateway.availability(ids, 'coder');
  expect(coder.models.map((m) => m.provider)).not.toContain('local');
});

test('no vendor key and no local model: assist purposes are unavailable with the hint', async () => {
  const { gateway } = layerOf(noKeys, false);
  const ids = await world.seed();
  await expect(gateway.availability(ids, 'chat')).resolves.toEqual({ models: [], reason: NO_ASSIST_MODEL_HINT });
});
