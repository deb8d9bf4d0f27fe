/**
 * Editor actions (assist.graphql): capabilities, start, follow, decide, cancel. Read by `npm run codegen` only:
 * typed documents land in `../../../generated/assist-actions.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment AssistActionView on AssistRequest {
    id
    projectId
    action
    path
    targetPath
    selectionStartLine
    selectionEndLine
    instruction
    status
    answer
    baseContent
    proposedContent
    editTool
    verification {
      command
      passed
      exitCode
      output
      durationMs
      timedOut
    }
    errorCode
    errorMessage
    model
    tokens
    createdAt
    finishedAt
    decidedAt
  }
`;

gql`
  query AssistActionCapabilities($projectId: ID!) {
    assistCapabilities(projectId: $projectId) {
      actions {
        available
        model
        local
        reason
      }
      completions {
        available
        model
        local
        reason
      }
    }
  }
`;

gql`
  query AssistAction($id: ID!) {
    assistRequest(id: $id) {
      ...AssistActionView
    }
  }
`;

gql`
  mutation StartAssistAction($input: StartAssistInput!) {
    startAssist(input: $input) {
      ...AssistActionView
    }
  }
`;

gql`
  mutation DecideAssistAction($id: ID!, $accept: Boolean!) {
    decideAssist(id: $id, accept: $accept) {
      ...AssistActionView
    }
  }
`;

gql`
  mutation CancelAssistAction($id: ID!) {
    cancelAssist(id: $id) {
      ...AssistActionView
    }
  }
`;

gql`
  subscription AssistActionStream($id: ID!, $after: String) {
    assistStream(id: $id, after: $after) {
      id
      type
      text
      data
      at
    }
  }
`;
