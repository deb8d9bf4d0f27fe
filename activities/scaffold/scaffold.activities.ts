import { ApplicationFailure, Context } from '@temporalio/activity';
import { Project } from '../../core/project/project.entity';
import { ErrorCode } from '../../contracts/errors';
import type { ActivityDeps } from '../deps';
import type { RunRef } from '../project/project.activities';
import { languageOf, starterTemplates } from './templates';
import { EventType } from '../../contracts/events';

/** Writes a file once per (project, path): a retried attempt overwrites the same row, never adds one. */
const UPSERT_FILE = `
insert into project_files (id, project_id, path, content, language, size)
values (gen_random_uuid(), ?, ?, ?, ?, ?)
on conflict (project_id, path) do update
  set content = excluded.content, language = excluded.language, size = excluded.size, updated_at = now()`;

/** The scaffold step: renders the framework's starter and stores it file by file, reporting progress. */
export function createScaffoldActivities({ orm, events, scaffoldFileDelayMs }: ActivityDeps) {
  return {
    async scaffoldProject(ref: RunRef): Promise<{ files: number }> {
      const ctx = Context.current();
      const em = orm.em.fork();
      const project = await em.findOne(Project, { id: ref.projectId });
      if (!project) throw ApplicationFailure.nonRetryable(`Project ${ref.projectId} does not exist`, ErrorCode.NOT_FOUND);
      const template = starterTemplates[project.framework];
      if (!template) {
        throw ApplicationFailure.nonRetryable(
          `The built-in starter supports ${Object.keys(starterTemplates).join(' and ')} today; ${project.framework} arrives with the agent team.`,
          ErrorCode.UNSUPPORTED_FRAMEWORK,
        );
      }
      const files = template.render(project);
      const emit = (type: EventType, message: string, dedupe: string, data?: Record<string, unknown>) =>
        events.append({ projectId: ref.projectId, runId: ref.runId, type, message, data, dedupeKey: `run:${ref.runId}:${dedupe}` });

      await emit(EventType.STEP_STARTED, `Scaffolding the ${template.framework} starter (${files.length} files)`, 'scaffold:started', {
        step: 'scaffold',
        total: files.length,
      });
      // A retried attempt resumes after the last file its predecessor reported; the upsert and the
      // event dedupe keys make a repeat of that last file harmless.
      const resumeFrom = Number(ctx.info.heartbeatDetails ?? 0);
      const connection = em.getConnection();
      for (let index = resumeFrom; index < files.length; index++) {
        const file = files[index]!;
        const size = Buffer.byteLength(file.content, 'utf8');
        const language = languageOf(file.path);
        await connection.execute(UPSERT_FILE, [ref.projectId, file.path, file.content, language, size]);
        await emit(EventType.FILE_CREATED, `Created ${file.path}`, `file:${file.path}`, { path: file.path, size, language });
        ctx.heartbeat(index + 1);
        if (scaffoldFileDelayMs > 0) await ctx.sleep(scaffoldFileDelayMs);
      }
      await emit(EventType.STEP_COMPLETED, `Scaffolded ${files.length} files`, 'scaffold:completed', { step: 'scaffold', files: files.length });
      return { files: files.length };
    },
  };
}
