/**
 * Deployments: a project's targets, deployments, logs, env vars and provider tokens. Read by `npm run codegen`
 * only: it writes each operation as a typed document into `../../../generated/deploy.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment DeploymentView on Deployment {
    id
    projectId
    target
    status
    trigger
    isLive
    canRollback
    skipTests
    url
    error
    errorCode
    sourceDeploymentId
    createdBy {
      id
      displayName
    }
    fileCount
    artifactBytes
    createdAt
    startedAt
    finishedAt
    liveAt
    logCount
  }

  fragment DeployLogLineView on DeployLogLine {
    seq
    at
    stream
    text
  }

  fragment DeployTargetView on DeployTargetSettings {
    target
    label
    ready
    missingTokens
    settings
    allowAgentDeploys
    appState
    liveDeployment {
      id
      url
      status
    }
  }

  fragment DeployEnvVarView on DeployEnvVar {
    target
    key
    secret
    value
    hint
    updatedAt
  }

  fragment DeployTokenView on DeployToken {
    provider
    hint
    account
    scope
    createdAt
    lastUsedAt
  }

  query ProjectDeployOverview($projectId: ID!) {
    projectDeployments(projectId: $projectId) {
      canDeploy
      canConfigure
      latest {
        ...DeploymentView
      }
      targets {
        ...DeployTargetView
      }
    }
  }

  query ProjectDeployHistory($projectId: ID!, $limit: Int) {
    projectDeployments(projectId: $projectId) {
      canDeploy
      canConfigure
      history(limit: $limit) {
        ...DeploymentView
      }
      targets {
        ...DeployTargetView
      }
    }
  }

  query ProjectDeploySettings($projectId: ID!) {
    projectDeployments(projectId: $projectId) {
      canDeploy
      canConfigure
      targets {
        ...DeployTargetView
      }
      env {
        ...DeployEnvVarView
      }
    }
  }

  query Deployment($id: ID!, $after: Int, $limit: Int) {
    deployment(id: $id) {
      ...DeploymentView
      logs(after: $after, limit: $limit) {
        ...DeployLogLineView
      }
    }
  }

  mutation Deploy($input: DeployInput!) {
    deploy(input: $input) {
      ...DeploymentView
    }
  }

  mutation Redeploy($deploymentId: ID!, $skipTests: Boolean) {
    redeploy(deploymentId: $deploymentId, skipTests: $skipTests) {
      ...DeploymentView
    }
  }

  mutation RollbackDeployment($deploymentId: ID!) {
    rollbackDeployment(deploymentId: $deploymentId) {
      ...DeploymentView
    }
  }

  mutation CancelDeployment($deploymentId: ID!) {
    cancelDeployment(deploymentId: $deploymentId) {
      ...DeploymentView
    }
  }

  mutation StopLocalApp($projectId: ID!) {
    stopLocalApp(projectId: $projectId) {
      ...DeployTargetView
    }
  }

  mutation StartLocalApp($projectId: ID!) {
    startLocalApp(projectId: $projectId) {
      ...DeployTargetView
    }
  }

  mutation SetDeployTargetSettings($input: DeployTargetSettingsInput!) {
    setDeployTargetSettings(input: $input) {
      ...DeployTargetView
    }
  }

  mutation SetDeployEnvVar($input: DeployEnvVarInput!) {
    setDeployEnvVar(input: $input) {
      ...DeployEnvVarView
    }
  }

  mutation DeleteDeployEnvVar($projectId: ID!, $target: String!, $key: String!) {
    deleteDeployEnvVar(projectId: $projectId, target: $target, key: $key)
  }

  query DeployTokens {
    deployTokens {
      ...DeployTokenView
    }
  }

  query TeamDeployTokens($teamId: ID!) {
    teamDeployTokens(teamId: $teamId) {
      ...DeployTokenView
    }
  }

  mutation SetDeployToken($provider: String!, $token: String!, $scope: String) {
    setDeployToken(provider: $provider, token: $token, scope: $scope) {
      ...DeployTokenView
    }
  }

  mutation DeleteDeployToken($provider: String!) {
    deleteDeployToken(provider: $provider)
  }

  mutation SetTeamDeployToken($teamId: ID!, $provider: String!, $token: String!, $scope: String) {
    setTeamDeployToken(teamId: $teamId, provider: $provider, token: $token, scope: $scope) {
      ...DeployTokenView
    }
  }

  mutation DeleteTeamDeployToken($teamId: ID!, $provider: String!) {
    deleteTeamDeployToken(teamId: $teamId, provider: $provider)
  }

  fragment DeployEvent on ProjectEvent {
    id
    type
    data
    at
  }

  subscription DeployEvents($projectId: ID!, $after: String) {
    projectEvents(projectId: $projectId, after: $after) {
      ...DeployEvent
    }
  }
`;
