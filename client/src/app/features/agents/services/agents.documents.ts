import { gql } from 'apollo-angular';
import type { AgentTeamProject, AgentTeamState } from '../models/agent-team.models';

const AGENT_TEAM_FIELDS = `phase waiting { kind limit used hiddenHolders holders { projectId projectName runId } } planVersion pausedReason testsPassed filesWritten tasks { key title role status agentStatus question }`;

export const AGENT_TEAM_RUN_QUERY = gql<{ project: AgentTeamProject | null }, { id: string }>`
  query AgentTeamRun($id: ID!) {
    project(id: $id) {
      id
      buildMode
      description
      autoApprovePlan
      latestRun {
        id
        status
        error
        plan
        planStatus
        testsPassed
        offlineBuild { blueprintName matched note }
        team { ${AGENT_TEAM_FIELDS} }
        agentTasks { key title type role reasoning handoffFrom status outcome summary turns tokens costUsd startedAt finishedAt }
        agents { role status currentTaskKey tasksDone tasksFailed turns tokens costUsd timeMs successRate }
        handoffs { fromTaskKey fromRole toRole toTaskKey reason context }
      }
    }
  }
`;

export const AGENT_TEAM_STATE_QUERY = gql<
  {
    project: {
      id: string;
      latestRun: { id: string; status: string; team: AgentTeamState | null } | null;
    } | null;
  },
  { id: string }
>`
  query AgentTeamState($id: ID!) {
    project(id: $id) {
      id
      latestRun {
        id
        status
        team { ${AGENT_TEAM_FIELDS} }
      }
    }
  }
`;

export const START_AGENT_TEAM_RUN_MUTATION = gql<
  { startTeamRun: { id: string; status: string } },
  { projectId: string; description: string | null; autoApprovePlan: boolean | null }
>`
  mutation StartAgentTeamRun($projectId: ID!, $description: String, $autoApprovePlan: Boolean) {
    startTeamRun(
      projectId: $projectId
      description: $description
      autoApprovePlan: $autoApprovePlan
    ) {
      id
      status
    }
  }
`;

export const REVIEW_PLAN_MUTATION = gql<
  { reviewPlan: boolean },
  { projectId: string; approve: boolean; feedback: string | null }
>`
  mutation ReviewPlan($projectId: ID!, $approve: Boolean!, $feedback: String) {
    reviewPlan(projectId: $projectId, approve: $approve, feedback: $feedback)
  }
`;

export const PAUSE_RUN_MUTATION = gql<
  { pauseRun: boolean },
  { projectId: string; reason: string | null }
>`
  mutation PauseRun($projectId: ID!, $reason: String) {
    pauseRun(projectId: $projectId, reason: $reason)
  }
`;

export const RESUME_RUN_MUTATION = gql<{ resumeRun: boolean }, { projectId: string }>`
  mutation ResumeRun($projectId: ID!) {
    resumeRun(projectId: $projectId)
  }
`;

export const CANCEL_RUN_MUTATION = gql<{ cancelRun: boolean }, { projectId: string }>`
  mutation CancelRun($projectId: ID!) {
    cancelRun(projectId: $projectId)
  }
`;

export const ANSWER_AGENT_MUTATION = gql<
  { answerAgent: boolean },
  { projectId: string; taskKey: string; answer: string }
>`
  mutation AnswerAgent($projectId: ID!, $taskKey: String!, $answer: String!) {
    answerAgent(projectId: $projectId, taskKey: $taskKey, answer: $answer)
  }
`;

export const MESSAGE_AGENT_MUTATION = gql<
  { messageAgent: boolean },
  { projectId: string; taskKey: string; text: string }
>`
  mutation MessageAgent($projectId: ID!, $taskKey: String!, $text: String!) {
    messageAgent(projectId: $projectId, taskKey: $taskKey, text: $text)
  }
`;
