import type { DeployEnvVar, DeployLogLine, DeployTarget, Deployment } from '../models/deploy.models';

export const PROJECT = 'p1';

export function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'd1',
    projectId: PROJECT,
    target: 'local',
    status: 'BUILDING',
    trigger: 'user',
    isLive: false,
    canRollback: false,
    skipTests: false,
    url: null,
    error: null,
    errorCode: null,
    sourceDeploymentId: null,
    createdBy: { id: 'u1', displayName: 'Ada' },
    fileCount: null,
    artifactBytes: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    startedAt: '2026-12-07T10:00:01.000Z',
    finishedAt: null,
    liveAt: null,
    logCount: 0,
    ...overrides,
  };
}

export function line(seq: number, text = `line ${seq}`, stream = 'build'): DeployLogLine {
  return { seq, at: '2026-12-07T10:00:02.000Z', stream, text };
}

export function target(name: string, overrides: Partial<DeployTarget> = {}): DeployTarget {
  const local = name === 'local';
  return {
    target: name,
    label: local ? 'Local (this server)' : name.charAt(0).toUpperCase() + name.slice(1),
    ready: local,
    missingTokens: local ? [] : [name],
    settings: {},
    allowAgentDeploys: false,
    appState: null,
    liveDeployment: null,
    ...overrides,
  };
}

export function envVar(overrides: Partial<DeployEnvVar> = {}): DeployEnvVar {
  return {
    target: '*',
    key: 'API_KEY',
    secret: true,
    value: null,
    hint: '••••7f',
    updatedAt: '2026-12-07T10:00:00.000Z',
    ...overrides,
  };
}

/** A `deploy.*` event as the subscription delivers it. */
export function deployEvent(id: string, type: string, data: Record<string, unknown>) {
  return { id, type, data, at: '2026-12-07T10:00:03.000Z' };
}
