/** What role scripts are made of: the step type, the context they read, and helpers shared by several roles. */
import type { AgentToolName, FinishOutcome } from '../../agents/agent-tools';
import type { AgentRole } from '../model-types';
import { blueprintFile, type Blueprint, type PlanTask, type TaskType } from './blueprint';
import { writtenPaths, type Conversation } from './conversation';

/** A script's next move: call one tool, or answer in text. */
export type Step = { tool: AgentToolName; args: Record<string, unknown> } | { text: string };

/** Everything a script may look at; built fresh from each request. */
export interface ScriptContext {
  blueprint: Blueprint;
  role: AgentRole;
  conversation: Conversation;
  /** Names of the tools this request offers; optional steps are skipped when theirs is missing. */
  offered: ReadonlySet<string>;
}

/** Picks the next step from the context alone; called once per model turn. */
export type RoleScript = (ctx: ScriptContext) => Step;

/** The finish call ending a script, `done` unless said otherwise. */
export function finish(summary: string, outcome: FinishOutcome = 'done'): Step {
  return { tool: 'finish', args: { summary, outcome } };
}

/** `offline blueprint "Express todo REST API"`: named in every summary so a reader sees the reply came from a blueprint. */
export function label(ctx: ScriptContext): string {
  return `offline blueprint "${ctx.blueprint.name}"`;
}

/**
 * Which plan tasks each role works on: tasks of these types, its own first; with `anyRole`, any role's when
 * it has none of its own (a generalist coder takes the backend's work; a frontend never does).
 */
const ROLE_WORK: Readonly<Record<AgentRole, { types: readonly TaskType[]; anyRole: boolean }>> = {
  architect: { types: ['design'], anyRole: true },
  coder: { types: ['implement'], anyRole: true },
  backend: { types: ['implement'], anyRole: true },
  frontend: { types: ['implement'], anyRole: false },
  tester: { types: ['test'], anyRole: true },
  debugger: { types: ['debug'], anyRole: true },
  reviewer: { types: ['review'], anyRole: true },
  documentation: { types: ['docs'], anyRole: true },
  devops: { types: ['deploy'], anyRole: true },
  optimizer: { types: ['optimize'], anyRole: true },
};

/**
 * The tasks the role's script works on. A user message naming a task (`task todo-store`, `task: todo-store`)
 * narrows the script to the named tasks; otherwise see ROLE_WORK.
 */
export function roleTasks(ctx: ScriptContext): PlanTask[] {
  const { tasks } = ctx.blueprint.plan;
  const asked = tasks.filter((t) => ctx.conversation.userTexts.some((text) => taskPattern(t.id).test(text)));
  if (asked.length > 0) return asked;
  const { types, anyRole } = ROLE_WORK[ctx.role];
  const ofType = tasks.filter((t) => types.includes(t.type));
  const own = ofType.filter((t) => t.role === ctx.role);
  return own.length > 0 || !anyRole ? own : ofType;
}

function taskPattern(id: string): RegExp {
  return new RegExp(`\\btask[\\s:#"'\`]*${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i');
}

/** The files the tasks write, each once, in plan order. */
export function filesOf(tasks: readonly PlanTask[]): string[] {
  return [...new Set(tasks.flatMap((t) => t.files))];
}

/** write_file for the first of `paths` not yet written in this conversation, with the blueprint's content. */
export function writeNext(ctx: ScriptContext, paths: readonly string[]): Step | undefined {
  const written = writtenPaths(ctx.conversation);
  const path = paths.find((p) => !written.has(p));
  if (path === undefined) return undefined;
  return { tool: 'write_file', args: { path, content: blueprintFile(ctx.blueprint, path)?.content ?? '' } };
}

/** Writes the tasks' files one per turn, then finishes with what it wrote. */
export function writeThenFinish(ctx: ScriptContext, tasks: readonly PlanTask[]): Step {
  const files = filesOf(tasks);
  if (files.length === 0) return finish(`No ${ctx.role} work in the ${label(ctx)}; nothing to do.`);
  return writeNext(ctx, files) ?? finish(`Wrote ${files.join(', ')} for ${tasks.map((t) => t.title).join('; ')} (${label(ctx)}).`);
}
