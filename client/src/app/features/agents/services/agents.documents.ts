/**
 * The agent team's operations: a project's run and the controls over it. Read by `npm run codegen` only:
 * it writes each one as a typed document (`AgentTeamRunDocument`, …) with its types into
 * `../../../generated/agents.ts`, which the code imports. The API calls the live state `ProjectRun.team`
 * (`TeamState`); here it is the agent team's.
 */
import { gql } from 'apollo-angular';

gql`
  fragment BuildWait on BuildWait {
    kind
    limit
    used
    hiddenHolders
    holders {
      projectId
      projectName
      runId
    }
  }

  fragment AgentTeamState on TeamState {
    phase
    waiting {
      ...BuildWait
    }
    planVersion
    pausedReason
    testsPassed
    filesWritten
    tasks {
      key
      title
      role
      status
      agentStatus
      question
    }
  }

  fragment AgentTask on AgentTask {
    key
    title
    type
    role
    reasoning
    handoffFrom
    status
    outcome
    summary
    turns
    tokens
    costUsd
    startedAt
    finishedAt
  }

  fragment AgentInstance on AgentInstance {
    role
    status
    currentTaskKey
    tasksDone
    tasksFailed
    turns
    tokens
    costUsd
    timeMs
    successRate
  }

  fragment AgentHandoff on AgentHandoff {
    fromTaskKey
    fromRole
    toRole
    toTaskKey
    reason
    context
  }

  fragment AgentTeamRun on ProjectRun {
    id
    status
    error
    plan
    planStatus
    testsPassed
    offlineBuild {
      blueprintName
      matched
      note
    }
    team {
      ...AgentTeamState
    }
    agentTasks {
      ...AgentTask
    }
    agents {
      ...AgentInstance
    }
    handoffs {
      ...AgentHandoff
    }
  }

  fragment AgentTeamProject on Project {
    id
    buildMode
    description
    autoApprovePlan
    latestRun {
      ...AgentTeamRun
    }
  }

  query AgentTeamRun($id: ID!) {
    project(id: $id) {
      ...AgentTeamProject
    }
  }

  query AgentTeamState($id: ID!) {
    project(id: $id) {
      id
      latestRun {
        id
        status
        team {
          ...AgentTeamState
        }
      }
    }
  }

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

  mutation ReviewPlan($projectId: ID!, $approve: Boolean!, $feedback: String) {
    reviewPlan(projectId: $projectId, approve: $approve, feedback: $feedback)
  }

  mutation PauseRun($projectId: ID!, $reason: String) {
    pauseRun(projectId: $projectId, reason: $reason)
  }

  mutation ResumeRun($projectId: ID!) {
    resumeRun(projectId: $projectId)
  }

  mutation CancelRun($projectId: ID!) {
    cancelRun(projectId: $projectId)
  }

  mutation AnswerAgent($projectId: ID!, $taskKey: String!, $answer: String!) {
    answerAgent(projectId: $projectId, taskKey: $taskKey, answer: $answer)
  }

  mutation MessageAgent($projectId: ID!, $taskKey: String!, $text: String!) {
    messageAgent(projectId: $projectId, taskKey: $taskKey, text: $text)
  }
`;
