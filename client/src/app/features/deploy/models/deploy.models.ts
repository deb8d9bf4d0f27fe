import type {
  DEPLOYMENT_STEPS,
  DEPLOY_TOKEN_PROVIDERS,
  DeployLogStream,
  DeploymentStatus,
} from '@contracts/deploy';
import type {
  DeployEnvVarViewFragment,
  DeployLogLineViewFragment,
  DeployTargetViewFragment,
  DeployTokenViewFragment,
  DeploymentViewFragment,
  ProjectDeployHistoryQuery,
  ProjectDeployOverviewQuery,
  ProjectDeploySettingsQuery,
} from '../../../generated/deploy';

// contracts/deploy.ts also defines Temporal messages: the client names its values by type only (nothing of
// @temporalio reaches the bundle) and the `satisfies` clauses below keep these copies equal to them.

export type Deployment = DeploymentViewFragment;
export type DeployLogLine = DeployLogLineViewFragment;
export type DeployTarget = DeployTargetViewFragment;
export type DeployEnvVar = DeployEnvVarViewFragment;
export type DeployToken = DeployTokenViewFragment;

/**
 * A project's deployments as each view reads them, each with the viewer's rights: the header's newest one per
 * target, the history page's list, the settings page's targets and env vars.
 */
export type DeployOverview = ProjectDeployOverviewQuery['projectDeployments'];
export type DeployHistory = ProjectDeployHistoryQuery['projectDeployments'];
export type DeploySettings = ProjectDeploySettingsQuery['projectDeployments'];

/** The timeline's steps, in order (a rollback skips the first two: it reuses the earlier package). */
export const STEPS = [
  'BUILDING',
  'PACKAGING',
  'UPLOADING',
  'DEPLOYING',
  'CHECKING',
  'LIVE',
] as const satisfies typeof DEPLOYMENT_STEPS;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Readonly<Record<Step, string>> = {
  BUILDING: 'Build',
  PACKAGING: 'Package',
  UPLOADING: 'Upload',
  DEPLOYING: 'Deploy',
  CHECKING: 'Health check',
  LIVE: 'Live',
};

/** Providers whose tokens people store, in the order the settings list them. */
export const TOKEN_PROVIDERS = [
  'vercel',
  'netlify',
  'github',
  'render',
  'railway',
] as const satisfies typeof DEPLOY_TOKEN_PROVIDERS;
export type TokenProvider = (typeof TOKEN_PROVIDERS)[number];

export const PROVIDER_LABELS: Readonly<Record<string, string>> = {
  local: 'Local',
  vercel: 'Vercel',
  netlify: 'Netlify',
  github: 'GitHub',
  render: 'Render',
  railway: 'Railway',
};

/** A provider's or target's name as people read it; an unknown one shows as it came. */
export function providerLabel(name: string): string {
  return PROVIDER_LABELS[name] ?? name;
}

/** Where each provider's tokens are made, and what the optional scope means for it. */
export const TOKEN_HELP: Readonly<Record<TokenProvider, { readonly url: string; readonly scope?: string }>> = {
  vercel: { url: 'https://vercel.com/account/tokens', scope: 'Team id (optional)' },
  netlify: { url: 'https://app.netlify.com/user/applications#personal-access-tokens' },
  github: { url: 'https://github.com/settings/tokens' },
  render: { url: 'https://dashboard.render.com/u/settings#api-keys' },
  railway: { url: 'https://railway.com/account/tokens', scope: 'Workspace id (optional)' },
};

const IN_FLIGHT: ReadonlySet<string> = new Set<DeploymentStatus>([
  'QUEUED',
  'BUILDING',
  'PACKAGING',
  'UPLOADING',
  'DEPLOYING',
  'CHECKING',
]);

/** Whether the deployment is still on its way (it can be cancelled). */
export function inFlight(status: string): boolean {
  return IN_FLIGHT.has(status);
}

/** Statuses as the badges show them. */
export type DeployTone = 'neutral' | 'info' | 'success' | 'danger' | 'muted';
export function deployStatusDisplay(status: string): { label: string; tone: DeployTone } {
  switch (status as DeploymentStatus) {
    case 'QUEUED':
      return { label: 'Queued', tone: 'neutral' };
    case 'LIVE':
      return { label: 'Live', tone: 'success' };
    case 'SUPERSEDED':
      return { label: 'Superseded', tone: 'muted' };
    case 'FAILED':
      return { label: 'Failed', tone: 'danger' };
    case 'CANCELLED':
      return { label: 'Cancelled', tone: 'muted' };
    default:
      return IN_FLIGHT.has(status)
        ? { label: 'Deploying…', tone: 'info' }
        : { label: status.charAt(0) + status.slice(1).toLowerCase(), tone: 'neutral' };
  }
}

export const TRIGGER_LABELS: Readonly<Record<string, string>> = {
  user: 'Deploy',
  redeploy: 'Redeploy',
  rollback: 'Rollback',
  agent: 'Agent',
};

/** "12 s", "1 min 4 s", "2 h 5 min"; null while it runs. */
export function duration(from: string | null, to: string | null): string | null {
  if (!from || !to) return null;
  const seconds = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The log streams as the log view colours them; an unknown stream reads as `system`. */
export function logStream(stream: string): DeployLogStream {
  return stream === 'build' || stream === 'provider' || stream === 'runtime' ? stream : 'system';
}
