import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/** What a project's pages show when the project does not exist (or is not the reader's): a way back to the list. */
@Component({
  selector: 'app-project-not-found',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="empty-state" [attr.data-testid]="testId()">
      <h2>Project not found</h2>
      <p class="muted">It may have been deleted, or the link is wrong.</p>
      <a class="button primary" routerLink="/projects">All projects</a>
    </div>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class ProjectNotFoundComponent {
  readonly testId = input('project-not-found');
}
