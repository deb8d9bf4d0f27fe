import { ApplicationFailure } from '@temporalio/activity';
import { AssistEventType, CHANGING_ACTIONS, type AssistStatus, type AssistVerification, type EditTool } from '../../contracts/assist';
import { ErrorCode } from '../../contracts/errors';
import { currentText } from '../../core/assist/assist-files';
import { promptInputOf } from '../../core/assist/assist-input';
import { assistEndKey } from '../../core/assist/assist-keys';
import { AssistRequest } from '../../core/assist/assist.entities';
import { AssistRefusedError } from '../../core/assist/assist.errors';
import { fitOutput } from '../../core/assist/assist-window';
import { proposalFromReply } from '../../core/assist/model-edit';
import { actionRequest, type ActionRequest } from '../../core/assist/prompts';
import { toNanos } from '../../core/models/cost';
import type { TokenUsage } from '../../core/models/model-types';
import { FileOperationError } from '../../core/files/file.errors';
import type { ActivityDeps } from '../deps';
import { verifyInSandbox } from './assist-verify';

export interface AssistPrompt {
  userId: string;
  projectId: string;
  request: ActionRequest;
  /** fix: the command its verification runs; null: no verification. */
  verifyCommand: string | null;
}

export interface AssistAnswer {
  requestId: string;
  text: string;
  model: string;
  usage: TokenUsage;
  costUsd: number;
}

/** What storing the answer found: a stored answer (and proposal), no usable edit, or a request no longer running. */
export type StoredAnswer = { kind: 'stored' } | { kind: 'no_edit'; message: string } | { kind: 'stopped' };

/**
 * The steps of `assistWorkflow`. Each is safe to repeat: writes are conditional on the request still running, and
 * the one terminal event (ready, failed, or ready with status cancelled) carries the same dedupe key whoever sends it.
 */
export function createAssistActivities(deps: ActivityDeps) {
  const { orm, models, assistEvents, live } = deps;
  const events = () => {
    if (!assistEvents) throw ApplicationFailure.nonRetryable('This worker has no assist event stream', ErrorCode.SERVICE_UNAVAILABLE);
    return assistEvents;
  };
  const running = async (requestId: string): Promise<AssistRequest | null> => {
    const row = await orm.em.fork().findOne(AssistRequest, { id: requestId }, { populate: ['project'] });
    if (!row) throw ApplicationFailure.nonRetryable(`Assist request ${requestId} is gone`, ErrorCode.NOT_FOUND);
    return row.status === 'running' ? row : null;
  };
  /** Moves a running request to its end and publishes its terminal event (again, deduped, on a retry). */
  const end = async (requestId: string, status: AssistStatus, fields: Partial<AssistRequest>, event: [AssistEventType, Record<string, unknown>]) => {
    const em = orm.em.fork();
    await em.nativeUpdate(AssistRequest, { id: requestId, status: 'running' }, { ...fields, status, finishedAt: new Date() });
    const row = await em.findOneOrFail(AssistRequest, { id: requestId }, { fields: ['status'] });
    // Someone else ended it first (a cancel racing the answer): their event is the one.
    if (row.status !== status) return;
    await events().publish(requestId, event[0], event[1], assistEndKey(requestId));
    await events().expire(requestId);
  };

  return {
    /** The request's prompt, built from its row (the file as it was at start); null when it no longer runs. */
    async loadAssistPrompt(input: { requestId: string }): Promise<AssistPrompt | null> {
      const row = await running(input.requestId);
      if (!row) return null;
      try {
        // Tests read the code under test now: the row's base is the test file.
        const file = row.action === 'tests' && row.targetPath !== row.path ? await currentText(orm.em.fork(), live, row.project.id, row.path) : row.baseContent;
        if (file == null) throw ApplicationFailure.nonRetryable(`${row.path} was deleted`, ErrorCode.NOT_FOUND);
        let request = actionRequest(promptInputOf(row, file));
        if (models) request = fitOutput(request, (await models.availability({ userId: row.user.id, projectId: row.project.id }, 'assist')).models);
        return { userId: row.user.id, projectId: row.project.id, request, verifyCommand: row.action === 'fix' ? (row.testCommand ?? null) : null };
      } catch (error) {
        if (error instanceof AssistRefusedError || error instanceof FileOperationError) throw ApplicationFailure.nonRetryable(error.message, error.code);
        throw error;
      }
    },

    /** Stores the answer and, for a changing action, the proposal taken from it (proposalFromReply). */
    async storeAssistAnswer(answer: AssistAnswer): Promise<StoredAnswer> {
      const row = await running(answer.requestId);
      if (!row) return { kind: 'stopped' };
      const fields: Partial<AssistRequest> = {
        model: answer.model,
        usage: answer.usage,
        costUsdNanos: toNanos(answer.costUsd).toString(),
        answer: answer.text.trim(),
      };
      let outcome: StoredAnswer = { kind: 'stored' };
      if (CHANGING_ACTIONS.includes(row.action)) {
        const base = row.baseContent ?? '';
        const { selectionStartLine: startLine, selectionEndLine: endLine } = row;
        const selection = startLine && endLine ? { startLine, endLine } : null;
        const proposal = proposalFromReply({ action: row.action, base, selection, reply: answer.text });
        fields.editTool = proposal.tool as EditTool | null;
        if (!proposal.ok) outcome = { kind: 'no_edit', message: `The model's answer held no usable change (${proposal.error}). Run it again, or rephrase.` };
        else if (proposal.content === base) outcome = { kind: 'no_edit', message: 'The model proposed no change to the file. Run it again, or rephrase.' };
        else Object.assign(fields, { proposedContent: proposal.content, answer: proposal.note });
      } else if (!fields.answer) {
        outcome = { kind: 'no_edit', message: 'The model answered with nothing. Run it again.' };
      }
      await orm.em.fork().nativeUpdate(AssistRequest, { id: answer.requestId, status: 'running' }, fields);
      return outcome;
    },

    /** A fix's check in a sandbox (assist.verifying first); the result is stored on the request and returned. */
    async verifyAssistFix(input: { requestId: string }): Promise<AssistVerification | null> {
      const row = await running(input.requestId);
      if (!row?.testCommand || row.proposedContent == null) return null;
      if (row.verification) return row.verification;
      await events().publish(row.id, AssistEventType.VERIFYING, { command: row.testCommand }, `assist:${row.id}:verifying`);
      const verification = await verifyInSandbox(deps, row, row.testCommand);
      await orm.em.fork().nativeUpdate(AssistRequest, { id: row.id, status: 'running' }, { verification });
      return verification;
    },

    async finishAssist(input: { requestId: string }): Promise<void> {
      await end(input.requestId, 'ready', {}, [AssistEventType.READY, { status: 'ready' }]);
    },

    async failAssist(input: { requestId: string; code: string; message: string }): Promise<void> {
      const { code, message } = input;
      await end(input.requestId, 'failed', { errorCode: code, errorMessage: message }, [AssistEventType.FAILED, { code, message }]);
    },

    async cancelAssistRequest(input: { requestId: string }): Promise<void> {
      await end(input.requestId, 'cancelled', {}, [AssistEventType.READY, { status: 'cancelled' }]);
    },
  };
}
