/**
 * The rooms feature's operations (rooms.graphql). Read by `npm run codegen` only: it writes each one as a
 * typed document (`RoomDocument`, …) with its types into `../../../generated/rooms.ts`, which the code imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment RoomMemberView on RoomMember {
    id
    userId
    displayName
    role
    present
    joinedAt
    mutedUntil
  }

  fragment RoomSummary on Room {
    id
    name
    description
    visibility
    status
    locked
    hasPassword
    capacity
    presentCount
    lastActivityAt
    archivedAt
    project {
      id
      name
    }
    me {
      id
      role
      present
    }
  }

  fragment RoomSandboxView on RoomSandbox {
    id
    status
    terminalPath
    previewUrl
    runCommand
    testCommand
    runUnavailableReason
    testUnavailableReason
  }

  fragment RoomView on Room {
    id
    name
    description
    visibility
    status
    locked
    hasPassword
    capacity
    maxCapacity
    presentCount
    themeId
    eventCursor
    lastActivityAt
    archivedAt
    createdAt
    project {
      id
      name
      framework
      canEdit
    }
    me {
      ...RoomMemberView
    }
    host {
      ...RoomMemberView
    }
  }

  fragment RoomInviteView on RoomInvite {
    id
    role
    maxUses
    uses
    expiresAt
    revoked
    createdAt
  }

  query Rooms($scope: RoomListScope!, $includeArchived: Boolean) {
    rooms(scope: $scope, includeArchived: $includeArchived) {
      ...RoomSummary
    }
  }

  # Projects a room may be created over: the picker keeps those the caller can edit.
  query RoomProjects {
    projects {
      id
      name
      archivedAt
      myAccess {
        canEdit
      }
    }
  }

  # The room as anyone who may see it gets it (the join screen).
  query Room($id: ID!) {
    room(id: $id) {
      ...RoomView
    }
  }

  # Inside the room: its members and sandbox too.
  query RoomInside($id: ID!) {
    room(id: $id) {
      ...RoomView
      members {
        ...RoomMemberView
      }
      sandbox {
        ...RoomSandboxView
      }
    }
  }

  query RoomInvitePreview($token: String!) {
    roomInvite(token: $token) {
      roomId
      roomName
      projectName
      role
      hasPassword
      expiresAt
    }
  }

  query RoomInvites($roomId: ID!) {
    roomInvites(roomId: $roomId) {
      ...RoomInviteView
    }
  }

  mutation CreateRoom($input: CreateRoomInput!) {
    createRoom(input: $input) {
      id
    }
  }

  mutation JoinRoom($roomId: ID, $password: String, $inviteToken: String) {
    joinRoom(roomId: $roomId, password: $password, inviteToken: $inviteToken) {
      id
    }
  }

  mutation LeaveRoom($roomId: ID!) {
    leaveRoom(roomId: $roomId)
  }

  mutation UpdateRoom($id: ID!, $input: UpdateRoomInput!) {
    updateRoom(id: $id, input: $input) {
      ...RoomView
    }
  }

  mutation DeleteRoom($id: ID!) {
    deleteRoom(id: $id)
  }

  mutation SetRoomLocked($roomId: ID!, $locked: Boolean!) {
    setRoomLocked(roomId: $roomId, locked: $locked) {
      id
      locked
    }
  }

  mutation KickRoomMember($roomId: ID!, $userId: ID!) {
    kickRoomMember(roomId: $roomId, userId: $userId)
  }

  mutation MuteRoomMember($roomId: ID!, $userId: ID!, $minutes: Int!) {
    muteRoomMember(roomId: $roomId, userId: $userId, minutes: $minutes) {
      ...RoomMemberView
    }
  }

  mutation SetRoomMemberRole($roomId: ID!, $userId: ID!, $role: String!) {
    setRoomMemberRole(roomId: $roomId, userId: $userId, role: $role) {
      ...RoomMemberView
    }
  }

  mutation EndRoom($roomId: ID!) {
    endRoom(roomId: $roomId) {
      id
      status
    }
  }

  mutation ReopenRoom($roomId: ID!) {
    reopenRoom(roomId: $roomId) {
      id
      status
    }
  }

  mutation SetRoomTheme($roomId: ID!, $themeId: String) {
    setRoomTheme(roomId: $roomId, themeId: $themeId) {
      id
      themeId
    }
  }

  mutation CreateRoomInvite($input: CreateRoomInviteInput!) {
    createRoomInvite(input: $input) {
      token
      invite {
        ...RoomInviteView
      }
    }
  }

  mutation RevokeRoomInvite($id: ID!) {
    revokeRoomInvite(id: $id)
  }

  mutation RunInRoom($roomId: ID!, $script: RoomScript!) {
    runInRoom(roomId: $roomId, script: $script)
  }

  subscription RoomEvents($roomId: ID!, $after: String!) {
    roomEvents(roomId: $roomId, after: $after) {
      id
      roomId
      type
      data
      at
    }
  }
`;
