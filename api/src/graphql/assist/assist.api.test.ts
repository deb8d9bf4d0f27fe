/**
 * Editor actions through GraphQL, answered by the OpenAI wire fake with scripted replies: each action's answer and
 * proposal, a fix verified in a real sandbox (a right fix passes, a wrong one fails), every refusal before a
 * workflow starts, the policy (a public project's reader may explain but not change; strangers nothing; nobody
 * but the asker reads, decides or cancels), decisions and cancellation.
 */
import { randomUUID } from 'node:crypto';
import { AssistEventType } from '../../../../contracts/assist';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { AssistEventStream } from '../../../../core/assist/assist-stream';
import { AssistRequest } from '../../../../core/assist/assist.entities';
import { UsageLog } from '../../../../core/models/usage-log.entity';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { codeOf, graphqlAs, type GraphqlAs } from '../../../../test/fixtures/graphql-kit';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import { createStack, type Stack } from '../../../../test/harness';

const openai = new OpenAIFake();
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let api: GraphqlAs;
let events: AssistEventStream;
let owner: string;
let reader: string;
let stranger: string;
let projectId: string;

const SUM = 'function sum(a, b) {\n  return a - b;\n}\n\nmodule.exports = { sum };\n';
const SUM_TEST = "const assert = require('node:assert');\nconst { sum } = require('../src/sum');\nassert.strictEqual(sum(1, 2), 3);\nconsole.log('ok');\n";
const FIXED = 'function sum(a, b) {\n  return a + b;\n}\n\nmodule.exports = { sum };\n';
const FIELDS = 'id status action path targetPath answer baseContent proposedContent editTool errorCode errorMessage model tokens verification { command passed exitCode output timedOut }';
const START = `mutation($i: StartAssistInput!) { startAssist(input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { assistRequest(id: $id) { ${FIELDS} } }`;
const DECIDE = 'mutation($id: ID!, $a: Boolean!) { decideAssist(id: $id, accept: $a) { id status decidedAt } }';
const CANCEL = 'mutation($id: ID!) { cancelAssist(id: $id) { id status } }';

type Row = { id: string; status: string; answer: string | null; proposedContent: string | null; editTool: string | null; targetPath: string; baseContent: string | null; errorCode: string | null; errorMessage: string | null; model: string | null; tokens: number | null; verification: { passed: boolean; exitCode: number; output: string; command: string } | null };

beforeAll(async () => {
  await openai.start();
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, sandboxBackend: local.backend, live: false });
  await stack.startWorker();
  api = graphqlAs(stack);
  events = new AssistEventStream(stack.redis);
  const em = stack.db.orm.em.fork();
  const user = (name: string) => em.create(User, { email: `${randomUUID()}@example.com`, displayName: name, tier: 'pro' });
  const [o, r, s] = [user('Olga'), user('Rui'), user('Sam')];
  const project = em.create(Project, { owner: o, name: `assist-${randomUUID().slice(0, 8)}`, framework: 'express', visibility: 'public' });
  const file = (path: string, content: string) => em.create(ProjectFile, { project, path, content, language: 'javascript', size: content.length });
  file('src/sum.js', SUM);
  file('test/sum.test.js', SUM_TEST);
  em.create(ProjectFile, { project, path: 'logo.png', content: '', language: 'plaintext', size: 3, binary: true, data: Buffer.from([0, 1, 2]) });
  await em.flush();
  [owner, reader, stranger, projectId] = [o.id, r.id, s.id, project.id];
});
afterAll(async () => {
  events?.close();
  await stack?.dispose();
  await local?.dispose();
  await openai.close();
});
beforeEach(() => openai.reset());

async function run(input: Record<string, unknown>, viewer = owner): Promise<Row> {
  const started = (await api.ok(START, { i: { projectId, ...input } }, viewer)).startAssist as Row;
  expect(started.status).toBe('running');
  await stack.temporal.workflow.getHandle(workflowIds.assist(started.id)).result();
  return (await api.ok(GET, { id: started.id }, viewer)).assistRequest as Row;
}
const refusal = async (input: Record<string, unknown>, viewer: string | null = owner) => {
  const before = await stack.db.orm.em.fork().count(AssistRequest, {});
  const result = await api.gql(START, { i: { projectId, ...input } }, viewer);
  // Refused before anything was stored or started.
  expect(await stack.db.orm.em.fork().count(AssistRequest, {})).toBe(before);
  return { code: codeOf(result), extensions: result.errors?.[0]?.extensions, message: result.errors?.[0]?.message };
};

describe('each action', () => {
  it('explain streams its answer on the request’s stream, stores it and meters the call once', async () => {
    openai.script({ text: 'It subtracts b from a, though its name says it adds.', usage: { inputTokens: 120, outputTokens: 14 }, chunkDelayMs: 5 });
    const row = await run({ action: 'explain', path: 'src/sum.js', selection: { startLine: 1, endLine: 3 } });
    expect(row).toMatchObject({ status: 'ready', answer: 'It subtracts b from a, though its name says it adds.', proposedContent: null, model: 'openai/gpt-4.1', tokens: 134 });
    const sent = openai.lastRequest.body;
    expect(sent.stream).toBe(true);
    expect(JSON.stringify(sent.messages)).toContain('return a - b;');
    const stream = await events.read(row.id);
    const deltas = stream.filter((e) => e.type === AssistEventType.DELTA);
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.at(-1)!.data!.text).toBe(row.answer);
    expect(stream.at(-1)).toMatchObject({ type: AssistEventType.READY, data: { status: 'ready' } });
    const usage = await stack.db.orm.em.fork().find(UsageLog, { callKey: { $like: `${workflowIds.assist(row.id)}/%` } });
    expect(usage.map((u) => [u.userId, u.agentRole, u.totalTokens])).toEqual([[owner, 'assist', 134]]);
  });

  it('refactor, docs and tests propose a whole new content of their target', async () => {
    openai.script({ text: 'Clearer:\n```js\nconst sum = (a, b) => a - b;\n```\nSame behaviour.' });
    const refactor = await run({ action: 'refactor', path: 'src/sum.js', selection: { startLine: 1, endLine: 3 }, instruction: 'use an arrow function' });
    expect(refactor).toMatchObject({ status: 'ready', editTool: 'fenced_block', baseContent: SUM, proposedContent: 'const sum = (a, b) => a - b;\n\nmodule.exports = { sum };\n' });
    expect(JSON.stringify(openai.lastRequest.body.messages)).toContain('use an arrow function');

    openai.script({ text: '<<<<<<< SEARCH\nfunction sum(a, b) {\n=======\n/** Adds two numbers. */\nfunction sum(a, b) {\n>>>>>>> REPLACE\n' });
    const docs = await run({ action: 'docs', path: 'src/sum.js' });
    expect(docs).toMatchObject({ status: 'ready', editTool: 'search_replace', proposedContent: `/** Adds two numbers. */\n${SUM}` });

    openai.script({ text: "```js\nconst { sum } = require('./sum');\ntest('adds', () => expect(sum(1, 2)).toBe(3));\n```" });
    const tests = await run({ action: 'tests', path: 'src/sum.js' });
    expect(tests).toMatchObject({ status: 'ready', targetPath: 'src/sum.test.js', baseContent: '', editTool: 'whole_file' });
    expect(tests.proposedContent).toContain("test('adds'");
  });

  it('new_file proposes the file from its description and refuses a taken path', async () => {
    openai.script({ text: '```js\nmodule.exports = (s) => s.split("").reverse().join("");\n```' });
    const created = await run({ action: 'new_file', path: 'src/reverse.js', instruction: 'reverse a string' });
    expect(created).toMatchObject({ status: 'ready', targetPath: 'src/reverse.js', baseContent: '', editTool: 'whole_file' });
    expect(JSON.stringify(openai.lastRequest.body.messages)).toContain('reverse a string');
    expect((await refusal({ action: 'new_file', path: 'src/sum.js', instruction: 'x' })).code).toBe('PATH_TAKEN');
  });

  it('fails a changing action whose answer holds no change, with ASSIST_NO_EDIT and a readable message', async () => {
    openai.script({ text: 'I would rather not.' });
    const row = await run({ action: 'refactor', path: 'src/sum.js' });
    expect(row).toMatchObject({ status: 'failed', errorCode: 'ASSIST_NO_EDIT', proposedContent: null });
    expect(row.errorMessage).toMatch(/no usable change/);
    expect((await events.read(row.id)).at(-1)).toMatchObject({ type: AssistEventType.FAILED, data: { code: 'ASSIST_NO_EDIT' } });
  });
});

describe('a fix, verified in a sandbox', () => {
  const fix = { action: 'fix', path: 'src/sum.js', fixSource: 'test', errorOutput: 'AssertionError: -1 !== 3', testCommand: 'node test/sum.test.js' };

  it('passes with a right fix and fails with a wrong one, keeping the command’s output', async () => {
    openai.script({ text: `\`\`\`js\n${FIXED}\`\`\`\nIt added instead of subtracting.` });
    const right = await run(fix);
    expect(right).toMatchObject({ status: 'ready', proposedContent: FIXED, verification: { command: 'node test/sum.test.js', passed: true, exitCode: 0 } });
    expect(right.verification!.output).toContain('ok');
    const stream = await events.read(right.id);
    expect(stream.map((e) => e.type).filter((t) => t !== AssistEventType.DELTA)).toEqual([AssistEventType.VERIFYING, AssistEventType.READY]);

    openai.script({ text: `\`\`\`js\n${SUM.replace('a - b', 'a * b')}\`\`\`` });
    const wrong = await run(fix);
    expect(wrong).toMatchObject({ status: 'ready', verification: { passed: false } });
    expect(wrong.verification!.output).toContain('AssertionError');
    // Neither touched the project's file, nor left a sandbox behind.
    expect((await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { project: projectId, path: 'src/sum.js' })).content).toBe(SUM);
    expect(await local.backend.list()).toEqual([]);
  });
});

describe('refusals before anything starts', () => {
  it.each([
    ['a reversed range', { action: 'explain', path: 'src/sum.js', selection: { startLine: 3, endLine: 1 } }, 'ASSIST_EMPTY_SELECTION'],
    ['blank lines', { action: 'refactor', path: 'src/sum.js', selection: { startLine: 4, endLine: 4 } }, 'ASSIST_EMPTY_SELECTION'],
    ['lines past the end', { action: 'explain', path: 'src/sum.js', selection: { startLine: 40, endLine: 50 } }, 'ASSIST_EMPTY_SELECTION'],
    ['an unknown action', { action: 'poem', path: 'src/sum.js' }, 'BAD_USER_INPUT'],
    ['a path out of the project', { action: 'explain', path: '../etc/passwd' }, 'BAD_USER_INPUT'],
    ['a fix without its error', { action: 'fix', path: 'src/sum.js' }, 'BAD_USER_INPUT'],
    ['a new file without a description', { action: 'new_file', path: 'src/x.js' }, 'BAD_USER_INPUT'],
    ['a too long instruction', { action: 'refactor', path: 'src/sum.js', instruction: 'x'.repeat(4_001) }, 'BAD_USER_INPUT'],
    ['a missing file', { action: 'explain', path: 'src/nope.js' }, 'NOT_FOUND'],
    ['a binary file', { action: 'explain', path: 'logo.png' }, 'FILE_BINARY'],
  ])('%s', async (_name, input, code) => {
    expect((await refusal(input)).code).toBe(code);
  });

  it('refuses a file larger than the model takes and says to select a part', async () => {
    const em = stack.db.orm.em.fork();
    const big = 'const x = 1;\n'.repeat(20_000);
    em.create(ProjectFile, { project: projectId, path: 'src/big.js', content: big, language: 'javascript', size: big.length });
    await em.flush();
    const whole = await refusal({ action: 'explain', path: 'src/big.js' });
    expect(whole).toMatchObject({ code: 'ASSIST_CONTEXT_TOO_LARGE', extensions: { model: 'openai/gpt-4.1', hasSelection: false } });
    expect(whole.extensions!.tokens as number).toBeGreaterThan(whole.extensions!.limit as number);
    expect(whole.message).toMatch(/select a part of the file/i);
    // A part of it fits.
    openai.script({ text: 'It sets x.' });
    expect((await run({ action: 'explain', path: 'src/big.js', selection: { startLine: 1, endLine: 10 } })).status).toBe('ready');
  });

  it('refuses when no model can serve editor actions, with the hint', async () => {
    const bare = await createStack({ live: false });
    try {
      const em = bare.db.orm.em.fork();
      const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Ada' });
      const project = em.create(Project, { owner: user, name: 'bare', framework: 'express' });
      em.create(ProjectFile, { project, path: 'a.js', content: 'x()\n', language: 'javascript', size: 4 });
      await em.flush();
      const result = await graphqlAs(bare).gql(START, { i: { projectId: project.id, action: 'explain', path: 'a.js' } }, user.id);
      expect(codeOf(result)).toBe('MODEL_NOT_AVAILABLE');
      expect(result.errors![0]!.message).toMatch(/ATELIER_LOCAL_MODEL/);
      const caps = await graphqlAs(bare).ok(`query($p: ID!) { assistCapabilities(projectId: $p) { actions { available model reason } } }`, { p: project.id }, user.id);
      expect(caps.assistCapabilities).toMatchObject({ actions: { available: false, model: null, reason: expect.stringMatching(/ATELIER_LOCAL_MODEL/) } });
    } finally {
      await bare.dispose();
    }
  });
});

describe('policy', () => {
  it('lets a public project’s reader explain but not change, and a stranger see nothing of it unless public', async () => {
    openai.script({ text: 'It subtracts.' });
    expect((await run({ action: 'explain', path: 'src/sum.js' }, reader)).status).toBe('ready');
    expect((await refusal({ action: 'refactor', path: 'src/sum.js' }, reader)).code).toBe('FORBIDDEN');
    expect((await refusal({ action: 'explain', path: 'src/sum.js' }, null)).code).toBe('UNAUTHENTICATED');
    const em = stack.db.orm.em.fork();
    const hidden = em.create(Project, { owner, name: `private-${randomUUID().slice(0, 8)}`, framework: 'express' });
    em.create(ProjectFile, { project: hidden, path: 'a.js', content: 'x()\n', language: 'javascript', size: 4 });
    await em.flush();
    const result = await api.gql(START, { i: { projectId: hidden.id, action: 'explain', path: 'a.js' } }, stranger);
    expect(codeOf(result)).toBe('NOT_FOUND');
    const caps = `query($p: ID!) { assistCapabilities(projectId: $p) { actions { available } completions { available reason } } }`;
    expect(codeOf(await api.gql(caps, { p: hidden.id }, stranger))).toBe('NOT_FOUND');
    expect((await api.ok(caps, { p: projectId }, reader)).assistCapabilities).toMatchObject({ actions: { available: true }, completions: { available: false } });
    expect((await api.ok(caps, { p: projectId }, owner)).assistCapabilities).toMatchObject({ actions: { available: true }, completions: { available: true } });
  });

  it('keeps a request its asker’s: others can neither read, list, decide nor cancel it', async () => {
    openai.script({ text: '```js\nconst sum = (a, b) => a + b;\n```' });
    const row = await run({ action: 'refactor', path: 'src/sum.js', selection: { startLine: 1, endLine: 3 } });
    expect((await api.ok(GET, { id: row.id }, reader)).assistRequest).toBeNull();
    const list = 'query($p: ID!) { assistRequests(projectId: $p) { id } }';
    expect(((await api.ok(list, { p: projectId }, reader)).assistRequests as { id: string }[]).map((r) => r.id)).not.toContain(row.id);
    expect(((await api.ok(list, { p: projectId }, owner)).assistRequests as { id: string }[])[0]!.id).toBe(row.id);
    expect(codeOf(await api.gql(DECIDE, { id: row.id, a: true }, reader))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(CANCEL, { id: row.id }, stranger))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(DECIDE, { id: 'not-a-uuid', a: true }, owner))).toBe('NOT_FOUND');
  });
});

describe('decisions and cancellation', () => {
  it('records one decision; a second is ASSIST_DECIDED', async () => {
    openai.script({ text: '```js\nconst sum = (a, b) => a + b;\n```' });
    const row = await run({ action: 'refactor', path: 'src/sum.js', selection: { startLine: 1, endLine: 3 } });
    expect((await api.ok(DECIDE, { id: row.id, a: true }, owner)).decideAssist).toMatchObject({ status: 'accepted', decidedAt: expect.any(String) });
    expect(codeOf(await api.gql(DECIDE, { id: row.id, a: false }, owner))).toBe('ASSIST_DECIDED');
    expect(codeOf(await api.gql(CANCEL, { id: row.id }, owner))).toBe('ASSIST_DECIDED');
  });

  it('cancels a running request: the row, the workflow and the stream end, once', async () => {
    openai.script({ text: 'slow answer', delayMs: 60_000 });
    const started = (await api.ok(START, { i: { projectId, action: 'explain', path: 'src/sum.js' } }, owner)).startAssist as Row;
    expect((await api.ok(CANCEL, { id: started.id }, owner)).cancelAssist).toEqual({ id: started.id, status: 'cancelled' });
    expect((await api.ok(CANCEL, { id: started.id }, owner)).cancelAssist).toEqual({ id: started.id, status: 'cancelled' });
    await expect(stack.temporal.workflow.getHandle(workflowIds.assist(started.id)).result()).rejects.toThrow();
    const ends = (await events.read(started.id)).filter((e) => e.type === AssistEventType.READY || e.type === AssistEventType.FAILED);
    expect(ends.map((e) => e.data)).toEqual([{ status: 'cancelled' }]);
    expect(((await api.ok(GET, { id: started.id }, owner)).assistRequest as Row).status).toBe('cancelled');
  });
});
