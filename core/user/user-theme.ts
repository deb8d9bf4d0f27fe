import type { EntityManager } from '@mikro-orm/postgresql';
import { themeById } from '../../contracts/themes';
import type { Actor } from '../access/policy';
import { can } from '../access/policy';
import { ForbiddenError, ValidationError } from '../shared/domain.errors';
import { User } from './user.entity';

/**
 * Saves `themeId` (a system theme, contracts/themes.ts) as `userId`'s own theme. Only the user may change it
 * (`user:update`); an unknown id is a BAD_USER_INPUT on `themeId`, so a stale client learns which field is wrong.
 */
export async function chooseTheme(em: EntityManager, actor: Actor, userId: string, themeId: string): Promise<User> {
  if (!can(actor, 'user:update', { kind: 'user', userId })) throw new ForbiddenError('You may change only your own theme');
  if (!themeById(themeId)) throw new ValidationError([{ field: 'themeId', message: `There is no theme "${themeId}"` }]);
  const user = await em.findOneOrFail(User, { id: userId });
  user.themeId = themeId;
  await em.flush();
  return user;
}
