import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { AssistEventType } from '@contracts/assist';
import { ErrorCode } from '@contracts/errors';
import type { Subscription } from 'rxjs';
import type { LineSelection, LiveEditorInstance } from '../../workspace/editor/live-editor-engine';
import {
  AssistActionsApi,
  type AssistRequestView,
  type AssistStreamEvent,
} from '../services/assist-actions-api.service';
import { ASSIST_WORDS, type AssistProblem, failureText } from '../services/assist-errors';
import { ASKS_FIRST, type AssistAsk, type AssistFormValues } from './assist-action.models';
import { rebaseProposal } from './proposal';

/** What the action tab shows: nothing, the form, the answer streaming, the answer (and proposal), the end. */
export type ActionPhase = 'idle' | 'form' | 'starting' | 'running' | 'ready' | 'applying' | 'done';

/** What accepting needs of the page: the target file open in a writable live editor. */
export interface AssistEditorHost {
  /**
   * Opens `path` (creating it first when the project has no such file) and resolves with its editor once
   * this person can write to it; null with the reason when that cannot be.
   */
  editorFor(path: string): Promise<{ editor: LiveEditorInstance } | { reason: string }>;
}

const LOST: AssistProblem = {
  code: 'STREAM_LOST',
  message: 'Lost the connection to this answer. Follow it again, or stop it.',
  extensions: {},
};

/**
 * One workspace's current editor action, as signals (the page and the action tab share it): starts it,
 * follows its stream, and on Accept applies the proposal through the live editor in one undo step before
 * it records the decision. Nothing else writes to the file.
 */
@Injectable()
export class AssistActions {
  private readonly api = inject(AssistActionsApi);
  private following: Subscription | null = null;

  readonly phase = signal<ActionPhase>('idle');
  /** The action asked (kept for the form, a rerun on the selection, the heading). */
  readonly ask = signal<AssistAsk | null>(null);
  readonly request = signal<AssistRequestView | null>(null);
  /** The answer so far while it streams (each delta is the whole text). */
  readonly streamed = signal('');
  /** A fix being checked: the command. */
  readonly verifying = signal<string | null>(null);
  readonly problem = signal<AssistProblem | null>(null);
  private values: AssistFormValues = {};
  private projectId = '';

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopFollowing());
  }

  /** An action chosen in the menu: those that need more ask first. */
  begin(projectId: string, ask: AssistAsk): void {
    this.projectId = projectId;
    this.stopFollowing();
    this.reset(ask);
    if (ASKS_FIRST.has(ask.action)) this.phase.set('form');
    else void this.start({});
  }

  /** The form's answers: the action starts. */
  submit(values: AssistFormValues): Promise<void> {
    return this.start(values);
  }

  /** ASSIST_CONTEXT_TOO_LARGE on the whole file: the same action on the lines now selected. */
  retryOn(selection: LineSelection): Promise<void> {
    const ask = this.ask();
    if (!ask) return Promise.resolve();
    this.ask.set({ ...ask, selection });
    return this.start(this.values);
  }

  private async start(values: AssistFormValues): Promise<void> {
    const ask = this.ask();
    if (!ask) return;
    this.values = values;
    this.reset(ask);
    this.phase.set('starting');
    const fix = ask.action === 'fix';
    const started = await this.api.start({
      projectId: this.projectId,
      action: ask.action,
      path: ask.action === 'new_file' ? (values.path ?? ask.path) : ask.path,
      selection: ask.selection,
      instruction: values.instruction || null,
      fixSource: fix ? (values.testCommand ? 'test' : 'terminal') : null,
      errorOutput: fix ? (values.errorOutput ?? '') : null,
      testCommand: fix ? values.testCommand || null : null,
    });
    if (this.ask() !== ask) return;
    if (!started.ok) {
      this.problem.set(started.error);
      this.phase.set(ASKS_FIRST.has(ask.action) ? 'form' : 'idle');
      return;
    }
    this.request.set(started.value);
    this.follow();
  }

  /** Follows the request's stream until ready or failed, then reads the request again. */
  follow(): void {
    const request = this.request();
    if (!request) return;
    this.stopFollowing();
    this.problem.set(null);
    this.phase.set('running');
    this.following = this.api.stream(request.id).subscribe({
      next: (event) => this.apply(event),
      error: () => void this.refresh(request.id, true),
      complete: () => void this.refresh(request.id, false),
    });
  }

  private apply(event: AssistStreamEvent): void {
    if (event.type === AssistEventType.DELTA && typeof event.text === 'string')
      this.streamed.set(event.text);
    if (event.type === AssistEventType.VERIFYING) {
      const command = (event.data as { command?: unknown } | null)?.command;
      this.verifying.set(typeof command === 'string' ? command : '');
    }
  }

  private async refresh(id: string, lost: boolean): Promise<void> {
    const read = await this.api.get(id);
    if (this.request()?.id !== id) return;
    if (!read.ok) {
      this.problem.set(read.error);
      this.phase.set('done');
      return;
    }
    this.request.set(read.value);
    this.verifying.set(null);
    const { status, errorCode, errorMessage } = read.value;
    if (status === 'running') {
      if (lost) this.problem.set(LOST);
      else this.follow();
      return;
    }
    if (status === 'failed') {
      this.problem.set({
        code: errorCode ?? 'FAILED',
        message: failureText(errorCode, errorMessage),
        extensions: {},
      });
    }
    this.phase.set(status === 'ready' ? 'ready' : 'done');
  }

  /** Applies the proposal to the target's live text (one undo step), then records the acceptance. */
  async accept(host: AssistEditorHost): Promise<void> {
    const request = this.request();
    if (!request || request.proposedContent == null || this.phase() !== 'ready') return;
    this.problem.set(null);
    this.phase.set('applying');
    const target = await host.editorFor(request.targetPath);
    if (this.request() !== request) return;
    if ('reason' in target)
      return this.refuse({ code: 'NOT_WRITABLE', message: target.reason, extensions: {} });
    const next = rebaseProposal(
      request.baseContent ?? '',
      request.proposedContent,
      target.editor.getText(),
    );
    if (next === null) {
      const code = ErrorCode.ASSIST_STALE;
      return this.refuse({ code, message: ASSIST_WORDS[code]!, extensions: {} });
    }
    if (!target.editor.applyAssistEdit(next) && target.editor.getText() !== next) {
      const message = `${request.targetPath} cannot be edited here right now; nothing was changed.`;
      return this.refuse({ code: 'NOT_WRITABLE', message, extensions: {} });
    }
    await this.decide(request, true);
  }

  async reject(): Promise<void> {
    const request = this.request();
    if (!request || this.phase() !== 'ready') return;
    this.phase.set('applying');
    await this.decide(request, false);
  }

  async cancel(): Promise<void> {
    const request = this.request();
    this.stopFollowing();
    if (!request) return this.close();
    const cancelled = await this.api.cancel(request.id);
    if (this.request() !== request) return;
    if (cancelled.ok) this.request.set(cancelled.value);
    else this.problem.set(cancelled.error);
    this.phase.set('done');
  }

  /** Back to nothing (the tab's "Close"). */
  close(): void {
    this.stopFollowing();
    this.reset(null);
  }

  private async decide(request: AssistRequestView, accept: boolean): Promise<void> {
    const decided = await this.api.decide(request.id, accept);
    if (this.request() !== request) return;
    if (decided.ok) this.request.set(decided.value);
    else this.problem.set(decided.error);
    this.phase.set('done');
  }

  private refuse(problem: AssistProblem): void {
    this.problem.set(problem);
    this.phase.set('ready');
  }

  private reset(ask: AssistAsk | null): void {
    this.ask.set(ask);
    this.request.set(null);
    this.streamed.set('');
    this.verifying.set(null);
    this.problem.set(null);
    this.phase.set('idle');
  }

  private stopFollowing(): void {
    this.following?.unsubscribe();
    this.following = null;
  }
}
