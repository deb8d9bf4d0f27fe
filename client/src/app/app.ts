import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

/** The shell: a top bar and the routed page. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="topbar">
      <a class="brand" routerLink="/projects"
        ><span class="brand-mark" aria-hidden="true">◆</span> Atelier</a
      >
      <nav><a routerLink="/projects">Projects</a></nav>
    </header>
    <main class="page"><router-outlet /></main>
  `,
})
export class App {}
