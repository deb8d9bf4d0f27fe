import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import {
  type AgentTeamProject,
  type AgentTeamState,
  readAgentTeamProject,
} from '../models/agent-team.models';
import {
  AgentTeamRunDocument,
  AgentTeamStateDocument,
  AnswerAgentDocument,
  CancelRunDocument,
  MessageAgentDocument,
  PauseRunDocument,
  ResumeRunDocument,
  ReviewPlanDocument,
  StartAgentTeamRunDocument,
} from '../../../generated/agents';

/** What a control returns: true once the server accepted it. */
export type Accepted = Result<boolean>;

/**
 * The agent team's side of the API: a project's run (plan, tasks, metrics, live state) and the controls
 * people have over it. Every call ends in a `Result`; the run changes by the second, so no cache.
 */
@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly apollo = inject(Apollo);

  /** The project's build mode and latest run with its plan, records and live state. */
  run(projectId: string): Observable<Result<AgentTeamProject>> {
    return toResult(
      this.apollo.query({
        query: AgentTeamRunDocument,
        variables: { id: projectId },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.project && readAgentTeamProject(d.project),
    );
  }

  /** Only the live state, for polling; the value is null once the run's workflow closed. */
  liveState(
    projectId: string,
  ): Observable<Result<{ runId: string; status: string; team: AgentTeamState | null }>> {
    return toResult(
      this.apollo.query({
        query: AgentTeamStateDocument,
        variables: { id: projectId },
        fetchPolicy: 'no-cache',
      }),
      (d) => {
        const run = d.project?.latestRun;
        return run ? { runId: run.id, status: run.status, team: run.team } : null;
      },
    );
  }

  /**
   * Starts another team build once the last one ended; the description and the auto-approval replace the
   * project's. CONFLICT while a build is in progress, BAD_USER_INPUT on `description`.
   */
  startTeamRun(
    projectId: string,
    description: string | null,
    autoApprovePlan: boolean | null,
  ): Observable<Result<{ id: string; status: string }>> {
    return toResult(
      this.apollo.mutate({
        mutation: StartAgentTeamRunDocument,
        variables: { projectId, description, autoApprovePlan },
      }),
      (d) => d.startTeamRun,
    );
  }

  /** Approves the proposed plan, or sends the architect feedback (required then). */
  reviewPlan(
    projectId: string,
    approve: boolean,
    feedback: string | null = null,
  ): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({
        mutation: ReviewPlanDocument,
        variables: { projectId, approve, feedback },
      }),
      (d) => d.reviewPlan,
    );
  }

  pause(projectId: string, reason: string | null): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({ mutation: PauseRunDocument, variables: { projectId, reason } }),
      (d) => d.pauseRun,
    );
  }

  resume(projectId: string): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({ mutation: ResumeRunDocument, variables: { projectId } }),
      (d) => d.resumeRun,
    );
  }

  cancel(projectId: string): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({ mutation: CancelRunDocument, variables: { projectId } }),
      (d) => d.cancelRun,
    );
  }

  /** Answers the question the agent on `taskKey` asked. */
  answer(projectId: string, taskKey: string, answer: string): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({
        mutation: AnswerAgentDocument,
        variables: { projectId, taskKey, answer },
      }),
      (d) => d.answerAgent,
    );
  }

  /** A message the agent on `taskKey` reads before its next turn. */
  message(projectId: string, taskKey: string, text: string): Observable<Accepted> {
    return toResult(
      this.apollo.mutate({
        mutation: MessageAgentDocument,
        variables: { projectId, taskKey, text },
      }),
      (d) => d.messageAgent,
    );
  }
}
