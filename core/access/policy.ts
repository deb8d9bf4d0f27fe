/**
 * The one access policy: `can(actor, action, resource)` answers every authorization question, so
 * resolvers, subscriptions and REST routes never decide on their own. Pure and synchronous: callers load
 * the actor's memberships and the resource's ownership, then ask.
 *
 * Decisions (see README in this folder):
 * - Public projects are readable by anyone, signed in or not; nothing else is.
 * - A team project with visibility `team` (or `public`) is readable and editable by every member; a
 *   `private` team project only by the team's owner and admins and its creator (while a member).
 * - A user's own project: only that user. `team` visibility on a personal project means private.
 * - Platform admins administer the platform (audit log, limit overrides) but get no silent access to
 *   private projects or user data; they do see users' contact details (email, tier, roles).
 * - A user's email, tier and roles: themselves, their teammates and platform admins; everyone else who
 *   meets them (on a public project) sees the display name only.
 */

import { ROOM_ROLE_RANK, type RoomRole, type RoomVisibility } from '../../contracts/rooms';

export type TeamRole = 'owner' | 'admin' | 'member';
export type Visibility = 'private' | 'team' | 'public';

/** Who asks. `userId: null` is an anonymous visitor. */
export interface Actor {
  userId: string | null;
  platformAdmin: boolean;
  /** The actor's role in each team they belong to. */
  teams: ReadonlyMap<string, TeamRole>;
  /**
   * Projects of the live coding rooms the actor is inside now (not kicked, room not archived): `edit` as a
   * participant or above, `read` as a viewer. Inside a room one reads its project; its files are edited through
   * file-access's room rule, never through project:update.
   */
  roomProjects?: ReadonlyMap<string, 'read' | 'edit'>;
}

export type Resource =
  | { kind: 'project'; ownerUserId: string | null; ownerTeamId: string | null; visibility: Visibility; id?: string }
  /** A team; `targetRole` is the role of the member an action is aimed at (removal, role change). */
  | { kind: 'team'; teamId: string; targetUserId?: string; targetRole?: TeamRole }
  /** A user; `teamIds` are the teams they belong to (needed for `user:read-contact`). */
  | { kind: 'user'; userId: string; teamIds?: readonly string[] }
  | { kind: 'platform' }
  /**
   * A coding room, as the actor stands in it: `role` is their membership's role (kept after they leave), `present`
   * whether they are inside now, `kicked` whether a host or moderator removed them. `teamId` is the room's project's
   * team (team visibility). `targetRole` / `targetUserId`: the member an action is aimed at (kick, mute, role).
   */
  | {
      kind: 'room';
      visibility: RoomVisibility;
      teamId: string | null;
      role: RoomRole | null;
      present: boolean;
      kicked: boolean;
      targetRole?: RoomRole;
      targetUserId?: string;
    }
  /** Billing of a user (their own account) or a team (its owners manage it; platform admins read every one). */
  | { kind: 'billing'; subscriberKind: 'user' | 'team'; subscriberId: string };

export type ProjectAction = 'project:read' | 'project:update' | 'project:run' | 'project:delete';
/**
 * Deployments of a project (issue 15). A public project's readers and people inside a coding room over it see
 * none of this: logs and settings are the project's collaborators' alone.
 */
export type DeployAction =
  /** Deployments, their logs and status, target settings, env var names (secret values never). */
  | 'deploy:read'
  /** Deploy, redeploy, roll back, cancel; stop and start the local app. */
  | 'deploy:create'
  /** Env vars and secrets, target settings, agent deploys, deleting the local app. */
  | 'deploy:configure';
export type TeamAction =
  | 'team:read'
  | 'team:create-project'
  | 'team:invite'
  /** Team-wide settings: the role → model map and the team's model budgets. */
  | 'team:manage-settings'
  /** The team's own model provider keys, which its projects' runs use. */
  | 'team:manage-keys'
  | 'team:remove-member'
  | 'team:change-role'
  | 'team:transfer'
  | 'team:delete'
  | 'team:leave'
  /** Members' roles (names are public wherever a public project shows its team). */
  | 'team:read-members';
export type UserAction =
  | 'user:read-private'
  /** Email, tier, platform role and verification state, wherever the user appears (owners, members). */
  | 'user:read-contact'
  | 'user:update'
  | 'user:export'
  | 'user:delete'
  | 'user:create-project';
export type PlatformAction = 'platform:read-audit' | 'platform:override-limits' | 'platform:rotate-keys';
export type RoomAction =
  /** See that the room exists: its name, rules and who is in it (listings). */
  | 'room:view'
  | 'room:join'
  /** Inside: the chat history, the files, the terminal's output, the preview. */
  | 'room:read'
  | 'room:chat'
  | 'room:edit'
  /** Type in the shared terminal. */
  | 'room:terminal'
  /** The Run and Test buttons. */
  | 'room:run'
  /** Kick and mute a member of a lower role. */
  | 'room:moderate'
  /** Change a lower-ranked member's role (host only may hand over host). */
  | 'room:change-role'
  | 'room:lock'
  | 'room:invite'
  | 'room:end'
  /** Name, description, visibility, capacity, password and the room's theme. */
  | 'room:update'
  | 'room:delete'
  /** Start a new live session in an archived room. */
  | 'room:reopen';
/** Billing (issue 16). */
export type BillingAction =
  /** The plan, subscription, dunning and invoices (PDFs too). */
  | 'billing:read'
  /** Subscribe, verify a payment, change plan, cancel, pause, resume, billing details. */
  | 'billing:manage'
  /** Every subscription, comps, one-off payment links, refunds: platform admins only. */
  | 'billing:admin';
export type Action = ProjectAction | DeployAction | TeamAction | UserAction | PlatformAction | RoomAction | BillingAction;

const atLeast = (role: TeamRole | undefined, min: TeamRole): boolean => {
  const rank = { member: 1, admin: 2, owner: 3 } as const;
  return role !== undefined && rank[role] >= rank[min];
};

function canOnProject(actor: Actor, action: ProjectAction, project: Extract<Resource, { kind: 'project' }>): boolean {
  if (action === 'project:read' && project.visibility === 'public') return true;
  // Someone inside a live coding room reads its project (the host shared it by opening the room to them).
  if (action === 'project:read' && project.id !== undefined && actor.roomProjects?.has(project.id)) return true;
  if (actor.userId === null) return false;
  if (project.ownerTeamId === null) return project.ownerUserId === actor.userId;
  const role = actor.teams.get(project.ownerTeamId);
  if (action === 'project:delete') return atLeast(role, 'admin');
  // A private team project stays visible to its creator while they remain in the team.
  const creator = project.ownerUserId === actor.userId;
  return atLeast(role, project.visibility === 'private' && !creator ? 'admin' : 'member');
}

function canDeploy(actor: Actor, action: DeployAction, project: Extract<Resource, { kind: 'project' }>): boolean {
  // Neither public reads nor room membership reach deployments: judged as if the project were not public.
  const collaborator = { ...project, visibility: project.visibility === 'public' ? ('team' as const) : project.visibility };
  const bare: Actor = { ...actor, roomProjects: undefined };
  if (action === 'deploy:configure') return canOnProject(bare, 'project:delete', collaborator);
  return canOnProject(bare, 'project:run', collaborator);
}

function canOnTeam(actor: Actor, action: TeamAction, team: Extract<Resource, { kind: 'team' }>): boolean {
  const role = actor.teams.get(team.teamId);
  const self = team.targetUserId !== undefined && team.targetUserId === actor.userId;
  switch (action) {
    case 'team:read':
    case 'team:create-project':
      return atLeast(role, 'member');
    case 'team:invite':
    case 'team:manage-settings':
    case 'team:manage-keys':
      return atLeast(role, 'admin');
    case 'team:remove-member':
      // Owners remove anyone but themselves; admins remove plain members.
      if (self) return false;
      return role === 'owner' || (role === 'admin' && team.targetRole === 'member');
    case 'team:change-role':
      return role === 'owner' && !self;
    case 'team:transfer':
    case 'team:delete':
      return role === 'owner';
    case 'team:leave':
      // An owner transfers ownership first, so a team is never left without one.
      return role === 'admin' || role === 'member';
    case 'team:read-members':
      return atLeast(role, 'member') || actor.platformAdmin;
  }
}

function canOnUser(actor: Actor, action: UserAction, user: Extract<Resource, { kind: 'user' }>): boolean {
  if (actor.userId === user.userId) return true;
  // Teammates and platform admins see contact details; a reader of a public project sees display names only.
  return action === 'user:read-contact' && (actor.platformAdmin || (user.teamIds ?? []).some((id) => actor.teams.has(id)));
}

function canInRoom(actor: Actor, action: RoomAction, room: Extract<Resource, { kind: 'room' }>): boolean {
  const rank = room.role && !room.kicked ? ROOM_ROLE_RANK[room.role] : 0;
  const inside = room.present && rank > 0;
  const staff = inside && rank >= ROOM_ROLE_RANK.moderator;
  switch (action) {
    case 'room:view':
    case 'room:join': {
      if (room.kicked) return false;
      if (room.role) return true;
      if (room.visibility === 'public') return true;
      return room.visibility === 'team' && room.teamId !== null && actor.teams.has(room.teamId);
    }
    case 'room:read':
      return inside;
    case 'room:chat':
    case 'room:edit':
    case 'room:terminal':
    case 'room:run':
      return inside && rank >= ROOM_ROLE_RANK.participant;
    case 'room:moderate':
    case 'room:change-role':
      // Only on someone of a lower role, never on oneself.
      return staff && room.targetRole !== undefined && room.targetUserId !== actor.userId && ROOM_ROLE_RANK[room.targetRole] < rank;
    case 'room:lock':
    case 'room:invite':
    case 'room:end':
      return staff;
    case 'room:update':
      return inside && room.role === 'host';
    case 'room:delete':
      return rank === ROOM_ROLE_RANK.host;
    case 'room:reopen':
      return rank >= ROOM_ROLE_RANK.moderator;
  }
}

function canOnBilling(actor: Actor, action: BillingAction, billing: Extract<Resource, { kind: 'billing' }>): boolean {
  if (action === 'billing:admin') return actor.platformAdmin;
  // Team billing is the owners' alone: admins and members neither see what the team pays nor change it.
  const mine = billing.subscriberKind === 'user' ? billing.subscriberId === actor.userId : actor.teams.get(billing.subscriberId) === 'owner';
  return mine || (action === 'billing:read' && actor.platformAdmin);
}

/** Whether `actor` may do `action` on `resource`. Unknown combinations are refused. */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.kind) {
    case 'project':
      if (action.startsWith('deploy:')) return canDeploy(actor, action as DeployAction, resource);
      return action.startsWith('project:') && canOnProject(actor, action as ProjectAction, resource);
    case 'team':
      return action.startsWith('team:') && actor.userId !== null && canOnTeam(actor, action as TeamAction, resource);
    case 'user':
      return action.startsWith('user:') && actor.userId !== null && canOnUser(actor, action as UserAction, resource);
    case 'platform':
      // billing:admin also stands on the platform: listing every subscription names no subscriber.
      return (action.startsWith('platform:') || action === 'billing:admin') && actor.userId !== null && actor.platformAdmin;
    case 'room':
      return action.startsWith('room:') && actor.userId !== null && canInRoom(actor, action as RoomAction, resource);
    case 'billing':
      return action.startsWith('billing:') && actor.userId !== null && canOnBilling(actor, action as BillingAction, resource);
  }
}

/**
 * Whether `actor` may change the project's files: its editors (project:update), and participants and above inside
 * a live coding room over it. Settings, runs and deletion stay project:update's alone.
 */
export function canEditFiles(actor: Actor, project: Extract<Resource, { kind: 'project' }>): boolean {
  return can(actor, 'project:update', project) || (project.id !== undefined && actor.roomProjects?.get(project.id) === 'edit');
}

/**
 * Assist (issue 17): explaining code and the project chat read the project (`read`); editor actions that propose a
 * change, and inline completions, are edits (`change`: the same rule as the editor, so a room's participants may).
 * A proposal is applied by the person who accepts it, through the editor, never by the model.
 */
export function canAssist(actor: Actor, use: 'read' | 'change', project: Extract<Resource, { kind: 'project' }>): boolean {
  if (actor.userId === null) return false;
  return use === 'read' ? can(actor, 'project:read', project) : canEditFiles(actor, project);
}

/** An actor with no memberships, for tests and the anonymous visitor. */
export function actorOf(
  userId: string | null,
  teams: Record<string, TeamRole> = {},
  platformAdmin = false,
  roomProjects: Record<string, 'read' | 'edit'> = {},
): Actor {
  return { userId, platformAdmin, teams: new Map(Object.entries(teams)), roomProjects: new Map(Object.entries(roomProjects)) };
}
