/** What each role is told before its task. Short and factual: the task message carries the specifics. */
import type { AgentRole } from '../../core/models/model-types';
import type { AgentToolName } from '../../core/agents/agent-tools';
import type { PlanTask } from './plan';

const ROLE_BRIEFS: Record<AgentRole, string> = {
  architect: 'You are the architect. Design the solution and break it into tasks others can build.',
  coder: 'You are a software engineer. Implement the task completely, with small, readable files.',
  frontend: 'You are the frontend engineer. Implement the user interface of the task.',
  backend: 'You are the backend engineer. Implement the server side of the task: routes, validation, storage.',
  debugger: 'You are the debugger. Find why the tests fail, fix the cause with the smallest change, and re-run the tests.',
  reviewer: 'You are the reviewer. Read the changed files; approve, or request changes with precise reasons.',
  devops: 'You are the devops engineer. Make the project build, run and deploy reliably.',
  tester: 'You are the tester. Write tests for the acceptance criteria and run them.',
  documentation: 'You are the technical writer. Keep README.md accurate: setup, usage, API.',
  optimizer: 'You are the optimizer. Make measured improvements without changing behaviour.',
};

const READ: AgentToolName[] = ['list_files', 'read_file'];
/** Writing a file, patching it, or replacing unique text in it. */
const EDIT: AgentToolName[] = ['write_file', 'apply_patch', 'replace_in_file'];
const PATCH: AgentToolName[] = ['apply_patch', 'replace_in_file'];
/** Every role can ask a person, hand off and finish. */
const TALK: AgentToolName[] = ['ask_human', 'handoff', 'finish'];

/** The tools each role is offered; every role can finish, hand off and ask a person. */
export const ROLE_TOOLS: Record<AgentRole, AgentToolName[]> = {
  architect: [...READ, 'search', ...TALK],
  coder: [...READ, ...EDIT, 'search', 'run_command', ...TALK],
  frontend: [...READ, ...EDIT, 'search', 'run_command', ...TALK],
  backend: [...READ, ...EDIT, 'search', 'run_command', ...TALK],
  debugger: [...READ, ...EDIT, 'search', 'run_tests', 'run_command', ...TALK],
  reviewer: [...READ, ...EDIT, 'search', ...TALK],
  devops: [...READ, 'write_file', 'run_command', 'deploy', ...TALK],
  tester: [...READ, ...EDIT, 'search', 'run_tests', ...TALK],
  documentation: [...READ, 'write_file', 'search', ...TALK],
  optimizer: [...READ, ...PATCH, 'search', 'run_tests', 'run_command', ...TALK],
};

/** The role's one-line brief, for prompts outside a team task (an @mention in a room's chat). */
export function roleBrief(role: AgentRole): string {
  return ROLE_BRIEFS[role];
}

export function systemPrompt(role: AgentRole): string {
  return `${ROLE_BRIEFS[role]} You work in a team of AI agents on one project, through tools only. Paths are relative to the project root. Call finish with a summary when the task is done.`;
}

/** The task as the agent reads it; `task <id>` lets scripted providers find their part. */
export function taskMessage(task: PlanTask): string {
  const lines = [`task ${task.id}: ${task.title}`, task.description];
  if (task.files.length) lines.push(`Files: ${task.files.join(', ')}`);
  if (task.acceptanceCriteria.length) lines.push(`Acceptance criteria:\n${task.acceptanceCriteria.map((c) => `- ${c}`).join('\n')}`);
  return lines.join('\n');
}
