import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ErrorCode } from '@contracts/errors';
import { FileDiffComponent } from '../../workspace/files/diff/file-diff.component';
import type { LineSelection } from '../../workspace/editor/live-editor-engine';
import { AssistActionFormComponent } from './assist-action-form.component';
import { ACTION_LABELS, answerParts, scopeLabel } from './assist-action.models';
import { type AssistEditorHost, AssistActions } from './assist-actions.controller';

/**
 * The Assist panel's Action tab: the form an action asks first, its answer streaming in, then the proposal
 * as a side-by-side diff (base left) with a fix's check, and Accept / Reject. Errors say what to do.
 */
@Component({
  selector: 'app-assist-action-panel',
  imports: [AssistActionFormComponent, FileDiffComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assist-action-panel.component.html',
  styleUrl: './assist-action-panel.component.css',
})
export class AssistActionPanelComponent {
  /** Opens the target file writable for Accept (the workspace page). */
  readonly host = input.required<AssistEditorHost>();
  /** The lines selected in the open editor now (for "Use the selection"). */
  readonly selection = input<() => LineSelection | null>(() => null);

  protected readonly actions = inject(AssistActions);
  protected readonly codes = ErrorCode;

  protected readonly title = computed(() => {
    const ask = this.actions.ask();
    return ask ? ACTION_LABELS[ask.action].replace('…', '') : '';
  });
  protected readonly scope = computed(() => {
    const ask = this.actions.ask();
    return ask && ask.action !== 'new_file' ? scopeLabel(ask.selection) : null;
  });
  /** While running, the streamed reply; afterwards what the request stored. */
  protected readonly parts = computed(() => {
    const request = this.actions.request();
    const running = this.actions.phase() === 'running' || request?.status === 'running';
    return answerParts((running ? this.actions.streamed() : request?.answer) || '');
  });
  protected readonly proposal = computed(() => {
    const request = this.actions.request();
    if (!request || request.proposedContent == null || request.status === 'running') return null;
    return {
      path: request.targetPath,
      original: request.baseContent ?? '',
      modified: request.proposedContent,
      created: !request.baseContent,
    };
  });
  /** A selection to retry on after ASSIST_CONTEXT_TOO_LARGE, when the person has one now. */
  protected readonly retrySelection = computed(() => {
    const problem = this.actions.problem();
    if (problem?.code !== ErrorCode.ASSIST_CONTEXT_TOO_LARGE) return null;
    return this.selection()() ?? null;
  });

  protected accept(): void {
    void this.actions.accept(this.host());
  }

  protected useSelection(selection: LineSelection): void {
    void this.actions.retryOn(selection);
  }

  protected scopeOf(selection: LineSelection): string {
    return scopeLabel(selection);
  }
}
