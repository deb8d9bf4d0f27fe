/**
 * POST /api/assist/complete over real HTTP with session cookies, the model behind it the OpenAI wire fake (the real
 * SDK): the answer and its cleanup, who may ask, bad input, the tier's completions:hourly window (apart from model
 * messages), completions off, and a closed request aborting the vendor's request without a usage row.
 */
import { ModelSettings } from '../../../../core/models/model-settings.entity';
import { DEFAULT_LIMITS, type LimitsConfig } from '../../../../core/limits/tiers';
import { Project } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { graphqlOver } from '../../../../test/graphql-http';
import { createStack, testLimits, waitFor, type Stack } from '../../../../test/harness';

type Account = { id: string; cookie: string };
const openai = new OpenAIFake();
let stack: Stack;
let base: string;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
let owner: Account;
let reader: Account;
let stranger: Account;

/** Free: three completions an hour, and a single model message (which completions must not spend). */
const limits: LimitsConfig = {
  ...testLimits,
  tiers: { ...DEFAULT_LIMITS.tiers, free: { ...DEFAULT_LIMITS.tiers.free, completionsPerHour: 3, messagesPerHour: 1 } },
};

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, limits, live: false });
  base = await stack.app.listen(0, '127.0.0.1');
  ({ signUp } = graphqlOver(base));
  owner = await signUp('Owner');
  reader = await signUp('Reader');
  stranger = await signUp('Stranger');
  await stack.db.orm.em.fork().nativeUpdate(User, { id: owner.id }, { tier: 'pro' });
});
afterAll(async () => {
  await stack?.dispose();
  await openai.close();
});
afterEach(() => openai.reset());

async function project(visibility: 'private' | 'public' = 'private', by: Account = owner, archived = false): Promise<string> {
  const em = stack.db.orm.em.fork();
  const created = em.create(Project, {
    owner: by.id,
    name: `P${Math.random().toString(36).slice(2, 10)}`,
    framework: 'express',
    visibility,
    archivedAt: archived ? new Date() : null,
  });
  await em.flush();
  return created.id;
}

const AROUND = { path: 'src/add.ts', prefix: 'export function add(a: number, b: number) {\n  return ', suffix: '\n}\n' };

function complete(user: Account | undefined, body: unknown, init: RequestInit = {}) {
  return fetch(`${base}/api/assist/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(user ? { cookie: user.cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });
}
const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string } }).error });
const completionRows = () =>
  stack.db.orm.em.fork().getConnection().execute<{ user_id: string; model: string }[]>(`select user_id, model from usage_logs where agent_role = 'completion'`);

it('answers the text to insert, asked of the completion chain as a short fill-in-the-middle, and meters it', async () => {
  const projectId = await project();
  openai.script({ text: '```ts\n  return a + b;\n```', usage: { inputTokens: 40, outputTokens: 6 } });
  const res = await complete(owner, { projectId, ...AROUND });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(await res.json()).toEqual({ text: 'a + b;', model: 'openai/gpt-4.1-mini' });
  const sent = openai.lastRequest.body;
  expect(sent).toMatchObject({ model: 'gpt-4.1-mini', max_completion_tokens: 64, temperature: 0.2 });
  const messages = sent.messages as { role: string; content: string }[];
  expect(messages.at(-1)!.content).toBe(`File src/add.ts (typescript):\n${AROUND.prefix}<CURSOR>${AROUND.suffix}`);
  expect(await completionRows()).toEqual([{ user_id: owner.id, model: 'openai/gpt-4.1-mini' }]);
});

it('lets only the project’s file editors ask', async () => {
  const mine = await project();
  const open = await project('public');
  const archived = await project('private', owner, true);
  expect(await errorOf(await complete(undefined, { projectId: mine, ...AROUND }))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  expect(await errorOf(await complete(stranger, { projectId: mine, ...AROUND }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  expect(await errorOf(await complete(reader, { projectId: open, ...AROUND }))).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  expect(await errorOf(await complete(owner, { projectId: archived, ...AROUND }))).toMatchObject({ status: 403, code: 'PROJECT_ARCHIVED' });
  expect(openai.requests).toHaveLength(0);
});

it('refuses bad input before any model call', async () => {
  const projectId = await project();
  const cases: [unknown, RequestInit, string][] = [
    [{ projectId: 'nope', ...AROUND }, {}, 'BAD_USER_INPUT'],
    [{ projectId, path: 'a.ts', prefix: 1, suffix: '' }, {}, 'BAD_USER_INPUT'],
    [{ projectId, ...AROUND, path: '../etc/passwd' }, {}, 'PATH_INVALID'],
    ['{"projectId": ', {}, 'BAD_USER_INPUT'],
    // A form post (text/plain) is what a cross-site page could send without a preflight.
    [JSON.stringify({ projectId, ...AROUND }), { headers: { 'content-type': 'text/plain', cookie: owner.cookie } }, 'BAD_USER_INPUT'],
  ];
  for (const [body, init, code] of cases) expect(await errorOf(await complete(owner, body, init))).toMatchObject({ status: 400, code });
  expect(await errorOf(await complete(owner, { projectId: '00000000-0000-4000-8000-000000000000', ...AROUND }))).toMatchObject({
    status: 404,
    code: 'NOT_FOUND',
  });
  expect(openai.requests).toHaveLength(0);
});

it('counts completions in their own hourly window, apart from model messages, then answers 429 with Retry-After', async () => {
  const free = await signUp('Freya');
  const projectId = await project('private', free);
  openai.defaultReply = { text: 'a + b;' };
  // Three completions, though the free tier here allows one model message an hour.
  for (let i = 0; i < 3; i++) expect((await complete(free, { projectId, ...AROUND })).status).toBe(200);
  const refused = await complete(free, { projectId, ...AROUND });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await errorOf(refused)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'completions:hourly', limit: 3 });
  expect(openai.requests).toHaveLength(3);
});

it('answers 503 MODEL_NOT_AVAILABLE with how to add a model when no model can complete', async () => {
  const projectId = await project();
  // Completions pinned to a vendor with no key here, and no local model: nothing can serve them.
  const em = stack.db.orm.em.fork();
  em.create(ModelSettings, { scope: 'project', scopeId: projectId, roleModels: { completion: ['google/gemini-2.5-flash'] } });
  await em.flush();
  const res = await complete(owner, { projectId, ...AROUND });
  expect(await errorOf(res)).toMatchObject({ status: 503, code: 'MODEL_NOT_AVAILABLE', message: expect.stringMatching(/^Completions are off: .*ATELIER_LOCAL_MODEL/) });
  expect(openai.requests).toHaveLength(0);
});

it('aborts the vendor’s request when the client closes its request, and bills nothing for it', async () => {
  const projectId = await project();
  const before = (await completionRows()).length;
  openai.script({ text: 'too late', delayMs: 60_000 });
  const client = new AbortController();
  const pending = complete(owner, { projectId, ...AROUND }, { signal: client.signal }).catch((error: unknown) => error);
  await waitFor('the vendor to receive the completion', async () => openai.requests.length === 1);
  client.abort();
  expect(await pending).toMatchObject({ name: 'AbortError' });
  const gone = await waitFor('the vendor to see its request closed', async () => openai.disconnected[0]);
  expect(gone).toBe(openai.requests[0]);
  // The next keystroke's completion is answered as usual, and only it is billed.
  openai.script({ text: 'a + b;' });
  expect((await complete(owner, { projectId, ...AROUND })).status).toBe(200);
  expect((await completionRows()).length).toBe(before + 1);
});
