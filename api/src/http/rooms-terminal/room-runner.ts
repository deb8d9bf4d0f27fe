import { resolveRoomScripts } from '../../../../core/rooms/room-scripts';
import type { RoomRef, RoomSandboxes } from '../../../../core/rooms/room-sandbox';
import type { SharedTerminals } from './shared-terminal';

/** Which button was pressed. */
export type RoomRunKind = 'run' | 'test';

/** What a press did: the command and, for Run, the preview's port (null when nothing answered HTTP in time). */
export type RoomRunResult =
  | {
      readonly started: true;
      readonly command: string;
      readonly source: string;
      readonly sandboxId: string;
      readonly previewPort: number | null;
    }
  | { readonly started: false; readonly reason: string };

/** Where the Run output goes, in the workspace (a launch's /tmp is its own; the workspace is shared). */
export const RUN_LOG = '.atelier/run.log';

/**
 * The Run and Test buttons of a room. Both first bring the room's sandbox up to date with the project's files
 * (people edited them since), installing again when a manifest changed, with progress in the shared terminal.
 *
 * Test types the test command into the shared shell. Run cannot do that for a server: each launch in a sandbox
 * has its own network namespace, and only a preview's launch is reachable from the preview origin. So Run starts
 * the command as the room's preview (replacing a running one), writing its output to {@link RUN_LOG}, and
 * types a `tail -F` of that log into the shared shell, so everyone sees the server's output live.
 */
export class RoomRunner {
  constructor(private readonly deps: { readonly terminals: SharedTerminals; readonly sandboxes: RoomSandboxes }) {}

  async run(room: RoomRef, kind: RoomRunKind, by: { id: string; name: string }): Promise<RoomRunResult> {
    const { terminals, sandboxes } = this.deps;
    const { record, sandbox, files, framework } = await sandboxes.sync(room, (text) => terminals.print(room.roomId, text));
    const script = resolveRoomScripts(framework, files)[kind];
    if (script.command === null) return { started: false, reason: script.reason };
    const started = { started: true as const, command: script.command, source: script.source, sandboxId: record.id };
    if (kind === 'test') {
      await terminals.run(room.roomId, script.command, by);
      return { ...started, previewPort: null };
    }
    await sandbox.writeFile(RUN_LOG, '');
    await terminals.run(room.roomId, `tail -n +1 -F ${RUN_LOG}  # ${script.command}`, by);
    // A command that serves nothing (a script that prints and exits) still ran: previewPort null, output in the terminal.
    const { port } = await sandboxes.startPreview(room, `${script.command} > ${RUN_LOG} 2>&1`);
    return { ...started, previewPort: port };
  }
}
