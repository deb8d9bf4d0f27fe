import { ErrorCode } from '../../contracts/errors';
import { recordAudit } from '../audit/audit-log';
import { newToken, tokenId } from '../auth/secrets';
import { NotFoundError } from '../shared/domain.errors';
import { isUuid } from '../shared/validation';
import { User } from '../user/user.entity';
import type { RoomScope } from './room-deps';
import { parseInviteInput } from './room-input';
import { requireRoom } from './room-standing';
import { Room, RoomInvite } from './room.entities';
import { RoomError, roomNotFound } from './room.errors';

const HOUR = 3_600_000;

/** What an invite link leads to, shown on the join page before joining. */
export interface RoomInvitePreview {
  roomId: string;
  roomName: string;
  projectName: string;
  role: RoomInvite['role'];
  hasPassword: boolean;
  expiresAt: Date;
}

const inviteInvalid = (roomId: string | null = null) =>
  new RoomError(ErrorCode.ROOM_INVITE_INVALID, 'This invite link is not valid: it expired, was used up or was revoked.', roomId);

/** Whether an invite still admits someone at `now`. */
export function isUsable(invite: RoomInvite, now = new Date()): boolean {
  return !invite.revokedAt && invite.expiresAt > now && (invite.maxUses == null || invite.uses < invite.maxUses);
}

/** The invite a token names, while it admits someone; ROOM_INVITE_INVALID otherwise (unknown, expired, used up, revoked). */
export async function findUsableInvite(scope: RoomScope, token: string): Promise<RoomInvite> {
  const invite =
    token.length > 0 && token.length <= 128
      ? await scope.em.findOne(RoomInvite, { tokenHash: tokenId(token) }, { populate: ['room'] })
      : null;
  if (!invite || !isUsable(invite)) throw inviteInvalid(invite?.room.id);
  return invite;
}

/**
 * A new invite link (host and moderators). Only the SHA-256 of its token is stored: the token itself is in the
 * returned value, once. Single-use (`maxUses` 1) or unlimited until it expires (1 hour to 30 days, default 24 h).
 */
export async function createInvite(
  scope: RoomScope,
  viewerId: string,
  raw: Record<string, unknown>,
): Promise<{ invite: RoomInvite; token: string }> {
  const input = parseInviteInput(raw);
  if (!isUuid(input.roomId)) throw roomNotFound(input.roomId);
  const { room } = await requireRoom(scope.em, viewerId, input.roomId, 'room:invite');
  const { token, id } = newToken();
  const invite = scope.em.create(RoomInvite, {
    room,
    tokenHash: id,
    createdBy: scope.em.getReference(User, viewerId),
    role: input.role ?? 'participant',
    maxUses: input.maxUses ?? null,
    expiresAt: new Date(Date.now() + (input.expiresInHours ?? 24) * HOUR),
  });
  recordAudit(scope.em, {
    actorId: viewerId,
    action: 'room.invite_created',
    target: `room:${room.id}`,
    data: { inviteId: invite.id, role: invite.role, maxUses: invite.maxUses },
  });
  await scope.em.flush();
  return { invite, token };
}

/** Revokes an invite (host and moderators of its room); revoking twice is harmless. */
export async function revokeInvite(scope: RoomScope, viewerId: string, inviteId: string): Promise<true> {
  const invite = isUuid(inviteId) ? await scope.em.findOne(RoomInvite, { id: inviteId }) : null;
  if (!invite) throw new NotFoundError('Room invite', inviteId);
  await requireRoom(scope.em, viewerId, invite.room.id, 'room:invite');
  invite.revokedAt ??= new Date();
  await scope.em.flush();
  return true;
}

/** A room's invites, newest first (host and moderators). */
export async function listInvites(scope: RoomScope, viewerId: string, roomId: string): Promise<RoomInvite[]> {
  if (!isUuid(roomId)) throw roomNotFound(roomId);
  await requireRoom(scope.em, viewerId, roomId, 'room:invite');
  return scope.em.find(RoomInvite, { room: roomId }, { orderBy: { createdAt: 'desc' } });
}

/** What a usable invite leads to; anyone holding the token may ask (the token is the capability). */
export async function previewInvite(scope: RoomScope, token: string): Promise<RoomInvitePreview> {
  const invite = await findUsableInvite(scope, token);
  const room = await scope.em.findOneOrFail(Room, { id: invite.room.id }, { populate: ['project'] });
  return {
    roomId: room.id,
    roomName: room.name,
    projectName: room.project.getEntity().name,
    role: invite.role,
    hasPassword: !!room.passwordHash,
    expiresAt: invite.expiresAt,
  };
}
