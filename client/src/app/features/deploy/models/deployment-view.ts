import { EventType } from '@contracts/events';
import type { DeployEvent } from '../services/deploy-api.service';
import { eventDeploymentId } from '../services/deploy-event-stream.service';
import { type DeployLogLine, type Deployment, inFlight } from './deploy.models';
import { EMPTY_LOG, type LogBuffer, appendLines } from './log-buffer';

/** What the deployment page shows of one deployment, kept up to date by its events. */
export interface DeploymentView {
  readonly deployment: Deployment;
  readonly log: LogBuffer;
  /** The last in-flight status seen, so a failure marks the step it happened at. */
  readonly lastStep: string | null;
}

export function initialView(deployment: Deployment, lines: readonly DeployLogLine[]): DeploymentView {
  return {
    deployment,
    log: appendLines(EMPTY_LOG, lines),
    lastStep: inFlight(deployment.status) ? deployment.status : null,
  };
}

/** What an event asks the page to do besides updating the view. */
export interface EventEffect {
  readonly view: DeploymentView;
  /** Read the deployment again (its end: url, times, error) and the log after the last seq. */
  readonly refetch: boolean;
  /** Another deployment of the project changed: the history and the targets are stale. */
  readonly historyStale: boolean;
}

interface EventData {
  readonly status?: unknown;
  readonly url?: unknown;
  readonly error?: unknown;
  readonly code?: unknown;
  readonly lines?: unknown;
}

/**
 * Applies one `deploy.*` event to the page's deployment: log lines appended (each seq once; lines after a gap
 * wait for a read, which brings the missing ones too), a status change moves the timeline, the end (live, failed, cancelled) sets what it says at once and
 * asks for a read of the rest. Events of other deployments only mark the history stale.
 */
export function applyEvent(view: DeploymentView, event: DeployEvent): EventEffect {
  const data = (event.data ?? {}) as EventData;
  const ours = eventDeploymentId(event) === view.deployment.id;
  const historyStale = event.type !== EventType.DEPLOY_LOG;
  if (!ours) return { view, refetch: false, historyStale };
  const d = view.deployment;
  switch (event.type) {
    case EventType.DEPLOY_LOG: {
      const lines = Array.isArray(data.lines) ? (data.lines as DeployLogLine[]) : [];
      const first = Math.min(...lines.map((l) => l.seq));
      // After a gap the lines wait for the read, which brings them with the missing ones (after lastSeq).
      if (lines.length > 0 && first > view.log.lastSeq + 1) return { view, refetch: true, historyStale: false };
      return { view: { ...view, log: appendLines(view.log, lines) }, refetch: false, historyStale: false };
    }
    case EventType.DEPLOY_STATUS: {
      const status = typeof data.status === 'string' ? data.status : d.status;
      // A late status event never moves an ended deployment back.
      if (!inFlight(d.status)) return { view, refetch: false, historyStale };
      const lastStep = inFlight(status) ? status : view.lastStep;
      return { view: { ...view, deployment: { ...d, status }, lastStep }, refetch: !inFlight(status), historyStale };
    }
    case EventType.DEPLOY_LIVE: {
      const url = typeof data.url === 'string' ? data.url : d.url;
      return { view: { ...view, deployment: { ...d, status: 'LIVE', url, isLive: true } }, refetch: true, historyStale };
    }
    case EventType.DEPLOY_FAILED: {
      const error = typeof data.error === 'string' ? data.error : d.error;
      const errorCode = typeof data.code === 'string' ? data.code : d.errorCode;
      return { view: { ...view, deployment: { ...d, status: 'FAILED', error, errorCode } }, refetch: true, historyStale };
    }
    case EventType.DEPLOY_CANCELLED:
      return { view: { ...view, deployment: { ...d, status: 'CANCELLED' } }, refetch: true, historyStale };
    default:
      return { view, refetch: false, historyStale };
  }
}

/** A fresh read of the deployment merged in: its fields win, its lines join the log (each seq once). */
export function mergeRead(view: DeploymentView, deployment: Deployment, lines: readonly DeployLogLine[]): DeploymentView {
  return {
    deployment,
    log: appendLines(view.log, lines),
    lastStep: inFlight(deployment.status) ? deployment.status : view.lastStep,
  };
}
