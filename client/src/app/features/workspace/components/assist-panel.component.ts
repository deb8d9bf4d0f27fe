import { ChangeDetectionStrategy, Component, input, model, output } from '@angular/core';
import { AssistActionPanelComponent } from '../../assist/actions/assist-action-panel.component';
import { AssistChatComponent } from '../../assist/chat/assist-chat.component';
import type { AssistEditorHost } from '../../assist/actions/assist-actions.controller';
import type { LineSelection } from '../editor/live-editor-engine';

export type AssistTab = 'chat' | 'action';

/**
 * The workspace's Assist side panel: the project chat and the current editor action, as two tabs.
 */
@Component({
  selector: 'app-assist-panel',
  imports: [AssistActionPanelComponent, AssistChatComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="assist-tabs" role="tablist" aria-label="Assist">
      <button
        type="button"
        role="tab"
        data-testid="assist-tab-chat"
        [attr.aria-selected]="tab() === 'chat'"
        (click)="tab.set('chat')"
      >
        Chat
      </button>
      <button
        type="button"
        role="tab"
        data-testid="assist-tab-action"
        [attr.aria-selected]="tab() === 'action'"
        (click)="tab.set('action')"
      >
        Action
      </button>
      <span class="spacer"></span>
      @if (canEdit()) {
        <button
          type="button"
          class="new-file"
          data-testid="assist-new-file"
          (click)="newFile.emit()"
        >
          New file with AI…
        </button>
      }
      <button
        type="button"
        class="close"
        aria-label="Close the Assist panel"
        data-testid="assist-panel-close"
        (click)="closed.emit()"
      >
        ×
      </button>
    </div>
    <div class="assist-body" role="tabpanel">
      @if (tab() === 'chat') {
        <atl-assist-chat [projectId]="projectId()" (openCitation)="openCitation.emit($event)" />
      } @else {
        <app-assist-action-panel [host]="host()" [selection]="selection()" />
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 0;
      height: 100%;
      background: var(--surface);
    }
    .assist-tabs {
      display: flex;
      align-items: stretch;
      gap: 2px;
      min-height: 38px;
      padding: 0 8px;
      border-bottom: 1px solid var(--border);
    }
    .assist-tabs button {
      padding: 0 10px;
      border: 0;
      border-bottom: 2px solid transparent;
      background: none;
      color: var(--text-soft);
      font: inherit;
      font-size: 13px;
      cursor: pointer;
    }
    .assist-tabs button[aria-selected='true'] {
      color: var(--text);
      font-weight: 600;
      border-bottom-color: var(--accent);
    }
    .assist-tabs .new-file {
      font-size: 12px;
      color: var(--link);
    }
    .assist-tabs .close {
      font-size: 18px;
      line-height: 1;
    }
    .spacer {
      flex: 1;
    }
    .assist-body {
      flex: 1;
      min-height: 0;
      overflow: auto;
    }
    .muted {
      color: var(--muted);
    }
  `,
})
export class AssistPanelComponent {
  readonly projectId = input.required<string>();
  readonly canEdit = input(false);
  readonly host = input.required<AssistEditorHost>();
  readonly selection = input<() => LineSelection | null>(() => null);
  readonly tab = model<AssistTab>('action');
  /** A chat citation to open (`path:line`). */
  readonly openCitation = output<{ path: string; line: number }>();
  readonly newFile = output<void>();
  readonly closed = output<void>();
}
