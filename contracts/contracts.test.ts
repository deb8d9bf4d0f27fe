import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '.';
import { AGENT_ROLES, DEPLOY_ERROR_CODES, DEPLOY_ERROR_MESSAGES, ErrorCode, EventType, PLAN_EVENTS, TASK_END_EVENTS, workflowIds } from '.';

/**
 * The contracts are names other processes match on (GraphQL codes, Temporal failure types, stream event types,
 * workflow message names), so a typo or a clash here breaks a layer silently; these checks catch it.
 */
const constName = (value: string) => value.toUpperCase().replace(/[.-]/g, '_');

it('names every error code and event type after its value', () => {
  expect(Object.entries(ErrorCode).filter(([key, value]) => key !== value)).toEqual([]);
  expect(Object.entries(EventType).filter(([key, value]) => key !== constName(value))).toEqual([]);
  expect(Object.values(EventType).filter((type) => !/^[a-z]+\.[a-z_]+$/.test(type))).toEqual([]);
});

it('maps every plan status and task ending to an event of that name', () => {
  expect(Object.entries(PLAN_EVENTS).filter(([status, type]) => type !== `plan.${status}`)).toEqual([]);
  expect(Object.entries(TASK_END_EVENTS).filter(([status, type]) => type !== `task.${status}`)).toEqual([]);
});

it('lists each agent role once', () => {
  expect(new Set(AGENT_ROLES).size).toBe(AGENT_ROLES.length);
});

it('gives every signal and query its own name', () => {
  const names = Object.values(contracts as Record<string, unknown>)
    .filter((value): value is { type: 'signal' | 'query' | 'update'; name: string } => typeof value === 'object' && value !== null && 'name' in value && 'type' in value)
    .map((message) => message.name);
  expect(names.length).toBeGreaterThanOrEqual(8);
  expect(new Set(names).size).toBe(names.length);
});

it('builds workflow ids that never collide across kinds', () => {
  const ids = [
    workflowIds.projectBuild('p1'),
    workflowIds.projectRebuild('p1', 'r1'),
    workflowIds.agentTask('r1', 'p1', 1),
    workflowIds.sandboxVerify('p1', 'r1'),
  ];
  expect(new Set(ids).size).toBe(ids.length);
  // The sandbox manager finds a project's builds by this prefix (core/sandbox/sandbox-manager.ts).
  expect(workflowIds.projectRebuild('p1', 'r1').startsWith(workflowIds.projectBuild(''))).toBe(true);
});

it('lists every DEPLOY_* code once, each with its words for people', () => {
  const codes = Object.values(ErrorCode).filter((code) => code.startsWith('DEPLOY_'));
  expect([...DEPLOY_ERROR_CODES].sort()).toEqual(codes.sort());
  expect(Object.keys(DEPLOY_ERROR_MESSAGES).sort()).toEqual(codes.sort());
  expect(Object.values(DEPLOY_ERROR_MESSAGES).filter((words) => !/^[A-Z].*\.$/.test(words))).toEqual([]);
});

it('imports nothing but its own files and the workflow SDK message definers', () => {
  const foreign = readdirSync(__dirname)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .flatMap((file) => [...readFileSync(join(__dirname, file), 'utf8').matchAll(/\bfrom '([^']+)'/g)].map((m) => `${file}: ${m[1]}`))
    .filter((entry) => !/: \.\/[\w-]+$/.test(entry) && !entry.endsWith(': @temporalio/workflow'));
  expect(foreign).toEqual([]);
});
