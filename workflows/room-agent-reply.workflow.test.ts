import { randomUUID } from 'node:crypto';
import { RoomEventType } from '../contracts/rooms';
import { workflowIds } from '../contracts/workflow-ids';
import { replyContext } from '../activities/rooms/agent-reply-context';
import type { ActivityDeps } from '../activities/deps';
import { createRoomChatActivities } from '../activities/rooms/room-chat.activities';
import { ModelSettings } from '../core/models/model-settings.entity';
import { OFFLINE_MODEL, OfflineProvider } from '../core/models/providers/offline.provider';
import { UsageLog } from '../core/models/usage-log.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { questionText } from '../core/rooms/chat-view';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import { Room, RoomMember, RoomMessage } from '../core/rooms/room.entities';
import { User } from '../core/user/user.entity';
import { createStack, type Stack } from '../test/harness';
import { agentReplyRequest } from './room-agent-reply.prompt';
import type { RoomAgentReplyResult } from './room-agent-reply.workflow';

/**
 * roomAgentReplyWorkflow under a real worker with the offline model: an @reviewer question sent through the API
 * gets an agent message that streams (MESSAGE_STREAM) and completes with the model's text, charged to the asker.
 */
let stack: Stack;
let roomEvents: RoomEventStream;

beforeAll(async () => {
  stack = await createStack({ live: false });
  await stack.startWorker();
  roomEvents = new RoomEventStream(stack.redis);
});
afterAll(async () => {
  roomEvents?.close();
  await stack?.dispose();
});

const SEND = 'mutation($i: SendRoomMessageInput!) { sendRoomMessage(input: $i) { id refs { path line } } }';
const APP =
  "const express = require('express');\nconst app = express();\napp.get('/todos', (req, res) => res.json([]));\nmodule.exports = app;\n";

/** A project with a file, its room, and a participant who asks. */
async function seed(settings?: Partial<ModelSettings>) {
  const em = stack.db.orm.em.fork();
  const owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner', tier: 'pro' });
  const asker = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Asker', tier: 'pro' });
  const project = em.create(Project, {
    owner,
    name: `reply-${randomUUID().slice(0, 8)}`,
    framework: 'express',
    description: 'A todo REST API in Express with tests',
  });
  em.create(ProjectFile, { project, path: 'src/app.js', content: APP, language: 'javascript', size: APP.length });
  if (settings) em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: {}, ...settings });
  const room = em.create(Room, { project, createdBy: owner, name: 'Review corner', status: 'active' });
  em.create(RoomMember, { room, user: owner, role: 'host' });
  em.create(RoomMember, { room, user: asker, role: 'participant' });
  await em.flush();
  return { roomId: room.id, askerId: asker.id, projectId: project.id };
}

async function ask(roomId: string, askerId: string, body: string) {
  const response = await stack.app.apollo.executeOperation(
    { query: SEND, variables: { i: { roomId, body } } },
    { contextValue: stack.app.createContext(askerId) },
  );
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  const sent = response.body.singleResult.data!.sendRoomMessage as { id: string; refs: { path: string; line: number }[] };
  const result = (await stack.temporal.workflow.getHandle(workflowIds.roomAgentReply(sent.id)).result()) as RoomAgentReplyResult;
  return { sent, result };
}

test('an @reviewer question gets a streamed answer with the offline model’s text, charged to the asker on the room’s project', async () => {
  const { roomId, askerId, projectId } = await seed();
  const cursor = await roomEvents.cursor(roomId);
  const body = '@reviewer is the todo route in src/app.js:3 right?';
  const { sent, result } = await ask(roomId, askerId, body);
  expect(result).toMatchObject({ status: 'complete', replyId: expect.any(String) });

  // What the offline model answers to the same request, read from the same question and files.
  const context = await replyContext(stack.db.orm.em.fork(), projectId, sent.refs);
  expect(context).toContain("3| app.get('/todos'");
  const request = agentReplyRequest('reviewer', questionText({ body, snippet: null }), context);
  const expected = (await new OfflineProvider().generate({ ...request, model: OFFLINE_MODEL, agentRole: 'reviewer' })).text;
  expect(expected).toMatch(/reviewer/);

  const reply = await stack.db.orm.em.fork().findOneOrFail(RoomMessage, { id: result.replyId! });
  expect(reply).toMatchObject({ authorKind: 'agent', agentRole: 'reviewer', replyTo: sent.id, status: 'complete', body: expected });

  const events = (await roomEvents.read(roomId, cursor)).filter((e) => e.data?.id === reply.id || e.data?.messageId === reply.id);
  const streams = events.filter((e) => e.type === RoomEventType.MESSAGE_STREAM);
  expect(events[0]).toMatchObject({
    type: RoomEventType.MESSAGE_CREATED,
    data: { authorName: 'The reviewer', status: 'streaming', body: '', replyTo: sent.id },
  });
  expect(streams.length).toBeGreaterThanOrEqual(1);
  // Each stream event carries the whole text so far: every one a prefix of the next, the last the whole answer.
  const texts = streams.map((e) => e.data!.text as string);
  texts.forEach((text, i) => expect((texts[i + 1] ?? expected).startsWith(text)).toBe(true));
  expect(texts[texts.length - 1]).toBe(expected);
  expect(events[events.length - 1]).toMatchObject({
    type: RoomEventType.MESSAGE_UPDATED,
    data: { id: reply.id, status: 'complete', body: expected },
  });

  const usage = await stack.db.orm.em.fork().find(UsageLog, { projectId });
  expect(usage.map((u) => [u.userId, u.agentRole, u.provider])).toEqual([[askerId, 'reviewer', 'offline']]);
});

test('with the project’s budget spent, the answer fails with a reason the room can read', async () => {
  const { roomId, askerId } = await seed({ tokenBudget: 0 });
  const cursor = await roomEvents.cursor(roomId);
  const { result } = await ask(roomId, askerId, '@debugger why do the tests fail?');
  expect(result.status).toBe('failed');
  const reply = await stack.db.orm.em.fork().findOneOrFail(RoomMessage, { id: result.replyId! });
  expect(reply).toMatchObject({ agentRole: 'debugger', status: 'failed', body: 'The debugger could not answer: the budget is spent.' });
  const events = (await roomEvents.read(roomId, cursor)).filter((e) => e.data?.id === reply.id || e.data?.messageId === reply.id);
  expect(events.map((e) => [e.type, e.data!.status])).toEqual([
    [RoomEventType.MESSAGE_CREATED, 'streaming'],
    [RoomEventType.MESSAGE_UPDATED, 'failed'],
  ]);
});

test('a repeated start for the same question answers once', async () => {
  const { roomId, askerId, projectId } = await seed();
  const { sent, result } = await ask(roomId, askerId, '@reviewer anything to change?');
  // The API's retry, or a second worker: the workflow id is the question's, and the activities find the answer made.
  const again = await stack.temporal.workflow.execute('roomAgentReplyWorkflow', {
    taskQueue: stack.taskQueue,
    workflowId: `${workflowIds.roomAgentReply(sent.id)}:again`,
    args: [{ roomId, questionId: sent.id, role: 'reviewer', userId: askerId, projectId }],
  });
  expect(again).toEqual({ replyId: result.replyId, status: 'skipped' });
  expect(await stack.db.orm.em.fork().count(RoomMessage, { replyTo: sent.id })).toBe(1);
});

test('two attempts of createAgentReply at once (one outliving its timeout) leave one answer: the loser fails and its retry finds it', async () => {
  const { roomId, askerId } = await seed();
  const em = stack.db.orm.em.fork();
  const question = em.create(RoomMessage, { room: em.getReference(Room, roomId), author: em.getReference(User, askerId), authorKind: 'user', body: '@debugger why?' });
  await em.flush();
  const activities = createRoomChatActivities({ orm: stack.db.orm, roomEvents } as unknown as ActivityDeps);
  const input = { roomId, questionId: question.id, role: 'debugger' };
  const attempts = await Promise.allSettled([activities.createAgentReply(input), activities.createAgentReply(input)]);
  expect(await stack.db.orm.em.fork().count(RoomMessage, { replyTo: question.id, authorKind: 'agent' })).toBe(1);
  const retried = await activities.createAgentReply(input);
  const made = attempts.filter((a) => a.status === 'fulfilled').map((a) => (a as PromiseFulfilledResult<{ replyId: string | null }>).value.replyId);
  expect(made.length).toBeGreaterThan(0);
  for (const id of made) expect(id).toBe(retried.replyId);
});
