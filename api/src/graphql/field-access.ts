import { loadActor } from '../../../core/access/actor';
import { can, type Actor } from '../../../core/access/policy';
import { TeamMember } from '../../../core/team/team.entity';
import type { GraphQLContext } from '../context';

type Ctx = Pick<GraphQLContext, 'em' | 'viewerId'>;

/** Per request: the viewer's actor and each asked-about user's teams, so a member list costs one query per user. */
const cache = new WeakMap<Ctx, { actor: Promise<Actor>; contact: Map<string, Promise<boolean>>; proven: Set<string> }>();

function entry(ctx: Ctx) {
  let found = cache.get(ctx);
  if (!found) {
    found = { actor: loadActor(ctx.em, ctx.viewerId), contact: new Map(), proven: new Set() };
    cache.set(ctx, found);
  }
  return found;
}

/** The viewer's actor (memberships, platform role), loaded once per request. */
export function viewerActor(ctx: Ctx): Promise<Actor> {
  return entry(ctx).actor;
}

/** Whether the viewer may see `userId`'s email, tier and platform role (see policy `user:read-contact`). */
export function mayReadContact(ctx: Ctx, userId: string): Promise<boolean> {
  const { actor, contact } = entry(ctx);
  let answer = contact.get(userId);
  if (!answer) {
    answer = (async () => {
      const viewer = await actor;
      if (can(viewer, 'user:read-contact', { kind: 'user', userId })) return true;
      const teamIds = (await ctx.em.find(TeamMember, { user: userId }, { fields: ['team'] })).map((m) => m.team.id);
      return can(viewer, 'user:read-contact', { kind: 'user', userId, teamIds });
    })();
    contact.set(userId, answer);
  }
  return answer;
}

/** Whether the viewer may see `userId`'s private settings (policy `user:read-private`): only the user themselves. */
export async function mayReadPrivate(ctx: Ctx, userId: string): Promise<boolean> {
  const { actor, proven } = entry(ctx);
  return proven.has(userId) || can(await actor, 'user:read-private', { kind: 'user', userId });
}

/** Whether the viewer may see members' roles in `teamId` (policy `team:read-members`). */
export async function mayReadMembers(ctx: Ctx, teamId: string): Promise<boolean> {
  return can(await entry(ctx).actor, 'team:read-members', { kind: 'team', teamId });
}

/** The user a sign-up or log-in just proved to be the caller, before the request carries their session. */
export function provenSelf(ctx: Ctx, user: { id: string }): void {
  entry(ctx).contact.set(user.id, Promise.resolve(true));
  entry(ctx).proven.add(user.id);
}
