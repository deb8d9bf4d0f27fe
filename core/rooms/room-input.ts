import { z } from 'zod';
import { SYSTEM_THEMES, themeById } from '../../contracts/themes';
import { ROOM_LIMITS, ROOM_ROLES, type RoomRole } from '../../contracts/rooms';
import { ValidationError } from '../shared/domain.errors';
import { parseInput } from '../shared/validation';

const { nameMax, descriptionMax, passwordMin, passwordMax } = ROOM_LIMITS;
const name = z
  .string()
  .trim()
  .min(1, `Name the room in 1 to ${nameMax} characters`)
  .max(nameMax, `Name the room in 1 to ${nameMax} characters`);
const description = z.string().trim().max(descriptionMax, `Keep the description to ${descriptionMax} characters`);
const visibility = z.enum(['private', 'team', 'public'], { error: 'Visibility must be private, team or public' });
const password = z
  .string()
  .min(passwordMin, `A room password has ${passwordMin} to ${passwordMax} characters`)
  .max(passwordMax, `A room password has ${passwordMin} to ${passwordMax} characters`);
const capacity = z.number().int().min(2, 'A room holds at least 2 people');

const createSchema = z.object({
  projectId: z.string(),
  name,
  description: description.optional(),
  visibility: visibility.optional(),
  password: password.optional(),
  capacity: capacity.optional(),
});
export type CreateRoomInput = z.infer<typeof createSchema>;

const updateSchema = z.object({
  name: name.optional(),
  description: description.optional(),
  visibility: visibility.optional(),
  capacity: capacity.optional(),
  /** An empty string removes the password. */
  password: z.union([z.literal(''), password]).optional(),
});
export type UpdateRoomInput = z.infer<typeof updateSchema>;

/** createRoom's input, checked field by field (BAD_USER_INPUT with every broken field). */
export function parseCreateRoomInput(raw: Record<string, unknown>): CreateRoomInput {
  return parseInput(createSchema, raw);
}

export function parseUpdateRoomInput(raw: Record<string, unknown>): UpdateRoomInput {
  return parseInput(updateSchema, raw);
}

/** The capacity against the creator's tier maximum (the field's own rule, with the number in the message). */
export function assertCapacity(value: number, max: number): void {
  if (value > max) throw new ValidationError([{ field: 'capacity', message: `A room holds at most ${max} people on its creator's plan` }]);
}

/** A room role named by a caller. */
export function parseRole(raw: string): RoomRole {
  if (!(ROOM_ROLES as readonly string[]).includes(raw))
    throw new ValidationError([{ field: 'role', message: 'Role must be host, moderator, participant or viewer' }]);
  return raw as RoomRole;
}

/** Minutes of a mute: 0 unmutes, at most a day. */
export function parseMuteMinutes(raw: number): number {
  if (!Number.isInteger(raw) || raw < 0 || raw > 1440)
    throw new ValidationError([{ field: 'minutes', message: 'Mute for 1 to 1440 minutes, or 0 to unmute' }]);
  return raw;
}

/** A room's theme is one of the shipped themes (contracts/themes.ts), or null for none. */
export function parseThemeId(raw: string | null): string | null {
  if (raw === null) return null;
  if (!themeById(raw))
    throw new ValidationError([{ field: 'themeId', message: `Unknown theme; choose one of: ${SYSTEM_THEMES.map((t) => t.id).join(', ')}` }]);
  return raw;
}

const inviteSchema = z.object({
  roomId: z.string(),
  role: z.enum(['participant', 'viewer'], { error: 'An invite admits a participant or a viewer' }).optional(),
  maxUses: z.literal(1, { error: 'maxUses is 1 (single-use) or omitted (until it expires)' }).optional(),
  expiresInHours: z
    .number()
    .int()
    .min(1, `An invite lasts 1 to ${ROOM_LIMITS.inviteMaxDays * 24} hours`)
    .max(ROOM_LIMITS.inviteMaxDays * 24, `An invite lasts 1 to ${ROOM_LIMITS.inviteMaxDays * 24} hours`)
    .optional(),
});
export type CreateInviteInput = z.infer<typeof inviteSchema>;

export function parseInviteInput(raw: Record<string, unknown>): CreateInviteInput {
  return parseInput(inviteSchema, raw);
}
