/** Shapes of the teams feature, as the GraphQL API returns them (see api/src/modules/team). */

export type TeamRole = 'owner' | 'admin' | 'member';
/** The roles an invitation or a role change may give (ownership moves only by transfer). */
export const ASSIGNABLE_ROLES = ['member', 'admin'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface TeamUser {
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export interface TeamSummary {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  /** The caller's role; kept a string so a newer server's roles still render. */
  readonly viewerRole: string;
}

export interface TeamMember {
  readonly user: TeamUser;
  readonly role: string;
  readonly joinedAt: string;
}

export interface TeamInvitation {
  readonly id: string;
  readonly role: string;
  readonly invitedBy: TeamUser;
  readonly createdAt: string;
  readonly expiresAt: string;
}

export interface TeamDetail extends TeamSummary {
  readonly members: readonly TeamMember[];
  /** Pending invitations; empty unless the caller is an owner or admin. */
  readonly invitations: readonly TeamInvitation[];
  readonly projects: readonly TeamProjectEntry[];
}

/** A project owned by the team, as its page lists it. */
export interface TeamProjectEntry {
  readonly id: string;
  readonly name: string;
  readonly framework: string;
  readonly status: string;
  readonly createdAt: string;
}

/** A new invitation with its single-use link: the server keeps only a hash, so this is its one showing. */
export interface CreatedInvitation {
  readonly invitation: TeamInvitation;
  readonly link: string;
}

export interface InvitationPreview {
  readonly teamName: string;
  readonly role: string;
  readonly invitedByName: string;
  readonly expiresAt: string;
}
