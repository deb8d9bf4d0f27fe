import { CircuitBreaker } from './circuit-breaker';
import { costOf } from './cost';
import { buildCatalog } from './catalog';
import { ask, call, gatewayWorld, type GatewayWorld } from '../../test/fixtures/model-gateway';
import { BudgetExceededError, ModelFallbackFailedError, ModelNotAvailableError, ProviderRequestError } from './models.errors';
import { ProviderKeyService } from '../keys/provider-key.service';
import { SecretBox, parseKeyring } from '../keys/secret-box';
import { TEST_MASTER_KEYS } from '../../test/fixtures/model-gateway';
import { DEFAULT_LIMITS } from '../limits/tiers';

let world: GatewayWorld;
beforeAll(async () => {
  world = await gatewayWorld();
});
afterAll(() => world.dispose());

const GPT = 'openai/gpt-4.1';
const SONNET = 'anthropic/claude-sonnet-4-6';
const usage = { inputTokens: 1200, outputTokens: 300 };

beforeEach(async () => {
  world.openai.reset();
  world.anthropic.reset();
  await world.redis.del(CircuitBreaker.key(GPT), CircuitBreaker.key(SONNET));
});

async function seedWithChain(chain: string[] = [GPT, SONNET], tier = 'free') {
  const ids = await world.seed(tier);
  await world.setProject(ids.projectId, { roleModels: { coder: chain } });
  return ids;
}

describe('model gateway', () => {
  test('a 500 from the first model falls back to the next; the row records the serving model, its cost and the fallback', async () => {
    const ids = await seedWithChain();
    world.openai.script({ error: { status: 500 } });
    world.anthropic.script({ text: 'Hello from Claude', usage });
    const result = await world.layer().gateway.call(call(ids));
    expect(result).toMatchObject({ model: SONNET, provider: 'anthropic', fallbackFrom: GPT, replayed: false, offline: false });
    expect(result.attempts).toEqual([{ model: GPT, outcome: 'server' }]);
    expect(result.response.text).toBe('Hello from Claude');
    const [row] = await world.rows({ project_id: ids.projectId });
    const pricing = buildCatalog().find((m) => m.id === SONNET)!.pricing;
    const expected = costOf(usage, pricing);
    expect(row).toMatchObject({
      model: SONNET,
      fallback_from: GPT,
      prompt_tokens: 1200,
      completion_tokens: 300,
      total_tokens: 1500,
      agent_role: 'coder',
      run_id: ids.runId,
    });
    expect(BigInt(row!.cost_usd_nanos as string)).toBe(expected.usdNanos);
    expect(BigInt(row!.cost_inr_nanos as string)).toBe(expected.inrNanos);
    expect(result.costUsd).toBeCloseTo(0.0036 + 0.0045, 9);
  });

  test('rate limits on every model give MODEL_FALLBACK_FAILED carrying the shortest retry-after', async () => {
    const ids = await seedWithChain();
    world.openai.script({ error: { status: 429, retryAfter: '7' } });
    world.anthropic.script({ error: { status: 529, retryAfter: '3' } });
    const error = await world
      .layer()
      .gateway.call(call(ids))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFallbackFailedError);
    expect((error as ModelFallbackFailedError).attempts.map((a) => a.outcome)).toEqual(['rate_limited', 'overloaded']);
    expect((error as ModelFallbackFailedError).retryAfterMs).toBe(3000);
    expect(await world.rows({ project_id: ids.projectId })).toHaveLength(0);
  });

  test('a refused key fails fast with MODEL_NOT_AVAILABLE and a rejected request with PROVIDER_ERROR, without trying the fallback', async () => {
    const ids = await seedWithChain();
    world.openai.script({ error: { status: 401 } }, { error: { status: 400 } });
    await expect(world.layer().gateway.call(call(ids))).rejects.toBeInstanceOf(ModelNotAvailableError);
    await expect(world.layer().gateway.call(call(ids))).rejects.toBeInstanceOf(ProviderRequestError);
    expect(world.anthropic.requests).toHaveLength(0);
  });

  test('the breaker opens after repeated failures, the chain skips the model, and a half-open probe closes it again', async () => {
    const ids = await seedWithChain();
    const { gateway } = world.layer();
    world.openai.defaultReply = { error: { status: 503 } };
    world.anthropic.defaultReply = { text: 'fallback', usage };
    for (let i = 0; i < 3; i++) expect((await gateway.call(call(ids))).model).toBe(SONNET);
    expect(world.openai.requests).toHaveLength(3);
    const skipped = await gateway.call(call(ids));
    expect(skipped.attempts).toEqual([expect.objectContaining({ model: GPT, outcome: 'circuit_open' })]);
    expect(world.openai.requests).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    world.openai.defaultReply = { text: 'recovered', usage };
    const probe = await gateway.call(call(ids));
    expect(probe).toMatchObject({ model: GPT, fallbackFrom: null });
    expect(await world.layer().breaker.state(GPT)).toBe('closed');
  });

  test('the same call key is metered once: a retry returns the recorded reply without a second vendor call, even concurrently', async () => {
    const ids = await seedWithChain();
    const { gateway } = world.layer();
    world.openai.defaultReply = { text: 'only once', usage, delayMs: 50 };
    const first = call(ids);
    const [a, b] = await Promise.all([gateway.call(first), gateway.call(first)]);
    const again = await gateway.call(first);
    expect(again).toMatchObject({ replayed: true, model: GPT });
    expect([a.response.text, b.response.text, again.response.text]).toEqual(['only once', 'only once', 'only once']);
    expect(await world.rows({ call_key: first.callKey })).toHaveLength(1);
    // The concurrent twin may have reached the vendor, but only one reply is billed and both callers see it.
    expect(world.openai.requests.length).toBeLessThanOrEqual(2);
    expect(a.costUsd).toBe(again.costUsd);
  });

  test('a run budget stops a looping caller with BUDGET_EXCEEDED before the vendor is called', async () => {
    const ids = await seedWithChain();
    await world.setProject(ids.projectId, { runTokenBudget: 4000 });
    const { gateway } = world.layer();
    world.openai.defaultReply = { text: 'again', usage };
    let calls = 0;
    let refusal: unknown;
    while (calls < 20) {
      try {
        await gateway.call(call(ids));
        calls++;
      } catch (error) {
        refusal = error;
        break;
      }
    }
    expect(calls).toBe(3); // 1500 tokens each: 0, 1500, 3000 are under 4000; 4500 is not
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    expect(refusal).toMatchObject({ scope: 'run', measure: 'tokens', used: 4500, limit: 4000, code: 'BUDGET_EXCEEDED' });
    expect(world.openai.requests).toHaveLength(3);
    // Another run of the same project has its own run budget.
    await expect(gateway.call(call({ ...ids, runId: crypto.randomUUID() }))).resolves.toMatchObject({ model: GPT });
  });

  test("a user's own stored key is used for that user's calls; other users get the platform key", async () => {
    const owner = await seedWithChain([GPT]);
    const other = await seedWithChain([GPT]);
    const keys = new ProviderKeyService(world.orm.em.fork(), new SecretBox(parseKeyring(TEST_MASTER_KEYS)));
    await keys.set(owner.userId, { provider: 'openai', key: 'sk-users-own-key-1234' });
    world.openai.defaultReply = { text: 'ok', usage };
    const { gateway } = world.layer();
    await gateway.call(call(owner));
    await gateway.call(call(other));
    expect(world.openai.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer sk-users-own-key-1234',
      'Bearer sk-platform-openai',
    ]);
  });

  test("each call counts against the tier's message window; a used-up window refuses with RATE_LIMIT_EXCEEDED", async () => {
    const ids = await seedWithChain();
    const limits = {
      ...DEFAULT_LIMITS,
      gracePercent: 0,
      tiers: { ...DEFAULT_LIMITS.tiers, free: { ...DEFAULT_LIMITS.tiers.free, messagesPerHour: 2 } },
    };
    const { gateway } = world.layer({}, undefined, limits);
    world.openai.defaultReply = { text: 'ok', usage };
    await gateway.call(call(ids));
    const second = call(ids);
    await gateway.call(second);
    await expect(gateway.call(call(ids))).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'messages:hourly', limit: 2 });
    // A replayed call is not a new message.
    await expect(gateway.call(second)).resolves.toMatchObject({ replayed: true });
    expect(world.openai.requests).toHaveLength(2);
  });

  test('with no vendor key anywhere the offline provider answers, labelled offline and free', async () => {
    const ids = await world.seed();
    const { gateway } = world.layer({ OPENAI_API_KEY: undefined, ANTHROPIC_API_KEY: undefined });
    const result = await gateway.call({ ...call(ids, 'documentation'), request: ask('A todo REST API in Express with tests') });
    expect(result).toMatchObject({ model: 'offline/blueprint', provider: 'offline', offline: true, costUsd: 0, costInr: 0 });
    expect(result.response.usage.totalTokens).toBeGreaterThan(0);
    expect(world.openai.requests).toHaveLength(0);
  });
});
