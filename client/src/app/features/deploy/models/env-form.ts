import type { DEPLOY_ENV_ANY_TARGET, DEPLOY_ENV_LIMITS } from '@contracts/deploy';
import type { FormErrors } from '../../../shared/form-state';
import type { DeployEnvVar } from './deploy.models';

/** contracts/deploy.ts's limits, copied (see deploy.models.ts: nothing of @temporalio in the bundle). */
const LIMITS = {
  keyPattern: /^[A-Za-z_][A-Za-z0-9_]{0,127}$/,
  maxValueBytes: 32 * 1024,
  maxPerProject: 100,
} as const satisfies typeof DEPLOY_ENV_LIMITS;

export type EnvForm = { target: string; key: string; value: string; secret: string };

/** Every target. */
export const ANY_TARGET = '*' satisfies typeof DEPLOY_ENV_ANY_TARGET;

export const EMPTY_ENV_FORM: EnvForm = { target: ANY_TARGET, key: '', value: '', secret: 'true' };

/** The server's rules for a variable, checked as it is typed (the server checks them again). */
export function validateEnv(v: EnvForm, editingSecret = false): FormErrors<EnvForm> {
  const errors: FormErrors<EnvForm> = {};
  if (!v.key) errors.key = 'Give the variable a name.';
  else if (!LIMITS.keyPattern.test(v.key))
    errors.key = 'Letters, digits and _, not starting with a digit, at most 128 characters.';
  if (!v.value && !editingSecret) errors.value = 'Give it a value.';
  else if (!v.value && editingSecret) errors.value = 'Type the new value: a secret is never shown again.';
  else if (new TextEncoder().encode(v.value).length > LIMITS.maxValueBytes)
    errors.value = `At most ${LIMITS.maxValueBytes / 1024} KiB.`;
  return errors;
}

/** How a variable's value shows in the list: a plain value as it is, a secret only as its hint. */
export function shownValue(v: DeployEnvVar): string {
  return v.secret ? v.hint || '••••' : (v.value ?? '');
}

/** The form to edit a variable: a plain value prefilled, a secret's value left empty (never re-shown). */
export function editForm(v: DeployEnvVar): EnvForm {
  return { target: v.target, key: v.key, value: v.secret ? '' : (v.value ?? ''), secret: String(v.secret) };
}
