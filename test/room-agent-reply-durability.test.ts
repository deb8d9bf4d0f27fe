/**
 * roomAgentReplyWorkflow survives its worker (its own OS process) being SIGKILLed while agents answer @mentions.
 * The offline model answers within 100–250 ms of a start, too fast for a kill after all the starts to find a run
 * under way, so the questions come in waves (one per kill, two unless ROOM_REPLY_KILLS says more): a wave's
 * questions are sent STAGGER_MS apart through the API, and the worker is SIGKILLed a random 0–300 ms after the
 * wave's first run started. The kills land on runs queued for a dead or still cold worker, inside createAgentReply
 * (before or after its row and MESSAGE_CREATED), inside callModel (streaming, or its usage row written but not
 * reported), inside completeAgentReply, between two steps, or after the run ended (each kill's stages are printed
 * and named in failures). New workers finish every answer exactly once: one agent message, complete with the
 * offline model's text; one MESSAGE_CREATED and one final MESSAGE_UPDATED on the room's stream; one usage row per
 * answer, counted once in the project's total.
 */
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import type { WorkflowHandle } from '@temporalio/client';
import { replyContext } from '../activities/rooms/agent-reply-context';
import type { AgentRole } from '../contracts/roles';
import { RoomEventType } from '../contracts/rooms';
import { workflowIds } from '../contracts/workflow-ids';
import { OFFLINE_MODEL, OfflineProvider } from '../core/models/providers/offline.provider';
import { UsageLog } from '../core/models/usage-log.entity';
import { Project, ProjectFile } from '../core/project/project.entity';
import { questionText } from '../core/rooms/chat-view';
import { RoomEventStream } from '../core/rooms/room-event-stream';
import { Room, RoomMember, RoomMessage } from '../core/rooms/room.entities';
import { User } from '../core/user/user.entity';
import { agentReplyRequest } from '../workflows/room-agent-reply.prompt';
import type { RoomAgentReplyResult } from '../workflows/room-agent-reply.workflow';
import { useWorkerProcesses } from './worker-process';

const env = useWorkerProcesses('room-agent-reply');
/** One kill per wave. More kills cost little time: the waits for the killed attempts' timeouts overlap. */
const WAVES = Number(process.env.ROOM_REPLY_KILLS ?? 2);
const PER_WAVE = 6;
/** Well under one answer's time, so a kill finds several of the wave's runs at different steps. */
const STAGGER_MS = 40;
const KILL_WITHIN_MS = 300;
const SEND = 'mutation($i: SendRoomMessageInput!) { sendRoomMessage(input: $i) { id refs { path line } } }';
const APP =
  "const express = require('express');\nconst app = express();\napp.get('/todos', (req, res) => res.json([]));\nmodule.exports = app;\n";
const ROLES: AgentRole[] = ['reviewer', 'debugger'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Asked {
  id: string;
  role: AgentRole;
  body: string;
  refs: { path: string; line: number }[];
}

/** Where a run stood when its worker died, read from its history (the worker is dead, so it holds still). */
async function stageOf(handle: WorkflowHandle): Promise<string> {
  const events = (await handle.fetchHistory()).events ?? [];
  if (events.some((e) => e.workflowExecutionCompletedEventAttributes)) return 'done';
  const scheduled = events.flatMap((e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? []);
  const completed = events.filter((e) => e.activityTaskCompletedEventAttributes).length;
  if (!scheduled.length) return 'before its first step';
  return `${scheduled.length > completed ? 'in' : 'after'} ${scheduled[scheduled.length - 1]}`;
}

it(`answers every question exactly once though the worker is SIGKILLed ${WAVES} times while agents answer`, async () => {
  const { stack } = env;
  const em = stack.db.orm.em.fork();
  const owner = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Owner', tier: 'pro' });
  const asker = em.create(User, { email: `${randomUUID()}@example.com`, displayName: 'Asker', tier: 'pro' });
  const project = em.create(Project, { owner, name: `reply-dur-${randomUUID().slice(0, 8)}`, framework: 'express' });
  em.create(ProjectFile, { project, path: 'src/app.js', content: APP, language: 'javascript', size: APP.length });
  const room = em.create(Room, { project, createdBy: owner, name: 'Review corner', status: 'active' });
  em.create(RoomMember, { room, user: owner, role: 'host' });
  em.create(RoomMember, { room, user: asker, role: 'participant' });
  await em.flush();
  const roomEvents = new RoomEventStream(stack.redis);

  // Through the API, as a person asks: the message is stored and published, and the answer's workflow started.
  const ask = async (n: number): Promise<Asked> => {
    const role = ROLES[n % ROLES.length]!;
    const body = `@${role} question ${n}: is src/app.js:${1 + (n % 4)} right?`;
    const response = await stack.app.apollo.executeOperation(
      { query: SEND, variables: { i: { roomId: room.id, body } } },
      { contextValue: stack.app.createContext(asker.id) },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
    const sent = response.body.singleResult.data!.sendRoomMessage as { id: string; refs: Asked['refs'] };
    return { id: sent.id, role, body, refs: sent.refs };
  };
  const handleOf = (q: Asked) => stack.temporal.workflow.getHandle<() => Promise<RoomAgentReplyResult>>(workflowIds.roomAgentReply(q.id));

  let worker: ChildProcess = await env.start();
  const asked: Asked[] = [];
  const atKills: string[] = [];
  for (let wave = 0; wave < WAVES; wave++) {
    // The new worker first takes up what the last kill left (queued runs; timed-out attempts come back later).
    await sleep(1_000);
    // The wave's clock starts once its first run exists (a send returns when its workflow has started).
    const first = await ask(wave * PER_WAVE);
    const rest = Promise.all(
      Array.from({ length: PER_WAVE - 1 }, (_, i) => sleep((i + 1) * STAGGER_MS).then(() => ask(wave * PER_WAVE + i + 1))),
    );
    const killAfter = Math.floor(Math.random() * KILL_WITHIN_MS);
    await sleep(killAfter);
    await env.kill(worker);
    const inWave = [first, ...(await rest)];
    asked.push(...inWave);
    const stages = await Promise.all(inWave.map((q) => stageOf(handleOf(q))));
    atKills.push(`kill ${wave + 1} at +${killAfter} ms: ${stages.map((s, i) => `q${wave * PER_WAVE + i} ${s}`).join(', ')}`);
    worker = await env.start();
  }
  const what = atKills.join('; ');
  console.log(`room-agent-reply durability: ${what}`);

  const results = await Promise.all(asked.map((q) => handleOf(q).result()));
  const check = stack.db.orm.em.fork();
  const events = await roomEvents.read(room.id);
  roomEvents.close();
  const provider = new OfflineProvider();
  for (const [i, q] of asked.entries()) {
    const request = agentReplyRequest(q.role, questionText({ body: q.body, snippet: null }), await replyContext(check, project.id, q.refs));
    const expected = (await provider.generate({ ...request, model: OFFLINE_MODEL, agentRole: q.role })).text.trim();
    const replies = await check.find(RoomMessage, { replyTo: q.id });
    expect({ what, q: i, replies: replies.map((r) => [r.authorKind, r.agentRole, r.status, r.body]) }).toEqual({
      what,
      q: i,
      replies: [['agent', q.role, 'complete', expected]],
    });
    expect(results[i]).toEqual({ replyId: replies[0]!.id, status: 'complete' });
    const mine = events.filter((e) => e.data?.id === replies[0]!.id);
    expect({ what, q: i, events: mine.map((e) => [e.type, e.data!.status]) }).toEqual({
      what,
      q: i,
      events: [
        [RoomEventType.MESSAGE_CREATED, 'streaming'],
        [RoomEventType.MESSAGE_UPDATED, 'complete'],
      ],
    });
    const usage = await check.find(UsageLog, { callKey: { $like: `${workflowIds.roomAgentReply(q.id)}/%` } });
    expect({ what, q: i, usage: usage.map((u) => [u.userId, u.agentRole, u.provider]) }).toEqual({
      what,
      q: i,
      usage: [[asker.id, q.role, 'offline']],
    });
  }
  expect(await check.count(RoomMessage, { room: room.id, authorKind: 'agent' })).toBe(asked.length);
  // The project's running total moved once per call: a replayed call that also added to it would show here.
  const [sums] = await check.getConnection().execute<{ logged: string; total: string | null }[]>(
    `select (select coalesce(sum(total_tokens), 0) from usage_logs where project_id = ?)::text as logged,
     (select tokens from usage_totals where scope = 'project' and scope_id = ?)::text as total`,
    [project.id, project.id],
  );
  expect(Number(sums!.logged)).toBeGreaterThan(0);
  expect(sums!.total).toBe(sums!.logged);
}, 300_000);
