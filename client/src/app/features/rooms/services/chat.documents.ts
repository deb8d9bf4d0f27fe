/**
 * A room's chat and the caller's notifications (chat.graphql). Read by `npm run codegen` only: typed
 * documents land in `../../../generated/chat.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment ChatMessage on RoomMessage {
    id
    roomId
    authorKind
    authorId
    authorName
    agentRole
    body
    snippet {
      language
      code
    }
    refs {
      path
      line
    }
    mentions
    replyTo
    status
    editedAt
    deleted
    createdAt
  }

  fragment NotificationView on Notification {
    id
    kind
    text
    roomId
    messageId
    read
    createdAt
  }

  query RoomMessages($roomId: ID!, $before: String, $limit: Int) {
    roomMessages(roomId: $roomId, before: $before, limit: $limit) {
      messages {
        ...ChatMessage
      }
      before
    }
  }

  mutation SendRoomMessage($input: SendRoomMessageInput!) {
    sendRoomMessage(input: $input) {
      ...ChatMessage
    }
  }

  mutation EditRoomMessage($id: ID!, $body: String!) {
    editRoomMessage(id: $id, body: $body) {
      ...ChatMessage
    }
  }

  mutation DeleteRoomMessage($id: ID!) {
    deleteRoomMessage(id: $id) {
      ...ChatMessage
    }
  }

  query Notifications($unreadOnly: Boolean, $limit: Int) {
    notifications(unreadOnly: $unreadOnly, limit: $limit) {
      ...NotificationView
    }
  }

  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }

  subscription NotificationAdded {
    notificationAdded {
      ...NotificationView
    }
  }
`;
