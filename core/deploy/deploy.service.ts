/**
 * PLACEHOLDER (helper H5, branch h-api): the signature of H4's DeployService from DEPLOY.md, so the API's resolvers
 * compile before h-flow is merged. It holds NO logic: H4's core/deploy/deploy.service.ts replaces this file whole
 * in the merge (take theirs).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { DeployLogLine, DeployTargetName, LocalAppState } from '../../contracts/deploy';
import type { Actor } from '../access/policy';
import type { ProjectEventStream } from '../events/project-event-stream';
import type { DeploySecrets } from './deploy-secrets';
import type { Deployment } from './deploy.entities';
import type { DeployTargets } from './targets/target';

/** A project's settings for one target and what is live there (the GraphQL DeployTargetSettings). */
export interface TargetView {
  readonly target: DeployTargetName;
  readonly label: string;
  readonly ready: boolean;
  readonly missingTokens: string[];
  readonly settings: Record<string, string>;
  readonly allowAgentDeploys: boolean;
  readonly liveDeployment: Deployment | null;
  readonly appState: LocalAppState | null;
}

const placeholder = (): never => {
  throw new Error('DeployService placeholder: merge h-flow');
};

export class DeployService {
  constructor(
    readonly deps: {
      orm: MikroORM;
      temporal: () => Client | Promise<Client>;
      events: ProjectEventStream;
      redis: Redis;
      secrets: DeploySecrets;
      targets: DeployTargets;
      logger: Logger;
      taskQueue: string;
    },
  ) {}
  deploy(_actor: Actor, _input: { projectId: string; target: string; skipTests?: boolean | null; idempotencyKey?: string | null }, _trigger?: 'user' | 'agent'): Promise<Deployment> {
    return placeholder();
  }
  redeploy(_actor: Actor, _deploymentId: string, _skipTests?: boolean | null): Promise<Deployment> {
    return placeholder();
  }
  rollback(_actor: Actor, _deploymentId: string): Promise<Deployment> {
    return placeholder();
  }
  cancel(_actor: Actor, _deploymentId: string): Promise<Deployment> {
    return placeholder();
  }
  get(_actor: Actor, _deploymentId: string): Promise<Deployment> {
    return placeholder();
  }
  list(_actor: Actor, _projectId: string, _options: { target?: string | null; limit?: number | null }): Promise<Deployment[]> {
    return placeholder();
  }
  logs(_actor: Actor, _deploymentId: string, _after: number, _limit: number): Promise<DeployLogLine[]> {
    return placeholder();
  }
  targets(_actor: Actor, _projectId: string): Promise<TargetView[]> {
    return placeholder();
  }
  setTargetSettings(_actor: Actor, _input: { projectId: string; target: string; settings?: Record<string, unknown> | null; allowAgentDeploys?: boolean | null }): Promise<TargetView> {
    return placeholder();
  }
  localApp(_actor: Actor, _projectId: string, _command: 'stop' | 'start' | 'delete'): Promise<TargetView> {
    return placeholder();
  }
}
