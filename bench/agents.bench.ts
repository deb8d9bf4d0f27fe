/**
 * `npm run bench -- agents [steps] [tasks]`: the agent team's orchestration cost, with an instant fake model
 * (the OpenAI wire fake) and no sandbox, so what is measured is Temporal, the activities, PostgreSQL and Redis.
 *  1. Per agent step: one runAgentTask doing `steps` write_file turns, timed between consecutive model requests
 *     (a step = model turn activity + tool activity + two workflow tasks). Aim: p50 under 30 ms.
 *  2. A `tasks`-task DAG (default 30, fan-out in layers of 5) through the coordinator: wall time, events per second.
 * Baseline in the same run: a bare HTTP round trip to the same fake through the OpenAI SDK.
 */
import { randomUUID } from 'node:crypto';
import type { History } from '@temporalio/common/lib/proto-utils';
import { MockActivityEnvironment, defaultActivityInfo } from '@temporalio/testing';
import OpenAI from 'openai';
import pino from 'pino';
import { createActivities } from '../activities';
import { ModelSettings } from '../core/models/model-settings.entity';
import { AGENT_ROLES } from '../core/models/model-types';
import { Project, ProjectRun } from '../core/project/project.entity';
import { workflowIds } from '../contracts/workflow-ids';
import { User } from '../core/user/user.entity';
import { OpenAIFake } from '../test/fakes/openai-fake';
import type { RecordedRequest, ScriptedReply } from '../test/fakes/fake-vendor';
import { createStack, type Stack } from '../test/harness';
import { printTable } from './stats';

const usage = { inputTokens: 10, outputTokens: 5 };
const finish: ScriptedReply = {
  toolCalls: [{ id: 'call_finish', name: 'finish', arguments: { summary: 'done', outcome: 'done' } }],
  usage,
};

async function seed(stack: Stack, description: string) {
  const em = stack.db.orm.em.fork();
  const user = em.create(User, { email: `${randomUUID()}@bench.example`, displayName: 'Bench', tier: 'enterprise' });
  const project = em.create(Project, {
    owner: user,
    name: `bench-${randomUUID().slice(0, 8)}`,
    framework: 'express',
    description,
    buildMode: 'team',
    autoApprovePlan: true,
  });
  const run = em.create(ProjectRun, { project, workflowId: workflowIds.projectBuild(project.id) });
  const everyone = ['openai/gpt-4.1'];
  const roles = Object.fromEntries(
    AGENT_ROLES.map((r) => [
      r,
      everyone,
    ]),
  );
  em.create(ModelSettings, { scope: 'project', scopeId: project.id, roleModels: roles });
  await em.flush();
  return { userId: user.id, projectId: project.id, runId: run.id, workflowId: run.workflowId };
}

function plan(tasks: number) {
  return {
    summary: 'bench',
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `t${i}`,
      title: `Task ${i}`,
      type: i % 3 === 0 ? 'implement' : i % 3 === 1 ? 'test' : 'docs',
      description: 'bench task',
      priority: 1 + (i % 5),
      dependencies: i >= 5 ? [`t${i - 5}`] : [],
      files: [`src/f${i}.js`],
      acceptanceCriteria: [],
    })),
  };
}

type HistoryEvent = NonNullable<History['events']>[number];
/** temporal.api.enums.v1.EventType values this bench reads. */
const EVENT = { workflowTaskStarted: 6, workflowTaskCompleted: 7, activityStarted: 11, activityCompleted: 12 } as const;

/**
 * Where one step's time goes, from the server's event times: the model-turn activity itself, the hop from its
 * completion to the next workflow task, that workflow task (which runs the file tool as a local activity), and
 * the hop from its completion to the next activity's start.
 */
function stepSegments(events: HistoryEvent[]) {
  const ms = (e: HistoryEvent) => Number(e.eventTime!.seconds) * 1000 + Math.floor((e.eventTime!.nanos ?? 0) / 1e6);
  const out = { activity: [] as number[], dispatch: [] as number[], workflowTask: [] as number[], schedule: [] as number[] };
  let activityDone: number | null = null;
  let taskStarted: number | null = null;
  let taskDone: number | null = null;
  for (const e of events) {
    if (e.eventType === EVENT.activityStarted) {
      if (taskDone !== null) out.schedule.push(ms(e) - taskDone);
      taskDone = null;
    } else if (e.eventType === EVENT.activityCompleted) {
      const started = events.find((s) => s.eventId?.toString() === e.activityTaskCompletedEventAttributes?.startedEventId?.toString());
      if (started) out.activity.push(ms(e) - ms(started));
      activityDone = ms(e);
    } else if (e.eventType === EVENT.workflowTaskStarted) {
      if (activityDone !== null) out.dispatch.push(ms(e) - activityDone);
      activityDone = null;
      taskStarted = ms(e);
    } else if (e.eventType === EVENT.workflowTaskCompleted && taskStarted !== null) {
      out.workflowTask.push(ms(e) - taskStarted);
      taskDone = ms(e);
      taskStarted = null;
    }
  }
  return out;
}

export async function run(args: string[]): Promise<void> {
  const steps = Number(args[0] ?? 40);
  const tasks = Number(args[1] ?? 30);
  const fake = await new OpenAIFake().start();
  const stack = await createStack({ config: { OPENAI_API_KEY: 'sk-bench', OPENAI_BASE_URL: fake.baseURL } });
  const { stop } = await stack.startWorker();
  try {
    // Baseline: the SDK alone against the same fake.
    const sdk = new OpenAI({ apiKey: 'sk-bench', baseURL: fake.baseURL, maxRetries: 0 });
    fake.defaultReply = { text: 'ok', usage };
    const bare: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now();
      await sdk.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }] });
      if (i >= 10) bare.push(performance.now() - t0);
    }

    // 1. One agent, `steps` write_file turns then finish.
    for (let warm = 0; warm < 2; warm++) {
      const ids = await seed(stack, 'bench');
      fake.reset();
      let turn = 0;
      fake.replyFor = () =>
        turn++ < steps
          ? {
              toolCalls: [
                { id: `call_${turn}`, name: 'write_file', arguments: { path: `src/f${turn}.js`, content: `export const n = ${turn};\n` } },
              ],
              usage,
            }
          : finish;
      const task = {
        id: 'bench',
        title: 'Bench',
        type: 'implement',
        description: '',
        priority: 1,
        dependencies: [],
        files: [],
        acceptanceCriteria: [],
      };
      const handle = await stack.temporal.workflow.start('runAgentTask', {
        taskQueue: stack.taskQueue,
        workflowId: `bench-agent-${randomUUID()}`,
        args: [{ ...ids, role: 'backend', task, projectDescription: 'bench', maxTurns: steps + 5 }],
      });
      await handle.result();
      if (warm === 0) continue;
      const at = fake.requests.map((r: RecordedRequest) => r.at);
      const intervals = at.slice(1).map((t, i) => t - at[i]!);
      const split = stepSegments((await handle.fetchHistory()).events ?? []);
      printTable(`agents: one agent, ${steps} steps (model turn + write_file), instant fake model, no sandbox`, [
        { name: 'agent step (request → next request)', samples: intervals },
        { name: '  model-turn activity (gateway + fake)', samples: split.activity },
        { name: '  activity done → workflow task started', samples: split.dispatch },
        { name: '  workflow task (file-tool local activity)', samples: split.workflowTask },
        { name: '  workflow task done → next activity', samples: split.schedule },
        { name: 'baseline: bare SDK call to the fake', samples: bare },
      ]);
    }

    // 1b. The same two activities called directly (no Temporal), to split what is ours from the server's hops.
    {
      const ids = await seed(stack, 'bench direct');
      const activities = createActivities({
        orm: stack.db.orm,
        events: stack.events,
        logger: pino({ level: 'silent' }),
        scaffoldFileDelayMs: 0,
        models: stack.models.gateway,
      });
      fake.reset();
      fake.defaultReply = { toolCalls: [{ id: 'call_w', name: 'write_file', arguments: { path: 'src/x.js', content: 'x' } }], usage };
      const direct = { model: [] as number[], file: [] as number[] };
      for (let i = 0; i < 60; i++) {
        const env = new MockActivityEnvironment({
          ...defaultActivityInfo,
          activityId: String(i),
          workflowExecution: { workflowId: `bench-direct-${ids.runId}`, runId: 'r' },
        });
        let t0 = performance.now();
        await env.run(activities.callModel, {
          userId: ids.userId,
          projectId: ids.projectId,
          runId: ids.runId,
          role: 'backend' as const,
          toolNames: ['write_file' as const, 'finish' as const],
          request: { messages: [{ role: 'user' as const, content: 'go' }], toolChoice: 'auto' as const },
          stream: true,
        });
        if (i >= 10) direct.model.push(performance.now() - t0);
        t0 = performance.now();
        const call = { id: `call_${i}`, name: 'write_file', arguments: { path: `src/d${i}.js`, content: `export const n = ${i};\n` } };
        await env.run(activities.runAgentFileTool, { ref: { projectId: ids.projectId, runId: ids.runId, taskId: 'direct', role: 'backend' }, call });
        if (i >= 10) direct.file.push(performance.now() - t0);
      }
      printTable('agents: the step\'s activities called directly (no Temporal)', [
        { name: 'callModel (gateway, usage row, stream events)', samples: direct.model },
        { name: 'runAgentFileTool write_file (file, base, event)', samples: direct.file },
        { name: 'baseline: bare SDK call to the fake', samples: bare },
      ]);
    }

    // 2. A DAG through the coordinator.
    const ids = await seed(stack, 'bench DAG');
    fake.reset();
    fake.replyFor = (req) => (req.body.response_format ? { json: plan(tasks), usage } : finish);
    const t0 = performance.now();
    await stack.temporal.workflow.execute('projectBuildWorkflow', {
      taskQueue: stack.taskQueue,
      workflowId: ids.workflowId,
      args: [{ projectId: ids.projectId, runId: ids.runId, team: { autoApprove: true, maxParallel: 4, maxTurns: 5 } }],
    });
    const wall = performance.now() - t0;
    const events = (await stack.events.read(ids.projectId, null, 100_000)).length;
    process.stdout.write(
      `\nagents: ${tasks}-task DAG (layers of 5, 4 in parallel), instant fake model, no sandbox\n` +
        `wall time ${(wall / 1000).toFixed(2)} s · ${events} events · ${(events / (wall / 1000)).toFixed(0)} events/s · ${(wall / tasks).toFixed(0)} ms per task\n` +
        `aim: orchestration overhead per agent step under 30 ms at p50\n`,
    );
  } finally {
    await stop();
    await stack.dispose();
    await fake.close();
  }
}
