/**
 * The project chat through GraphQL with a real worker, the model behind it the OpenAI wire fake: an answer that
 * reads the project with its tools, streams on the reply's own stream and ends with the spots it cites; tools it
 * may not use; the last round without tools; failures; who may ask and read; bad input; the thread and clearing it.
 */
import { randomUUID } from 'node:crypto';
import { ASSIST_LIMITS, AssistEventType } from '../../../../contracts/assist';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { AssistEventStream } from '../../../../core/assist/assist-stream';
import { AssistChatMessage } from '../../../../core/assist/assist.entities';
import { ModelSettings } from '../../../../core/models/model-settings.entity';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { Room, RoomMember } from '../../../../core/rooms/room.entities';
import { User } from '../../../../core/user/user.entity';
import type { AssistChatResult } from '../../../../workflows/assist-chat.workflow';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { codeOf, graphqlAs, type GraphqlAs } from '../../../../test/fixtures/graphql-kit';
import { createStack, type Stack } from '../../../../test/harness';

const openai = new OpenAIFake();
let stack: Stack;
let api: GraphqlAs;
let streams: AssistEventStream;

const SUM = 'function sum(a, b) {\n  return a + b;\n}\nmodule.exports = sum;\n';
const ASK = `mutation($p: ID!, $m: String!, $r: ID) { askAssist(projectId: $p, message: $m, roomId: $r) {
  question { id role content status } reply { id role content status citations { path line endLine } } } }`;
const THREAD = 'query($p: ID!, $b: ID, $l: Int) { assistChat(projectId: $p, before: $b, limit: $l) { id role content status citations { path line endLine } model errorCode } }';
const CLEAR = 'mutation($p: ID!) { clearAssistChat(projectId: $p) }';

beforeAll(async () => {
  await openai.start();
  stack = await createStack({ config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL }, live: false });
  await stack.startWorker();
  api = graphqlAs(stack);
  streams = new AssistEventStream(stack.redis);
});
afterAll(async () => {
  streams?.close();
  await stack?.dispose();
  await openai.close();
});
afterEach(() => openai.reset());

async function seed(visibility: 'private' | 'public' = 'private') {
  const em = stack.db.orm.em.fork();
  const owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner', tier: 'pro' });
  const project = em.create(Project, { owner, name: `chat-${randomUUID().slice(0, 8)}`, framework: 'express', visibility });
  em.create(ProjectFile, { project, path: 'src/sum.js', content: SUM, language: 'javascript', size: SUM.length });
  em.create(ProjectFile, { project, path: 'README.md', content: '# Sums\n', language: 'markdown', size: 7 });
  await em.flush();
  return { ownerId: owner.id, projectId: project.id };
}

async function user(name: string): Promise<string> {
  const em = stack.db.orm.em.fork();
  const created = em.create(User, { email: `${randomUUID()}@example.com`, displayName: name });
  await em.flush();
  return created.id;
}

type Turn = { question: { id: string }; reply: { id: string; status: string } };
async function ask(viewerId: string, projectId: string, message: string, roomId?: string): Promise<Turn> {
  return (await api.ok(ASK, { p: projectId, m: message, r: roomId ?? null }, viewerId)).askAssist as Turn;
}
const answered = (replyId: string) =>
  stack.temporal.workflow.getHandle<() => Promise<AssistChatResult>>(workflowIds.assistChat(replyId)).result();
const row = (id: string) => stack.db.orm.em.fork().findOneOrFail(AssistChatMessage, { id });

it('reads the project with its tools, streams the answer on the reply’s stream and stores it with its citations', async () => {
  const { ownerId, projectId } = await seed();
  openai.script(
    { toolCalls: [{ id: 'call_read', name: 'read_file', arguments: { path: 'src/sum.js' } }], usage: { inputTokens: 90, outputTokens: 12 } },
    { text: 'It adds two numbers: see src/sum.js:1-3 (and not lib/gone.js:4).', usage: { inputTokens: 150, outputTokens: 20 } },
  );
  const turn = await ask(ownerId, projectId, 'What does sum do?');
  expect(turn.reply).toMatchObject({ status: 'streaming', citations: [] });
  expect(await answered(turn.reply.id)).toEqual({ status: 'complete', toolCalls: 1 });

  const reply = await row(turn.reply.id);
  expect(reply).toMatchObject({
    status: 'complete',
    content: 'It adds two numbers: see src/sum.js:1-3 (and not lib/gone.js:4).',
    citations: [{ path: 'src/sum.js', line: 1, endLine: 3 }],
    model: 'openai/gpt-4.1',
  });
  const [first, second] = openai.requests.map((r) => r.body);
  expect(first).toMatchObject({ model: 'gpt-4.1' });
  expect((first!.tools as { function: { name: string } }[]).map((t) => t.function.name).sort()).toEqual(['list_files', 'read_file', 'search']);
  const system = (first!.messages as { role: string; content: string }[])[0]!;
  expect(system.content).toMatch(/path:line/);
  expect(system.content).toContain('src/sum.js');
  const toolResult = (second!.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
  expect(toolResult.content).toBe('1| function sum(a, b) {\n2|   return a + b;\n3| }\n4| module.exports = sum;\n');

  const events = await streams.read(turn.reply.id);
  expect(events[0]).toMatchObject({ type: AssistEventType.TOOL, data: { tool: 'read_file', args: { path: 'src/sum.js' } } });
  expect(events.filter((e) => e.type === AssistEventType.DELTA).at(-1)!.data).toMatchObject({ text: reply.content });
  expect(events.at(-1)).toMatchObject({ type: AssistEventType.READY, data: { status: 'complete' } });
  const usage = await stack.db.orm.em
    .fork()
    .getConnection()
    .execute<{ agent_role: string; user_id: string }[]>('select agent_role, user_id from usage_logs where project_id = ?', [projectId]);
  expect(usage).toEqual([
    { agent_role: 'chat', user_id: ownerId },
    { agent_role: 'chat', user_id: ownerId },
  ]);
  // Nothing about the asker's chat reaches the project's stream, which every member reads.
  expect((await stack.events.read(projectId)).filter((e) => e.type.startsWith('model.') || e.type.startsWith('file.'))).toEqual([]);
});

it('refuses tools that change or run things, and offers no tool in the last round', async () => {
  const { ownerId, projectId } = await seed();
  const write = { toolCalls: [{ name: 'write_file', arguments: { path: 'src/sum.js', content: 'gone' } }] };
  const search = { toolCalls: [{ name: 'search', arguments: { query: 'a + b' } }] };
  openai.script(write, ...Array.from({ length: ASSIST_LIMITS.chatToolRounds - 2 }, () => search), { text: 'It sums, at src/sum.js:2.' });
  const turn = await ask(ownerId, projectId, 'Rewrite sum');
  expect(await answered(turn.reply.id)).toEqual({ status: 'complete', toolCalls: ASSIST_LIMITS.chatToolRounds - 1 });
  const bodies = openai.requests.map((r) => r.body);
  expect(bodies).toHaveLength(ASSIST_LIMITS.chatToolRounds);
  const refused = (bodies[1]!.messages as { role: string; content: string }[]).find((m) => m.role === 'tool')!;
  expect(refused.content).toBe('Error: write_file is not available here: the chat can only list_files, read_file and search');
  const found = (bodies[2]!.messages as { role: string; content: string }[]).filter((m) => m.role === 'tool').at(-1)!;
  expect(found.content).toBe('src/sum.js:2: return a + b;');
  expect(bodies.slice(0, -1).every((b) => b.tool_choice === undefined)).toBe(true);
  expect(bodies.at(-1)!.tool_choice).toBe('none');
  const file = await stack.db.orm.em.fork().findOneOrFail(ProjectFile, { project: projectId, path: 'src/sum.js' });
  expect(file.content).toBe(SUM);
  expect((await row(turn.reply.id)).citations).toEqual([{ path: 'src/sum.js', line: 2 }]);
});

it('fails the reply with the code and a readable reason when the model refuses', async () => {
  const { ownerId, projectId } = await seed();
  openai.script({ error: { status: 400, message: 'bad request' } });
  const turn = await ask(ownerId, projectId, 'Why?');
  expect(await answered(turn.reply.id)).toEqual({ status: 'failed', toolCalls: 0 });
  expect(await row(turn.reply.id)).toMatchObject({ status: 'failed', errorCode: 'PROVIDER_ERROR', content: 'No answer: the model refused the request.' });
  expect((await streams.read(turn.reply.id)).at(-1)).toMatchObject({
    type: AssistEventType.FAILED,
    data: { code: 'PROVIDER_ERROR', message: 'No answer: the model refused the request.' },
  });
});

it('keeps each person’s thread their own, oldest first, pages back and clears it', async () => {
  const { ownerId, projectId } = await seed('public');
  const reader = await user('Reader');
  openai.defaultReply = { text: 'An answer.' };
  const first = await ask(ownerId, projectId, 'One?');
  await answered(first.reply.id);
  const second = await ask(ownerId, projectId, 'Two?');
  await answered(second.reply.id);
  // A reader of a public project may ask too; their thread is apart.
  const theirs = await ask(reader, projectId, 'Mine?');
  await answered(theirs.reply.id);

  const thread = (await api.ok(THREAD, { p: projectId }, ownerId)).assistChat as { id: string; role: string; content: string; model: string | null }[];
  expect(thread.map((m) => [m.role, m.content])).toEqual([
    ['user', 'One?'],
    ['assistant', 'An answer.'],
    ['user', 'Two?'],
    ['assistant', 'An answer.'],
  ]);
  expect(thread[1]!.model).toBe('openai/gpt-4.1');
  const older = (await api.ok(THREAD, { p: projectId, b: second.question.id, l: 1 }, ownerId)).assistChat as { id: string }[];
  expect(older.map((m) => m.id)).toEqual([first.reply.id]);
  // The second question was sent with the first turn as history.
  const history = (openai.requests[1]!.body.messages as { role: string; content: string }[]).slice(1).map((m) => [m.role, m.content]);
  expect(history).toEqual([
    ['user', 'One?'],
    ['assistant', 'An answer.'],
    ['user', 'Two?'],
  ]);
  // Someone else's message id pages nothing of theirs.
  expect(codeOf(await api.gql(THREAD, { p: projectId, b: first.question.id }, reader))).toBe('NOT_FOUND');
  expect(((await api.ok(THREAD, { p: projectId }, reader)).assistChat as unknown[]).length).toBe(2);

  expect((await api.ok(CLEAR, { p: projectId }, ownerId)).clearAssistChat).toBe(true);
  expect((await api.ok(THREAD, { p: projectId }, ownerId)).assistChat).toEqual([]);
  expect(((await api.ok(THREAD, { p: projectId }, reader)).assistChat as unknown[]).length).toBe(2);
});

it('asks from a room only of that room’s project, as someone inside it', async () => {
  const { ownerId, projectId } = await seed();
  const other = await seed();
  const participant = await user('Pia');
  const outsider = await user('Olaf');
  const em = stack.db.orm.em.fork();
  const room = em.create(Room, { project: projectId, createdBy: ownerId, name: 'Pairing', status: 'active' });
  em.create(RoomMember, { room, user: ownerId, role: 'host' });
  em.create(RoomMember, { room, user: participant, role: 'participant' });
  await em.flush();
  openai.defaultReply = { text: 'From the room.' };

  // Inside the room, its participant reads the (private) project and may ask about it.
  const turn = await ask(participant, projectId, 'What is here?', room.id);
  await answered(turn.reply.id);
  expect(await row(turn.question.id)).toMatchObject({ roomId: room.id, role: 'user' });
  expect(codeOf(await api.gql(ASK, { p: other.projectId, m: 'x', r: room.id }, other.ownerId))).toBe('ROOM_NOT_FOUND');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: 'x', r: 'not-a-uuid' }, ownerId))).toBe('ROOM_NOT_FOUND');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: 'x', r: room.id }, outsider))).toBe('NOT_FOUND');
});

it('refuses at once: strangers, anonymous callers, empty or long questions, and no model for chat', async () => {
  const { ownerId, projectId } = await seed();
  const stranger = await user('Stranger');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: 'Hi' }, stranger))).toBe('NOT_FOUND');
  expect(codeOf(await api.gql(THREAD, { p: projectId }, stranger))).toBe('NOT_FOUND');
  expect(codeOf(await api.gql(CLEAR, { p: projectId }, stranger))).toBe('NOT_FOUND');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: 'Hi' }, null))).toBe('UNAUTHENTICATED');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: '   ' }, ownerId))).toBe('BAD_USER_INPUT');
  expect(codeOf(await api.gql(ASK, { p: projectId, m: 'x'.repeat(ASSIST_LIMITS.chatMessageMax + 1) }, ownerId))).toBe('BAD_USER_INPUT');

  const em = stack.db.orm.em.fork();
  em.create(ModelSettings, { scope: 'project', scopeId: projectId, roleModels: { chat: ['google/gemini-2.5-flash'] } });
  await em.flush();
  const off = await api.gql(ASK, { p: projectId, m: 'Hi' }, ownerId);
  expect(off.errors![0]!.extensions).toMatchObject({ code: 'MODEL_NOT_AVAILABLE', reason: expect.stringContaining('ATELIER_LOCAL_MODEL') });
  expect(await stack.db.orm.em.fork().count(AssistChatMessage, { project: projectId })).toBe(0);
  expect(openai.requests).toHaveLength(0);
});
