/**
 * What the caller's role lets them do, mirroring the server's rules so the page offers only actions
 * that can succeed. The server still decides: a refusal arrives as FORBIDDEN and is shown.
 */
import type { TeamMember } from './team.models';

export interface MemberActions {
  readonly remove: boolean;
  readonly changeRole: boolean;
  readonly transfer: boolean;
}

export interface TeamActions {
  readonly invite: boolean;
  /** Admins and members leave; an owner transfers ownership first. */
  readonly leave: boolean;
  readonly delete: boolean;
  /** The team's model keys and budgets (`team:manage-keys`, `team:manage-settings`). */
  readonly manageModels: boolean;
  readonly forMember: (member: TeamMember) => MemberActions;
}

export function teamActions(viewerRole: string, viewerId: string | null): TeamActions {
  const owner = viewerRole === 'owner';
  const admin = viewerRole === 'admin';
  return {
    invite: owner || admin,
    leave: viewerRole === 'admin' || viewerRole === 'member',
    delete: owner,
    manageModels: owner || admin,
    forMember: (member) => {
      const self = member.user.id === viewerId;
      return {
        // Owners remove anyone but themselves; admins remove plain members.
        remove: !self && (owner || (admin && member.role === 'member')),
        changeRole: owner && !self && member.role !== 'owner',
        transfer: owner && !self && member.role !== 'owner',
      };
    },
  };
}
