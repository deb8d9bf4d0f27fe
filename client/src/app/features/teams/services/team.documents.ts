/**
 * The teams feature's operations. Read by `npm run codegen` only: it writes each one as a typed document
 * (`TeamsDocument`, …) with its types into `../../../generated/team.ts`, which the code imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment TeamUser on User {
    id
    email
    displayName
  }

  fragment TeamInvitation on TeamInvitation {
    id
    role
    createdAt
    expiresAt
    invitedBy {
      ...TeamUser
    }
  }

  fragment TeamSummary on Team {
    id
    name
    createdAt
    viewerRole
  }

  fragment TeamMember on TeamMember {
    role
    joinedAt
    user {
      ...TeamUser
    }
  }

  # Everything the team page shows; also asked of the mutations that return a team.
  fragment TeamDetail on Team {
    ...TeamSummary
    members {
      ...TeamMember
    }
    invitations {
      ...TeamInvitation
    }
    projects {
      id
      name
      framework
      status
      createdAt
    }
  }

  query Teams {
    teams {
      ...TeamSummary
    }
  }

  query Team($id: ID!) {
    team(id: $id) {
      ...TeamDetail
    }
  }

  fragment InvitationPreview on InvitationPreview {
    teamName
    role
    invitedByName
    expiresAt
  }

  query Invitation($token: String!) {
    invitation(token: $token) {
      ...InvitationPreview
    }
  }

  mutation CreateTeam($name: String!) {
    createTeam(name: $name) {
      ...TeamSummary
    }
  }

  # A new invitation with its single-use link: the server keeps only a hash, so this is its one showing.
  fragment CreatedInvitation on CreatedInvitation {
    link
    invitation {
      ...TeamInvitation
    }
  }

  mutation InviteToTeam($teamId: ID!, $role: String!) {
    inviteToTeam(teamId: $teamId, role: $role) {
      ...CreatedInvitation
    }
  }

  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      ...TeamSummary
    }
  }

  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }

  mutation RemoveTeamMember($teamId: ID!, $userId: ID!) {
    removeTeamMember(teamId: $teamId, userId: $userId)
  }

  mutation ChangeTeamRole($teamId: ID!, $userId: ID!, $role: String!) {
    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) {
      ...TeamMember
    }
  }

  mutation TransferTeamOwnership($teamId: ID!, $userId: ID!) {
    transferTeamOwnership(teamId: $teamId, userId: $userId) {
      ...TeamDetail
    }
  }

  mutation LeaveTeam($teamId: ID!) {
    leaveTeam(teamId: $teamId)
  }

  mutation DeleteTeam($teamId: ID!) {
    deleteTeam(teamId: $teamId)
  }
`;
