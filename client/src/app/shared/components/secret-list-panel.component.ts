import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type LoadedList, LoadedListComponent } from './loaded-list.component';

/**
 * The card around a list of stored secrets (model keys, deployment tokens, env vars): heading, the intro
 * (default content), why the last delete failed, the list's states around its projected `table`, then the
 * projected `[panelForm]` that adds to it. Rows, columns and the form stay the host's.
 */
@Component({
  selector: 'app-secret-list-panel',
  imports: [LoadedListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="card account-section"
      [attr.data-testid]="testId()"
      [attr.id]="anchor()"
      [attr.aria-labelledby]="testId() + '-heading'"
    >
      <div class="panel-header">
        <h2 [id]="testId() + '-heading'">{{ heading() }}</h2>
      </div>
      <div class="section-body">
        <ng-content />
        @if (listError(); as message) {
          <div class="callout error" role="alert" [attr.data-testid]="listErrorTestId()">
            {{ message }}
          </div>
        }
        <app-loaded-list
          [result]="result()"
          [loadingText]="loadingText()"
          [emptyText]="emptyText()"
          [emptyTestId]="emptyTestId()"
          (retry)="retry.emit()"
        >
          <div class="table-scroll"><ng-content select="table" /></div>
        </app-loaded-list>
        <ng-content select="[panelForm]" />
      </div>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .section-body {
      padding: 14px;
    }
    .table-scroll {
      overflow-x: auto;
    }
  `,
})
export class SecretListPanelComponent {
  readonly heading = input.required<string>();
  readonly testId = input.required<string>();
  /** The section's id, for links to it (`#deploy-tokens`). */
  readonly anchor = input<string | null>(null);
  readonly result = input.required<LoadedList>();
  readonly loadingText = input('Loading…');
  readonly emptyText = input.required<string>();
  readonly emptyTestId = input.required<string>();
  readonly listError = input<string | null>(null);
  readonly listErrorTestId = input.required<string>();
  /** The reader asked to load the list again after a failure. */
  readonly retry = output<void>();
}
