import type { Routes } from '@angular/router';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'projects' },
  {
    path: 'projects',
    title: 'Projects · Atelier',
    loadComponent: () =>
      import('./features/projects/pages/project-list.page').then((m) => m.ProjectListPage),
  },
  {
    path: 'projects/new',
    title: 'New project · Atelier',
    loadComponent: () =>
      import('./features/projects/pages/project-new.page').then((m) => m.ProjectNewPage),
  },
  {
    path: 'projects/:id',
    title: 'Project · Atelier',
    loadComponent: () =>
      import('./features/projects/pages/project-detail.page').then((m) => m.ProjectDetailPage),
  },
  { path: '**', redirectTo: 'projects' },
];
