/** The auth forms' values and the client mirror of the server's rules (see `auth.graphql`). */
import type { FormErrors } from '../../../shared/form-state';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 80;

export type SignUpValue = { email: string; password: string; displayName: string };
export type LogInValue = { email: string; password: string };
export type ForgotValue = { email: string };
export type ResetValue = { password: string; confirm: string };

/** One '@' with text on both sides and a dot in the domain part, as the server checks. */
export function emailError(email: string): string | undefined {
  const trimmed = email.trim();
  if (!trimmed) return 'Email is required.';
  const parts = trimmed.split('@');
  const [local = '', domain = ''] = parts;
  if (parts.length !== 2 || !local || !domain || !domain.includes('.'))
    return 'Enter an email address like name@example.com.';
  return undefined;
}

export function passwordError(password: string): string | undefined {
  if (!password) return 'Password is required.';
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    return `Password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters.`;
  return undefined;
}

export function displayNameError(name: string): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return 'Display name is required.';
  if (trimmed.length > DISPLAY_NAME_MAX)
    return `Display name must be at most ${DISPLAY_NAME_MAX} characters.`;
  return undefined;
}

export function validateSignUp(v: SignUpValue): FormErrors<SignUpValue> {
  return compact({
    email: emailError(v.email),
    password: passwordError(v.password),
    displayName: displayNameError(v.displayName),
  });
}

/** Log-in checks presence only: the length rules would tell which accounts cannot exist. */
export function validateLogIn(v: LogInValue): FormErrors<LogInValue> {
  return compact({
    email: v.email.trim() ? undefined : 'Email is required.',
    password: v.password ? undefined : 'Password is required.',
  });
}

export function validateForgot(v: ForgotValue): FormErrors<ForgotValue> {
  return compact({ email: emailError(v.email) });
}

export function validateReset(v: ResetValue): FormErrors<ResetValue> {
  return compact({
    password: passwordError(v.password),
    confirm: v.confirm === v.password ? undefined : 'The passwords do not match.',
  });
}

function compact<T extends Record<string, string | undefined>>(errors: T): Partial<Record<keyof T & string, string>> {
  return Object.fromEntries(Object.entries(errors).filter(([, m]) => m)) as Partial<
    Record<keyof T & string, string>
  >;
}
