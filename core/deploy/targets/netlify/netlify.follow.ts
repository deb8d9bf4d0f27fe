/**
 * Follows a Netlify deploy (`GET /deploys/{id}`) through its states (uploading, uploaded, processing, prepared …)
 * until `ready` or `error`. A manual deploy has no build log: each state change and Netlify's error message become
 * the log lines on the `provider` stream.
 */
import type { ProviderDeployment, ReadyDeployment, TargetContext } from '../target';
import { pollDelay } from '../provider-http';
import { DeployFailure } from '../target';
import type { NetlifyClient } from './netlify.client';

/** What the adapter reads of a Netlify deploy. */
export interface NetlifyDeploy {
  readonly id: string;
  readonly site_id?: string;
  readonly state: string;
  readonly title?: string | null;
  readonly required?: readonly string[];
  readonly deploy_url?: string | null;
  readonly deploy_ssl_url?: string | null;
  readonly error_message?: string | null;
  readonly summary?: { readonly messages?: readonly { readonly title?: string; readonly description?: string }[] } | null;
}

export async function followNetlifyDeploy(
  api: NetlifyClient,
  ctx: TargetContext,
  deployment: ProviderDeployment,
  pollMs: number,
): Promise<ReadyDeployment> {
  let last = '';
  for (;;) {
    const deploy = await api.call<NetlifyDeploy>('GET', `/deploys/${deployment.ref}`, 'reading the Netlify deploy', { signal: ctx.signal });
    ctx.heartbeat();
    if (deploy.state !== last) {
      ctx.log(`Netlify: deploy ${deploy.state}`, 'provider');
      last = deploy.state;
    }
    if (deploy.state === 'ready') {
      for (const message of deploy.summary?.messages ?? []) if (message.title) ctx.log(`Netlify: ${message.title}`, 'provider');
      const url = deploy.deploy_ssl_url ?? deploy.deploy_url ?? deployment.url;
      if (!url) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Netlify reported the deploy ready without a URL');
      return { url };
    }
    if (deploy.state === 'error' || deploy.state === 'rejected') {
      if (deploy.error_message) ctx.log(`Netlify: ${deploy.error_message}`, 'provider');
      throw new DeployFailure(
        'DEPLOY_PROVIDER_FAILED',
        `Netlify could not process the deploy${deploy.error_message ? `: ${deploy.error_message}` : ''}`,
      );
    }
    await pollDelay(pollMs, ctx.signal, 'Netlify');
  }
}
