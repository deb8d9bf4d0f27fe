/**
 * The project chat of assist (assist.graphql). Read by `npm run codegen` only: typed documents land in
 * `../../../generated/assist-chat.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment AssistChatMessageView on AssistChatMessage {
    id
    role
    content
    status
    citations {
      path
      line
      endLine
    }
    model
    errorCode
    createdAt
  }

  query AssistChatThread($projectId: ID!, $before: ID, $limit: Int) {
    assistChat(projectId: $projectId, before: $before, limit: $limit) {
      ...AssistChatMessageView
    }
  }

  query AssistChatCapabilities($projectId: ID!) {
    assistCapabilities(projectId: $projectId) {
      chat {
        available
        model
        local
        reason
      }
    }
  }

  mutation AskAssist($projectId: ID!, $message: String!, $roomId: ID) {
    askAssist(projectId: $projectId, message: $message, roomId: $roomId) {
      question {
        ...AssistChatMessageView
      }
      reply {
        ...AssistChatMessageView
      }
    }
  }

  mutation ClearAssistChat($projectId: ID!) {
    clearAssistChat(projectId: $projectId)
  }

  subscription AssistChatStream($id: ID!, $after: String) {
    assistStream(id: $id, after: $after) {
      id
      type
      text
      data
      at
    }
  }
`;
