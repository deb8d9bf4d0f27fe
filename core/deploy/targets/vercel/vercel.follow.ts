/**
 * Follows a Vercel deployment until its `readyState` is READY, ERROR or CANCELED, turning its build events
 * (`GET /v3/deployments/{id}/events`, read as JSON after each poll of the state, so the last lines before the end
 * are never missed) into log lines on the `provider` stream.
 */
import type { ProviderDeployment, ReadyDeployment, TargetContext } from '../target';
import { pollDelay } from '../provider-http';
import { DeployFailure } from '../target';
import { deploymentUrl, vercelCall, type VercelClient } from './vercel.client';

/** What the adapter reads of one event, in either of the shapes Vercel answers (flat or with `payload`). */
interface VercelEvent {
  readonly type?: string;
  readonly created?: number;
  readonly id?: string;
  readonly text?: string;
  readonly payload?: { readonly id?: string; readonly text?: string; readonly created?: number; readonly date?: number };
}

const LOGGED_TYPES = new Set(['command', 'stdout', 'stderr', 'fatal']);

export async function followVercelDeployment(
  client: VercelClient,
  ctx: TargetContext,
  deployment: ProviderDeployment,
  pollMs: number,
): Promise<ReadyDeployment> {
  const seen = new Set<string>();
  let since: number | undefined;

  const logNewEvents = async () => {
    const answer = await vercelCall(
      'reading the Vercel build logs',
      () =>
        client.sdk.deployments.getDeploymentEvents({
          idOrUrl: deployment.ref,
          direction: 'forward',
          since,
          builds: 1,
          teamId: client.teamId,
        }),
      ctx.signal,
    );
    const events = (Array.isArray(answer) ? answer : [answer]) as VercelEvent[];
    for (const event of events) {
      const id = event.payload?.id ?? event.id ?? `${event.created}:${event.payload?.text ?? event.text}`;
      if (seen.has(id)) continue;
      seen.add(id);
      since = Math.max(since ?? 0, event.created ?? event.payload?.created ?? event.payload?.date ?? 0) || undefined;
      const text = event.payload?.text ?? event.text;
      if (text && LOGGED_TYPES.has(event.type ?? '')) ctx.log(text, 'provider');
    }
  };

  for (;;) {
    const current = (await vercelCall(
      'reading the Vercel deployment',
      () => client.sdk.deployments.getDeployment({ idOrUrl: deployment.ref, teamId: client.teamId }),
      ctx.signal,
    )) as { readyState?: string; url?: string; errorMessage?: string | null; errorCode?: string };
    await logNewEvents();
    ctx.heartbeat();
    if (current.readyState === 'READY') {
      const url = deploymentUrl(current.url) ?? deployment.url;
      if (!url) throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Vercel reported the deployment ready without a URL');
      ctx.log(`Vercel: the deployment is ready at ${url}`, 'system');
      return { url };
    }
    if (current.readyState === 'ERROR') {
      const why = current.errorMessage ?? current.errorCode;
      throw new DeployFailure('DEPLOY_PROVIDER_FAILED', `Vercel’s build of the deployment failed${why ? `: ${why}` : ''}`);
    }
    if (current.readyState === 'CANCELED') throw new DeployFailure('DEPLOY_PROVIDER_FAILED', 'Vercel cancelled the deployment');
    await pollDelay(pollMs, ctx.signal, 'Vercel');
  }
}
