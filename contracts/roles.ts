/** The agent roles, in the order the team's cards show them; each has a default model (core/models/role-models.ts). */
export const AGENT_ROLES = [
  'architect',
  'coder',
  'frontend',
  'backend',
  'debugger',
  'reviewer',
  'devops',
  'tester',
  'documentation',
  'optimizer',
] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
