/**
 * A blueprint is what the offline provider "knows" about one kind of project: the finished files, how to
 * test them and the plan that produces them. Pure data, so replies built from it are deterministic.
 */
import type { AgentRole } from '../model-types';

/** The plan task types a blueprint uses; the same as the plan schema's (workflows/agent-team/plan.ts). */
export const TASK_TYPES = ['design', 'implement', 'debug', 'review', 'deploy', 'optimize', 'test', 'docs'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** One task of the plan the architect returns. */
export interface PlanTask {
  /** Stable slug; a message that names it narrows a role's script to this task. */
  id: string;
  title: string;
  type: TaskType;
  role: AgentRole;
  description: string;
  /** 1 is the most urgent. */
  priority: number;
  /** Ids of tasks that must finish first. */
  dependencies: string[];
  /** Files the task writes (design, review and optimize: the files it reads; debug: the files it may restore). */
  files: string[];
  acceptanceCriteria: string[];
}

export interface Plan {
  summary: string;
  tasks: PlanTask[];
}

export interface BlueprintFile {
  path: string;
  content: string;
}

/** A measurement the optimizer runs with run_command. */
export interface Benchmark {
  /** What is measured, for the optimizer's summary. */
  what: string;
  /** Shell command run from the project root; its last output line is a JSON object of milliseconds. */
  command: string;
  /** Upper bound per metric; a metric over it is reported as a regression. */
  budgetMs: Readonly<Record<string, number>>;
}

export interface Blueprint {
  id: string;
  name: string;
  /** Command that runs the project's tests from its root. */
  testCommand: string;
  /** What devops runs with run_command after writing the deployment files: it must exit 0. */
  deployCheck?: string;
  benchmark?: Benchmark;
  /** Every file of the finished project except README.md. */
  files: BlueprintFile[];
  readme: string;
  plan: Plan;
}

/** The files of a blueprint's project as written to disk, README included. */
export function projectFiles(blueprint: Blueprint): BlueprintFile[] {
  return [...blueprint.files, { path: 'README.md', content: blueprint.readme }];
}

/** The content a blueprint holds for a path, if any. */
export function blueprintFile(blueprint: Blueprint, path: string): BlueprintFile | undefined {
  return projectFiles(blueprint).find((f) => f.path === normalizePath(path));
}

/** `./src/app.js` and `/src/app.js` name the same project file as `src/app.js`. */
export function normalizePath(path: string): string {
  return path.replace(/^(\.\/|\/)+/, '');
}
