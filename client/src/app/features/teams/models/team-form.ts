/** The create-team form and the client mirror of the server's rule (see `team.graphql`). */
import type { FormErrors } from '../../../shared/form-state';

export const TEAM_NAME_MIN = 2;
export const TEAM_NAME_MAX = 64;

export type CreateTeamValue = { name: string };

export function validateCreateTeam(v: CreateTeamValue): FormErrors<CreateTeamValue> {
  const name = v.name.trim();
  if (!name) return { name: 'Name is required.' };
  if (name.length < TEAM_NAME_MIN || name.length > TEAM_NAME_MAX)
    return { name: `Name must be ${TEAM_NAME_MIN} to ${TEAM_NAME_MAX} characters.` };
  return {};
}
