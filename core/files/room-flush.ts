import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { flushNowUpdate } from '../../contracts/messages';
import { workflowIds } from '../../contracts/workflow-ids';

/** How a flush before a download went: `no-room` means nobody is editing (PostgreSQL has everything). */
export type RoomFlush = { status: 'flushed'; flushed: number } | { status: 'no-room' } | { status: 'failed'; error: unknown };

/**
 * Asks the project's room workflow to write its edited documents to PostgreSQL now, waiting at most
 * `timeoutMs`. Never throws: a download goes on with what PostgreSQL has (at most ~2 s of edits behind).
 */
export async function flushProjectRoom(temporal: Client, projectId: string, timeoutMs = 5_000): Promise<RoomFlush> {
  const handle = temporal.workflow.getHandle(workflowIds.projectRoom(projectId));
  try {
    const { flushed } = await temporal.withAbortSignal(AbortSignal.timeout(timeoutMs), () => handle.executeUpdate(flushNowUpdate));
    return { status: 'flushed', flushed };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { status: 'no-room' };
    return { status: 'failed', error };
  }
}
