import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { slugCandidate, slugify } from './slug';

/** Thrown when no free host name was found for a project (every candidate taken): practically never. */
export class AppSlugExhaustedError extends Error {
  override readonly name = 'AppSlugExhaustedError';
  constructor(readonly base: string) {
    super(`No free app host name left for "${base}"; rename the project`);
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * The project's local app host name, claimed once and kept (`deploy_targets.provider_project_ref` for `local`): the
 * project name as a slug, or `<slug>-2`, `-3` … when another project holds it. The partial unique index settles a
 * race between two projects; a project that already has one keeps it, whatever its name became since.
 */
export async function claimAppSlug(em: EntityManager, projectId: string, name: string): Promise<string> {
  const base = slugify(name);
  const connection = em.getConnection();
  const taken = new Set(
    (await connection.execute<{ ref: string }[]>(`select provider_project_ref as ref from deploy_targets where target = 'local' and provider_project_ref like ? and project_id <> ?`, [`${base.slice(0, 30)}%`, projectId])).map((r) => r.ref),
  );
  for (let n = 1, tries = 0; tries < 20; n++) {
    const candidate = slugCandidate(base, n);
    if (taken.has(candidate)) continue;
    tries++;
    try {
      const rows = await connection.execute<{ ref: string }[]>(
        `insert into deploy_targets (id, project_id, target, settings, provider_project_ref, allow_agent_deploys, created_at, updated_at)
         values (?, ?, 'local', '{}', ?, false, now(), now())
         on conflict (project_id, target) do update set provider_project_ref = coalesce(deploy_targets.provider_project_ref, excluded.provider_project_ref), updated_at = now()
         returning provider_project_ref as ref`,
        [randomUUID(), projectId, candidate],
      );
      return rows[0]!.ref;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) && (error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      taken.add(candidate);
    }
  }
  throw new AppSlugExhaustedError(base);
}
