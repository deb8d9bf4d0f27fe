/** The teams feature's roles, and its shapes as the GraphQL API returns them (see api/src/graphql/team). */

export type TeamRole = 'owner' | 'admin' | 'member';
/** The roles an invitation or a role change may give (ownership moves only by transfer). */
export const ASSIGNABLE_ROLES = ['member', 'admin'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/**
 * The API's shapes, generated: the caller's role (`viewerRole`) and members' roles stay strings so a newer
 * server's roles still render; a team's pending invitations are empty unless the caller is an owner or admin.
 */
export type {
  CreatedInvitationFragment as CreatedInvitation,
  InvitationPreviewFragment as InvitationPreview,
  TeamDetailFragment as TeamDetail,
  TeamInvitationFragment as TeamInvitation,
  TeamMemberFragment as TeamMember,
  TeamSummaryFragment as TeamSummary,
  TeamUserFragment as TeamUser,
} from '../../../generated/team';
