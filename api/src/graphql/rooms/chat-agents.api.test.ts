import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { agentTaskStateQuery, answerQuestionSignal, teamStatusQuery } from '../../../../contracts/messages';
import { RoomEventType } from '../../../../contracts/rooms';
import { workflowIds } from '../../../../contracts/workflow-ids';
import { RoomEventStream } from '../../../../core/rooms/room-event-stream';
import { Room, RoomMember, RoomMessage } from '../../../../core/rooms/room.entities';
import { User } from '../../../../core/user/user.entity';
import { testLocalBackend } from '../../../../test/fixtures/sandbox-backends';
import type { RecordedRequest, ScriptedReply } from '../../../../test/fakes/fake-vendor';
import { OpenAIFake } from '../../../../test/fakes/openai-fake';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { seedTeamRun } from '../../../../test/team-runs';

/**
 * `@reviewer` in a room while the project's team run has a reviewer at work: the question reaches that task
 * (messageAgentSignal, read before its next turn), the room notes it, and no assist task starts. The team is
 * driven by the OpenAI wire fake: a one-task plan whose reviewer asks a person a question and waits.
 */
const openai = new OpenAIFake();
let stack: Stack;
let local: ReturnType<typeof testLocalBackend>;
let roomEvents: RoomEventStream;

beforeAll(async () => {
  await openai.start();
  local = testLocalBackend({ execTimeoutMs: 120_000 });
  stack = await createStack({
    config: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.baseURL },
    sandboxBackend: local.backend,
    live: false,
  });
  await stack.startWorker();
  roomEvents = new RoomEventStream(stack.redis);
});
afterAll(async () => {
  roomEvents?.close();
  await stack?.dispose();
  await local?.dispose();
  await openai.close();
});

const usage = { inputTokens: 50, outputTokens: 10 };
const PLAN = {
  summary: 'Review the sum module',
  tasks: [
    {
      id: 'review',
      title: 'Review',
      type: 'review',
      description: 'review the code',
      priority: 1,
      dependencies: [],
      files: ['src/sum.js'],
      acceptanceCriteria: [],
    },
  ],
};

/** The architect plans one review; the reviewer asks a person first, then finishes. */
function reply(req: RecordedRequest): ScriptedReply {
  if (req.body.response_format) return { json: PLAN, usage };
  const messages = req.body.messages as { role: string; content: string | null }[];
  const answered = messages.some((m) => m.role === 'tool');
  return answered
    ? { toolCalls: [{ id: 'call_finish', name: 'finish', arguments: { summary: 'Reviewed', outcome: 'approved' } }], usage }
    : { toolCalls: [{ id: 'call_ask', name: 'ask_human', arguments: { question: 'Should I review the tests too?' } }], usage };
}

test('a question to a running reviewer reaches its task, with a note in the room and no assist task', async () => {
  openai.replyFor = reply;
  const run = await seedTeamRun(stack, { fakeRoles: ['architect', 'reviewer'], description: 'A sum module' });
  const build = await stack.temporal.workflow.start('projectBuildWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: run.workflowId,
    args: [{ projectId: run.projectId, runId: run.runId, team: { autoApprove: true, maxParallel: 1, maxTurns: 6 } }],
  });
  try {
    const task = await waitFor('the reviewer to be at work', async () => {
      const team = await build.query(teamStatusQuery).catch(() => null);
      return team?.tasks.find((t) => t.role === 'reviewer' && t.status === 'running' && t.workflowId);
    });
    const agent = stack.temporal.workflow.getHandle(task.workflowId!);
    await waitFor('the reviewer to ask its question', async () => (await agent.query(agentTaskStateQuery)).status === 'blocked');

    // A participant of the room who is not an editor of the project may still ask.
    const em = stack.db.orm.em.fork();
    const pia = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Pia' });
    const room = em.create(Room, { project: run.projectId, createdBy: run.ownerId, name: 'Build watch', status: 'active' });
    em.create(RoomMember, { room, user: run.ownerId, role: 'host' });
    em.create(RoomMember, { room, user: pia, role: 'participant' });
    await em.flush();
    const cursor = await roomEvents.cursor(room.id);
    const response = await stack.app.apollo.executeOperation(
      {
        query: 'mutation($i: SendRoomMessageInput!) { sendRoomMessage(input: $i) { id } }',
        variables: { i: { roomId: room.id, body: '@reviewer please also check src/sum.js:1' } },
      },
      { contextValue: stack.app.createContext(pia.id) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    const askedId = (response.body.singleResult.data!.sendRoomMessage as { id: string }).id;

    const note = await stack.db.orm.em.fork().findOneOrFail(RoomMessage, { replyTo: askedId });
    expect(note).toMatchObject({
      authorKind: 'system',
      agentRole: 'reviewer',
      body: expect.stringMatching(/^Sent to the running reviewer \(task review\)/),
    });
    const events = await roomEvents.read(room.id, cursor);
    expect(events.map((e) => [e.type, e.data!.id])).toEqual([
      [RoomEventType.MESSAGE_CREATED, askedId],
      [RoomEventType.MESSAGE_CREATED, note.id],
    ]);
    await expect(stack.temporal.workflow.getHandle(workflowIds.roomAgentReply(askedId)).describe()).rejects.toBeInstanceOf(
      WorkflowNotFoundError,
    );

    // The reviewer reads the room's question with the person's answer, before its next turn.
    await agent.signal(answerQuestionSignal, 'Yes, the tests too');
    await agent.result();
    const next = openai.requests.filter((r) => !r.body.response_format).at(-1)!;
    const userTexts = (next.body.messages as { role: string; content: string | null }[])
      .filter((m) => m.role === 'user')
      .map((m) => m.content);
    expect(userTexts).toContain(
      'Message from a person on the team: Pia asks in the coding room "Build watch": @reviewer please also check src/sum.js:1',
    );
  } finally {
    await build.terminate('test done').catch(() => undefined);
  }
});
