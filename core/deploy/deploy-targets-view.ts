import { DEPLOY_TARGET_INFO, type DeployTargetName, type LocalAppState } from '../../contracts/deploy';
import { ValidationError } from '../shared/domain.errors';
import type { Deployment, DeployTarget } from './deploy.entities';

/** A project's settings for one target, as the API shows them (GraphQL `DeployTargetSettings`). */
export interface TargetView {
  readonly target: DeployTargetName;
  readonly label: string;
  /** Every token the target needs is stored (the team's for a team project, else the owner's). */
  readonly ready: boolean;
  readonly missingTokens: readonly string[];
  readonly settings: Readonly<Record<string, string>>;
  readonly allowAgentDeploys: boolean;
  readonly providerProjectRef: string | null;
  readonly liveDeployment: Deployment | null;
  /** The local app's state as its supervisor reports it; null for other targets or before a deploy. */
  readonly appState: LocalAppState | null;
}

/** Options people may set per target (no secrets: those are env vars). */
export const TARGET_SETTINGS: Record<DeployTargetName, readonly string[]> = {
  local: [],
  vercel: ['name'],
  netlify: ['name'],
  github: ['name', 'private'],
  render: ['name', 'region'],
  railway: ['name', 'region'],
};

const NAME = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const REGION = /^[a-z0-9-]{1,32}$/i;

/** Parses a settings input: known options only, each checked; anything else is BAD_USER_INPUT. */
export function parseTargetSettings(target: DeployTargetName, raw: unknown): Record<string, string> {
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new ValidationError([{ field: 'settings', message: 'Settings must be an object' }]);
  const known = TARGET_SETTINGS[target];
  const errors: Array<{ field: string; message: string }> = [];
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const field = `settings.${key}`;
    if (!known.includes(key)) {
      errors.push({ field, message: known.length ? `Unknown option; ${DEPLOY_TARGET_INFO[target].label} takes ${known.join(', ')}` : 'This target takes no options' });
      continue;
    }
    if (value === null || value === '') continue;
    const text = typeof value === 'boolean' || typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string') errors.push({ field, message: 'Must be text' });
    else if (key === 'name' && !NAME.test(text)) errors.push({ field, message: 'Letters, digits, dots, dashes and underscores, at most 100' });
    else if (key === 'private' && text !== 'true' && text !== 'false') errors.push({ field, message: 'true or false' });
    else if (key === 'region' && !REGION.test(text)) errors.push({ field, message: 'A region id such as oregon or us-west1' });
    else out[key] = text;
  }
  if (errors.length) throw new ValidationError(errors);
  return out;
}

/** The view of one target from its settings row (absent before anything was set or deployed). */
export function targetView(
  target: DeployTargetName,
  row: DeployTarget | null,
  live: Deployment | null,
  missingTokens: readonly string[],
  appState: LocalAppState | null,
): TargetView {
  return {
    target,
    label: DEPLOY_TARGET_INFO[target].label,
    ready: missingTokens.length === 0,
    missingTokens,
    settings: row?.settings ?? {},
    allowAgentDeploys: row?.allowAgentDeploys ?? false,
    providerProjectRef: row?.providerProjectRef ?? null,
    liveDeployment: live,
    appState,
  };
}
