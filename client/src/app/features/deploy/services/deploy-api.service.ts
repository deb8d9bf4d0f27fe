import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, map } from 'rxjs';
import {
  CancelDeploymentDocument,
  DeleteDeployEnvVarDocument,
  DeleteDeployTokenDocument,
  DeleteTeamDeployTokenDocument,
  DeployDocument,
  DeployEventsDocument,
  type DeployEventFragment,
  DeployTokensDocument,
  DeploymentDocument,
  ProjectDeployHistoryDocument,
  ProjectDeployOverviewDocument,
  ProjectDeploySettingsDocument,
  RedeployDocument,
  RollbackDeploymentDocument,
  SetDeployEnvVarDocument,
  SetDeployTargetSettingsDocument,
  SetDeployTokenDocument,
  SetTeamDeployTokenDocument,
  StartLocalAppDocument,
  StopLocalAppDocument,
  TeamDeployTokensDocument,
} from '../../../generated/deploy';
import type {
  DeployEnvVarInput,
  DeployInput,
  DeployTargetSettingsInput,
} from '../../../generated/schema';
import type { DeployResult } from '../models/deploy-error';
import { deployResult } from './deploy-result';

export type DeployEvent = DeployEventFragment;

/** The deployments feature's view of the GraphQL API; every call ends in a `DeployResult` (errors are state). */
@Injectable({ providedIn: 'root' })
export class DeployApi {
  private readonly apollo = inject(Apollo);

  private query<D, V extends Record<string, unknown>, T>(
    query: Parameters<Apollo['query']>[0]['query'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<DeployResult<T>> {
    return deployResult(this.apollo.query({ query, variables, fetchPolicy: 'no-cache' }), pick);
  }

  private mutate<D, V extends Record<string, unknown>, T>(
    mutation: Parameters<Apollo['mutate']>[0]['mutation'] & { __apiType?: (v: V) => D },
    variables: V,
    pick: (d: D) => T | null | undefined,
  ): Promise<DeployResult<T>> {
    return deployResult(this.apollo.mutate({ mutation, variables, fetchPolicy: 'no-cache' }), pick);
  }

  /** The project page's badge and Deploy dialog: the newest deployment per target, and the targets. */
  overview(projectId: string) {
    return this.query(ProjectDeployOverviewDocument, { projectId }, (d) => d.projectDeployments);
  }

  history(projectId: string, limit = 50) {
    return this.query(ProjectDeployHistoryDocument, { projectId, limit }, (d) => d.projectDeployments);
  }

  settings(projectId: string) {
    return this.query(ProjectDeploySettingsDocument, { projectId }, (d) => d.projectDeployments);
  }

  /** The deployment with its log lines after `after` (a seq). */
  deployment(id: string, after = 0, limit = 5000) {
    return this.query(DeploymentDocument, { id, after, limit }, (d) => d.deployment);
  }

  deploy(input: DeployInput) {
    return this.mutate(DeployDocument, { input }, (d) => d.deploy);
  }

  redeploy(deploymentId: string, skipTests = false) {
    return this.mutate(RedeployDocument, { deploymentId, skipTests }, (d) => d.redeploy);
  }

  rollback(deploymentId: string) {
    return this.mutate(RollbackDeploymentDocument, { deploymentId }, (d) => d.rollbackDeployment);
  }

  cancel(deploymentId: string) {
    return this.mutate(CancelDeploymentDocument, { deploymentId }, (d) => d.cancelDeployment);
  }

  stopLocalApp(projectId: string) {
    return this.mutate(StopLocalAppDocument, { projectId }, (d) => d.stopLocalApp);
  }

  startLocalApp(projectId: string) {
    return this.mutate(StartLocalAppDocument, { projectId }, (d) => d.startLocalApp);
  }

  setTargetSettings(input: DeployTargetSettingsInput) {
    return this.mutate(SetDeployTargetSettingsDocument, { input }, (d) => d.setDeployTargetSettings);
  }

  setEnv(input: DeployEnvVarInput) {
    return this.mutate(SetDeployEnvVarDocument, { input }, (d) => d.setDeployEnvVar);
  }

  deleteEnv(projectId: string, target: string, key: string) {
    return this.mutate(DeleteDeployEnvVarDocument, { projectId, target, key }, (d) => d.deleteDeployEnvVar);
  }

  tokens() {
    return this.query(DeployTokensDocument, {}, (d) => d.deployTokens);
  }

  teamTokens(teamId: string) {
    return this.query(TeamDeployTokensDocument, { teamId }, (d) => d.teamDeployTokens);
  }

  setToken(provider: string, token: string, scope: string | null) {
    return this.mutate(SetDeployTokenDocument, { provider, token, scope }, (d) => d.setDeployToken);
  }

  deleteToken(provider: string) {
    return this.mutate(DeleteDeployTokenDocument, { provider }, (d) => d.deleteDeployToken);
  }

  setTeamToken(teamId: string, provider: string, token: string, scope: string | null) {
    return this.mutate(
      SetTeamDeployTokenDocument,
      { teamId, provider, token, scope },
      (d) => d.setTeamDeployToken,
    );
  }

  deleteTeamToken(teamId: string, provider: string) {
    return this.mutate(DeleteTeamDeployTokenDocument, { teamId, provider }, (d) => d.deleteTeamDeployToken);
  }

  /** The project's live events after `after`; errors are raised so the caller can retry. */
  events(projectId: string, after: string | null): Observable<DeployEvent> {
    return this.apollo
      .subscribe({ query: DeployEventsDocument, variables: { projectId, after }, fetchPolicy: 'no-cache' })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          const event = result.data?.projectEvents;
          if (!event) throw new Error('Subscription result without an event');
          return event;
        }),
      );
  }
}
