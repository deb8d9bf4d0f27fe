import {
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AgentToolName, FinishOutcome } from '../core/agents/agent-tools';
import { agentTaskStateQuery, answerQuestionSignal, messageAgentSignal, type AgentTaskState } from '../contracts/messages';
import type { AgentRole } from '../contracts/roles';
import type { ChatMessage, ToolCall } from '../core/models/model-types';
import type { AgentToolResult } from '../activities/agents/agent-files.activities';
import { activityPresets, localActivityPresets } from '../temporal.config';
import type { PlanTask } from './agent-team/plan';
import { ROLE_TOOLS, systemPrompt, taskMessage } from './agent-team/prompts';

export interface AgentTaskInput {
  projectId: string;
  runId: string;
  /** Whose keys, budgets and limits the model calls use. */
  userId: string;
  role: AgentRole;
  task: PlanTask;
  /** The project's description; the first user message (scripted providers choose their blueprint by it). */
  projectDescription: string;
  /** The run's sandbox, for run_tests and run_command; without one those tools answer with an error. */
  sandboxId?: string | null;
  maxTurns: number;
  /** Context from the agent that handed this task over. */
  handoffContext?: string;
  /** Continue as new once the history holds this many events (Temporal also suggests it near its limits). */
  maxHistoryEvents?: number;
  /** Carried over by continue-as-new: the summarised conversation and the counters so far. */
  resume?: { messages: ChatMessage[]; turns: number; tokens: number; costUsd: number; wrote: string[]; conflicts: string[] };
}

export type AgentTaskOutcome = FinishOutcome | 'handoff' | 'turn_limit';

export interface AgentTaskResult {
  outcome: AgentTaskOutcome;
  summary: string;
  handoff?: { toRole: AgentRole; reason: string; context: string };
  turns: number;
  tokens: number;
  costUsd: number;
  wrote: string[];
  /** Files whose write met a conflicting newer edit that the agent did not redo afterwards. */
  conflicts: string[];
}

export type { AgentStatus, AgentTaskState } from '../contracts/messages';

const { callModel } = proxyActivities<Activities>(activityPresets.modelCall);
const { runAgentFileTool, recordToolCall } = proxyLocalActivities<Activities>(localActivityPresets.agentTool);
const sandbox = proxyActivities<Activities>(activityPresets.longStep);
const agentDeploy = proxyActivities<Activities>(activityPresets.bookkeeping);
const deploySteps = proxyActivities<Activities>({ ...activityPresets.longStep, startToCloseTimeout: '45m' });

const FILE_TOOLS = new Set<string>(['list_files', 'read_file', 'write_file', 'apply_patch', 'replace_in_file', 'search']);
const WRITE_TOOLS = new Set<string>(['write_file', 'apply_patch', 'replace_in_file']);
const OUTPUT_TAIL = 3000;

/**
 * One agent on one task: a tool-calling loop where each model turn and each tool call is an activity, so a
 * crash resumes at the last completed step. Ends when the agent finishes, hands off, or runs out of turns.
 */
export async function runAgentTask(input: AgentTaskInput): Promise<AgentTaskResult> {
  const { resume } = input;
  const state: AgentTaskState = { status: 'idle', turns: resume?.turns ?? 0, tokens: resume?.tokens ?? 0, question: null, lastTool: null };
  const answers: string[] = [];
  const inbox: string[] = [];
  setHandler(agentTaskStateQuery, () => state);
  setHandler(answerQuestionSignal, (answer) => void answers.push(answer));
  setHandler(messageAgentSignal, (text) => void inbox.push(text));

  const messages: ChatMessage[] = resume?.messages ?? [
    { role: 'system', content: systemPrompt(input.role) },
    { role: 'user', content: input.projectDescription },
    { role: 'user', content: taskMessage(input.task) + (input.handoffContext ? `\n\nHanded over with: ${input.handoffContext}` : '') },
  ];
  const wrote = new Set<string>(resume?.wrote);
  const conflicts = new Set<string>(resume?.conflicts);
  let costUsd = resume?.costUsd ?? 0;
  const result = (outcome: AgentTaskOutcome, summary: string, extra: Partial<AgentTaskResult> = {}): AgentTaskResult => {
    state.status = 'idle';
    return { outcome, summary, turns: state.turns, tokens: state.tokens, costUsd, wrote: [...wrote], conflicts: [...conflicts], ...extra };
  };

  while (state.turns < input.maxTurns) {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > (input.maxHistoryEvents ?? 5000)) {
      // A long task starts a fresh history with its conversation summarised; queued messages ride along.
      for (const text of inbox.splice(0)) messages.push({ role: 'user', content: `Message from a person on the team: ${text}` });
      const carried = {
        messages: summarise(messages, [...wrote]),
        turns: state.turns,
        tokens: state.tokens,
        costUsd,
        wrote: [...wrote],
        conflicts: [...conflicts],
      };
      await continueAsNew<typeof runAgentTask>({ ...input, resume: carried });
    }
    for (const text of inbox.splice(0)) messages.push({ role: 'user', content: `Message from a person on the team: ${text}` });
    state.status = 'thinking';
    const out = await callModel({
      userId: input.userId,
      projectId: input.projectId,
      runId: input.runId,
      role: input.role,
      toolNames: ROLE_TOOLS[input.role],
      request: { messages, toolChoice: 'auto' },
      stream: true,
    });
    state.turns++;
    state.tokens += out.response.usage.totalTokens;
    costUsd += out.costUsd;
    const { text, toolCalls } = out.response;
    messages.push({ role: 'assistant', content: text, toolCalls });
    if (!toolCalls.length) return result('done', text);
    for (const call of toolCalls) {
      state.lastTool = call.name;
      const args = call.arguments;
      if (call.name === 'finish') return result((args.outcome as FinishOutcome | undefined) ?? 'done', String(args.summary ?? text));
      if (call.name === 'handoff') {
        const handoff = { toRole: args.toRole as AgentRole, reason: String(args.reason ?? ''), context: String(args.context ?? '') };
        return result('handoff', handoff.reason, { handoff });
      }
      const answer = await runTool(input, call, state, answers);
      // Writes announce themselves (file.written); every other tool call is an event of its own.
      if (!answer.wrote?.length) {
        const detail = String(call.arguments.path ?? call.arguments.command ?? call.arguments.query ?? call.arguments.question ?? '');
        await recordToolCall({
          ref: { projectId: input.projectId, runId: input.runId },
          taskKey: input.task.id,
          role: input.role,
          tool: call.name,
          callId: call.id,
          detail,
          ok: !answer.isError,
        });
      }
      for (const path of answer.wrote ?? []) {
        wrote.add(path);
        conflicts.delete(path);
      }
      if (answer.conflict) conflicts.add(answer.conflict.path);
      messages.push({
        role: 'tool',
        toolCallId: call.id,
        name: call.name,
        content: answer.isError ? `Error: ${answer.content}` : answer.content,
      });
    }
  }
  return result('turn_limit', `Stopped after ${input.maxTurns} turns without finishing`);
}

async function runTool(input: AgentTaskInput, call: ToolCall, state: AgentTaskState, answers: string[]): Promise<AgentToolResult> {
  const name = call.name as AgentToolName;
  if (!ROLE_TOOLS[input.role].includes(name)) return { content: `${call.name} is not one of your tools`, isError: true };
  if (FILE_TOOLS.has(name)) {
    state.status = WRITE_TOOLS.has(name) ? 'coding' : input.role === 'reviewer' ? 'reviewing' : state.status;
    return runAgentFileTool({ ref: { projectId: input.projectId, runId: input.runId, taskId: input.task.id, role: input.role }, call });
  }
  if (name === 'ask_human') {
    state.status = 'blocked';
    state.question = String(call.arguments.question ?? '');
    await condition(() => answers.length > 0);
    state.question = null;
    return { content: answers.shift()!, isError: false };
  }
  if (name === 'deploy') return deployTool(input, call, state);
  if (!input.sandboxId) return { content: `${name} needs a sandbox, and this run has none`, isError: true };
  state.status = 'testing';
  await sandbox.syncProjectFiles({ sandboxId: input.sandboxId, projectId: input.projectId });
  if (name === 'run_tests') {
    const install = await sandbox.runSandboxStep({ sandboxId: input.sandboxId, step: 'install' });
    if (install.exitCode !== 0) {
      const output = `${install.stdoutTail}\n${install.stderrTail}`.trim().slice(-OUTPUT_TAIL);
      return {
        content: JSON.stringify({ passed: false, exitCode: install.exitCode, output: `Installing dependencies failed:\n${output}` }),
        isError: false,
      };
    }
  }
  const run =
    name === 'run_tests'
      ? await sandbox.runSandboxStep({ sandboxId: input.sandboxId, step: 'test' })
      : await sandbox.execInSandbox({
          sandboxId: input.sandboxId,
          command: String(call.arguments.command ?? ''),
          timeoutMs: Number(call.arguments.timeoutSeconds ?? 120) * 1000,
        });
  const output = `${run.stdoutTail}\n${run.stderrTail}`.trim().slice(-OUTPUT_TAIL);
  const body =
    name === 'run_tests'
      ? { passed: run.exitCode === 0 && !run.timedOut, exitCode: run.exitCode, output }
      : { exitCode: run.exitCode, output };
  return { content: JSON.stringify(body), isError: false };
}

/**
 * The devops agent's deploy: only in a task of an approved plan's `deploy` type; the activity refuses unless the
 * project allows agent deploys to that target. The deployment is its own workflow; the agent waits for its end.
 */
async function deployTool(input: AgentTaskInput, call: ToolCall, state: AgentTaskState): Promise<AgentToolResult> {
  if (input.task.type !== 'deploy') return { content: 'deploy is only for a deploy task of the approved plan', isError: true };
  const target = String(call.arguments.target ?? 'local');
  const started = await agentDeploy.startAgentDeployment({ projectId: input.projectId, userId: input.userId, target, runId: input.runId, taskId: input.task.id });
  if ('refused' in started) return { content: started.refused, isError: true };
  state.status = 'testing';
  const outcome = await deploySteps.awaitDeployment({ deploymentId: started.deploymentId });
  return { content: JSON.stringify({ deploymentId: started.deploymentId, ...outcome }), isError: outcome.status !== 'LIVE' };
}

const KEEP_RECENT = 8;

/**
 * The conversation for a fresh history: the system prompt and the task, a note of what was done, and the
 * latest turns, cut so it starts at an assistant turn (a tool result is never separated from its call).
 */
export function summarise(messages: readonly ChatMessage[], wrote: readonly string[]): ChatMessage[] {
  const head = messages.slice(0, 3);
  let tail = messages.slice(Math.max(3, messages.length - KEEP_RECENT));
  while (tail.length && tail[0]!.role !== 'assistant') tail = tail.slice(1);
  const dropped = messages.length - head.length - tail.length;
  if (dropped <= 0) return [...messages];
  const note = `Earlier in this task (${dropped} messages, summarised): files written so far: ${wrote.length ? wrote.join(', ') : 'none'}. Continue from the latest turns below.`;
  return [...head, { role: 'user', content: note }, ...tail];
}
