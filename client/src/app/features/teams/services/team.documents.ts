import { gql } from 'apollo-angular';
import type {
  CreatedInvitation,
  InvitationPreview,
  TeamDetail,
  TeamMember,
  TeamSummary,
} from '../models/team.models';

const USER_FIELDS = `id email displayName`;
const INVITATION_FIELDS = `id role createdAt expiresAt invitedBy { ${USER_FIELDS} }`;
const SUMMARY_FIELDS = `id name createdAt viewerRole`;
const MEMBER_FIELDS = `role joinedAt user { ${USER_FIELDS} }`;
/** Everything the team page shows; also asked of the mutations that return a team. */
const DETAIL_FIELDS = `
  ${SUMMARY_FIELDS}
  members { ${MEMBER_FIELDS} }
  invitations { ${INVITATION_FIELDS} }
  projects { id name framework status createdAt }
`;

export const TEAMS_QUERY = gql<{ teams: TeamSummary[] }, Record<string, never>>`
  query Teams {
    teams { ${SUMMARY_FIELDS} }
  }
`;

export const TEAM_QUERY = gql<{ team: TeamDetail | null }, { id: string }>`
  query Team($id: ID!) {
    team(id: $id) { ${DETAIL_FIELDS} }
  }
`;

export const INVITATION_QUERY = gql<{ invitation: InvitationPreview }, { token: string }>`
  query Invitation($token: String!) {
    invitation(token: $token) {
      teamName
      role
      invitedByName
      expiresAt
    }
  }
`;

export const CREATE_TEAM_MUTATION = gql<{ createTeam: TeamSummary }, { name: string }>`
  mutation CreateTeam($name: String!) {
    createTeam(name: $name) { ${SUMMARY_FIELDS} }
  }
`;

export const INVITE_TO_TEAM_MUTATION = gql<
  { inviteToTeam: CreatedInvitation },
  { teamId: string; role: string }
>`
  mutation InviteToTeam($teamId: ID!, $role: String!) {
    inviteToTeam(teamId: $teamId, role: $role) {
      link
      invitation { ${INVITATION_FIELDS} }
    }
  }
`;

export const ACCEPT_INVITATION_MUTATION = gql<{ acceptInvitation: TeamSummary }, { token: string }>`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) { ${SUMMARY_FIELDS} }
  }
`;

export const REVOKE_INVITATION_MUTATION = gql<{ revokeInvitation: boolean }, { id: string }>`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id)
  }
`;

export const REMOVE_TEAM_MEMBER_MUTATION = gql<
  { removeTeamMember: boolean },
  { teamId: string; userId: string }
>`
  mutation RemoveTeamMember($teamId: ID!, $userId: ID!) {
    removeTeamMember(teamId: $teamId, userId: $userId)
  }
`;

export const CHANGE_TEAM_ROLE_MUTATION = gql<
  { changeTeamRole: TeamMember },
  { teamId: string; userId: string; role: string }
>`
  mutation ChangeTeamRole($teamId: ID!, $userId: ID!, $role: String!) {
    changeTeamRole(teamId: $teamId, userId: $userId, role: $role) { ${MEMBER_FIELDS} }
  }
`;

export const TRANSFER_TEAM_OWNERSHIP_MUTATION = gql<
  { transferTeamOwnership: TeamDetail },
  { teamId: string; userId: string }
>`
  mutation TransferTeamOwnership($teamId: ID!, $userId: ID!) {
    transferTeamOwnership(teamId: $teamId, userId: $userId) { ${DETAIL_FIELDS} }
  }
`;

export const LEAVE_TEAM_MUTATION = gql<{ leaveTeam: boolean }, { teamId: string }>`
  mutation LeaveTeam($teamId: ID!) {
    leaveTeam(teamId: $teamId)
  }
`;

export const DELETE_TEAM_MUTATION = gql<{ deleteTeam: boolean }, { teamId: string }>`
  mutation DeleteTeam($teamId: ID!) {
    deleteTeam(teamId: $teamId)
  }
`;
