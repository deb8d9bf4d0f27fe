import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import { loadActor } from '../../../../core/access/actor';
import { can, type ProjectAction, type Visibility } from '../../../../core/access/policy';
import { Project } from '../../../../core/project/project.entity';
import { loadStanding } from '../../../../core/rooms/room-standing';
import type { SandboxManager } from '../../../../core/sandbox/sandbox-manager';
import type { SandboxRecord } from '../../../../core/sandbox/sandbox.entity';

/** Who is asking, as the app's context builder resolves it from the session cookie. */
export type ViewerResolver = (req: IncomingMessage) => Promise<{ viewerId: string | null; em: EntityManager }>;

/** Outcome of an access check: the sandbox, or the HTTP status to refuse with. */
export type SandboxAccess = { ok: true; record: SandboxRecord } | { ok: false; status: 401 | 403 | 404 };

/**
 * Decides whether the request's viewer may `action` the sandbox's project: preview needs
 * `project:read`, the terminal `project:run`. A sandbox the viewer cannot read is a 404, so its
 * existence is not revealed.
 */
export async function checkSandboxAccess(req: IncomingMessage, sandboxId: string, action: ProjectAction, deps: { sandboxes: SandboxManager; viewer: ViewerResolver }): Promise<SandboxAccess> {
  const { viewerId, em } = await deps.viewer(req);
  return checkViewerAccess(viewerId, em, sandboxId, action, deps.sandboxes);
}

/** The same decision for a viewer already known (the preview listener knows it from its own cookie). */
export async function checkViewerAccess(viewerId: string | null, em: EntityManager, sandboxId: string, action: ProjectAction, sandboxes: SandboxManager): Promise<SandboxAccess> {
  const record = await sandboxes.find(sandboxId);
  if (!record || record.status !== 'RUNNING') return { ok: false, status: 404 };
  // A deployed app's sandbox is the platform's: no preview link, no terminal (its processes hold the app's secrets).
  if (record.purpose === 'app') return { ok: false, status: 404 };
  if (record.roomId) return roomSandboxAccess(viewerId, em, record, action);
  const project = await em.findOne(Project, { id: record.project.id });
  if (!project) return { ok: false, status: 404 };
  const actor = await loadActor(em, viewerId);
  const resource = { kind: 'project' as const, ownerUserId: project.owner.id, ownerTeamId: project.ownerTeam?.id ?? null, visibility: project.visibility as Visibility, id: project.id };
  if (!can(actor, 'project:read', resource)) return { ok: false, status: viewerId ? 404 : 401 };
  if (!can(actor, action, resource)) return { ok: false, status: 403 };
  return { ok: true, record };
}

/**
 * A room's sandbox is the room's: its members inside see the preview (the room shares it), participants and
 * above may run; whoever may not see the room gets 404, as for a project. The project's own members get nothing
 * extra here: they join the room like anyone else.
 */
async function roomSandboxAccess(viewerId: string | null, em: EntityManager, record: SandboxRecord, action: ProjectAction): Promise<SandboxAccess> {
  if (!viewerId) return { ok: false, status: 401 };
  const standing = await loadStanding(em, viewerId, record.roomId!).catch(() => null);
  if (!standing || !can(standing.actor, 'room:view', standing.resource)) return { ok: false, status: 404 };
  const allowed = can(standing.actor, action === 'project:read' ? 'room:read' : 'room:terminal', standing.resource);
  return allowed ? { ok: true, record } : { ok: false, status: 403 };
}

/** True unless the request names an Origin whose host differs from its Host (cross-site WebSocket hijacking). */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
