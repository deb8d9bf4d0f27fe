import { RoomEventType } from '../../../../contracts/rooms';
import { ErrorCode } from '../../../../contracts/errors';
import { can } from '../../../../core/access/policy';
import { Project, ProjectFile } from '../../../../core/project/project.entity';
import { resolveRoomScripts } from '../../../../core/rooms/room-scripts';
import { requireRoom } from '../../../../core/rooms/room-standing';
import { RoomError } from '../../../../core/rooms/room.errors';
import { ConflictError, ServiceUnavailableError } from '../../../../core/shared/domain.errors';
import { User } from '../../../../core/user/user.entity';
import { requireViewer, type GraphQLContext } from '../../context';
import type { Resolvers } from '../../generated/graphql';

/** The files the Run/Test choice reads (package.json scripts, a FastAPI app, manage.py …); other files by path only. */
const SCRIPT_FILES = ['package.json', 'requirements.txt', 'main.py', 'app/main.py', 'src/main.py', 'app.py', 'manage.py'];

/** The project's files as the script resolver reads them: every path, with the content of the few it looks into. */
async function scriptFiles(ctx: GraphQLContext, projectId: string): Promise<Map<string, string>> {
  const rows = await ctx.em.find(ProjectFile, { project: projectId, binary: false }, { fields: ['path'] });
  const files = new Map(rows.map((f) => [f.path, '']));
  const contents = await ctx.em.find(ProjectFile, { project: projectId, path: { $in: SCRIPT_FILES } }, { fields: ['path', 'content'] });
  for (const f of contents) files.set(f.path, f.content);
  return files;
}

/** Refused before anything starts: no sandbox backend on this server. */
function runtimeOf(ctx: GraphQLContext) {
  if (!ctx.roomRuntime) throw new ServiceUnavailableError('Sandboxes');
  return ctx.roomRuntime;
}

/** runInRoom and Room.sandbox: the room's shared sandbox, its terminal and the Run/Test buttons. */
export const roomRunResolvers: Resolvers = {
  Mutation: {
    runInRoom: async (_root, { roomId, script }, ctx) => {
      const viewerId = requireViewer(ctx);
      const runtime = runtimeOf(ctx);
      const { room } = await requireRoom(ctx.em, viewerId, roomId, 'room:run');
      if (room.status === 'archived') throw new RoomError(ErrorCode.ROOM_ARCHIVED, 'This room is archived: reopen it first.', roomId);
      const user = await ctx.em.findOneOrFail(User, { id: viewerId });
      const kind = script === 'TEST' ? 'test' : 'run';
      const ref = await runtime.refOf(ctx.em, roomId);
      const project = await ctx.em.findOneOrFail(Project, { id: ref.projectId });
      const planned = resolveRoomScripts(project.framework, await scriptFiles(ctx, ref.projectId))[kind];
      if (planned.command === null) throw new ConflictError(planned.reason);
      await ctx.roomEvents.publish(roomId, RoomEventType.RUN_STARTED, { kind, command: planned.command, by: { id: viewerId, name: user.displayName } });
      await ctx.roomActivity.touch(room, 'run', viewerId);
      const result = await runtime.runner.run(ref, kind, { id: viewerId, name: user.displayName });
      if (!result.started) throw new ConflictError(result.reason);
      return true;
    },
  },
  Room: {
    sandbox: async (room, _args, ctx) => {
      if (!ctx.roomRuntime) return null;
      const { actor, resource } = await ctx.rooms.standing(ctx.viewerId, room.id);
      if (!can(actor, 'room:read', resource)) return null;
      const [record, project] = await Promise.all([ctx.roomRuntime.sandboxes.find(room.id), ctx.em.findOneOrFail(Project, { id: room.project.id })]);
      const scripts = resolveRoomScripts(project.framework, await scriptFiles(ctx, project.id));
      const live = record && ['CREATING', 'RUNNING'].includes(record.status) ? record : null;
      return {
        id: live?.id ?? null,
        status: live?.status ?? 'NONE',
        terminalPath: `/rooms/${room.id}/terminal`,
        previewUrl: live?.previewUrl && ctx.previews ? ctx.previews.origin().urlFor(live.id) : null,
        runCommand: scripts.run.command,
        testCommand: scripts.test.command,
        runUnavailableReason: scripts.run.command === null ? scripts.run.reason : null,
        testUnavailableReason: scripts.test.command === null ? scripts.test.reason : null,
      };
    },
  },
};
