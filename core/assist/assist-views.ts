/** Assist rows as the GraphQL schema shows them (assist.graphql): ids instead of references, usage as tokens. */
import { AssistEventType } from '../../contracts/assist';
import type { AssistEvent } from './assist-stream';
import type { AssistRequest } from './assist.entities';

export function requestView(row: AssistRequest) {
  return {
    id: row.id,
    projectId: row.project.id,
    action: row.action,
    path: row.path,
    targetPath: row.targetPath,
    selectionStartLine: row.selectionStartLine ?? null,
    selectionEndLine: row.selectionEndLine ?? null,
    instruction: row.instruction ?? null,
    status: row.status,
    answer: row.answer ?? null,
    baseContent: row.baseContent ?? null,
    proposedContent: row.proposedContent ?? null,
    editTool: row.editTool ?? null,
    verification: row.verification ?? null,
    errorCode: row.errorCode ?? null,
    errorMessage: row.errorMessage ?? null,
    model: row.model ?? null,
    tokens: row.usage?.totalTokens ?? null,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt ?? null,
    decidedAt: row.decidedAt ?? null,
  };
}

export interface AssistStreamEventView {
  id: string;
  type: string;
  /** assist.delta's whole answer so far. */
  text: string | null;
  data: Record<string, unknown> | null;
  at: Date;
}

export function streamEventView(event: AssistEvent): AssistStreamEventView {
  const text = event.type === AssistEventType.DELTA && typeof event.data?.text === 'string' ? event.data.text : null;
  return { id: event.id, type: event.type, text, data: event.data, at: event.at };
}

/** Whether an event ends its stream. */
export const endsStream = (type: string): boolean => type === AssistEventType.READY || type === AssistEventType.FAILED;
