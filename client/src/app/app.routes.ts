import type { Routes } from '@angular/router';
import { requireViewer } from './core/auth/require-viewer.guard';
import { requirePlatformAdmin } from './features/billing/services/require-platform-admin.guard';

export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'projects' },
  {
    path: 'projects',
    title: 'Projects · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/projects/pages/project-list.page').then((m) => m.ProjectListPage),
  },
  {
    path: 'projects/new',
    title: 'New project · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/projects/pages/project-new.page').then((m) => m.ProjectNewPage),
  },
  {
    path: 'projects/:id/settings',
    title: 'Project settings · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/projects/pages/project-settings.page').then((m) => m.ProjectSettingsPage),
  },
  {
    path: 'projects/:id',
    title: 'Project · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/projects/pages/project-detail.page').then((m) => m.ProjectDetailPage),
  },
  {
    path: 'projects/:id/deployments',
    title: 'Deployments · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/deploy/pages/deployments.page').then((m) => m.DeploymentsPage),
  },
  {
    // Before `:deploymentId`: "settings" is no deployment's id.
    path: 'projects/:id/deployments/settings',
    title: 'Deployment settings · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/deploy/pages/deploy-settings.page').then((m) => m.DeploySettingsPage),
  },
  {
    path: 'projects/:id/deployments/:deploymentId',
    title: 'Deployment · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/deploy/pages/deployment.page').then((m) => m.DeploymentPage),
  },
  {
    path: 'projects/:id/code',
    title: 'Editor · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/workspace/pages/workspace.page').then((m) => m.WorkspacePage),
  },
  {
    path: 'rooms',
    title: 'Rooms · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/rooms/pages/rooms.page').then((m) => m.RoomsPage),
  },
  {
    path: 'rooms/join/:token',
    title: 'Join a room · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/rooms/pages/room-invite.page').then((m) => m.RoomInvitePage),
  },
  {
    path: 'rooms/:id',
    title: 'Room · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/rooms/pages/room.page').then((m) => m.RoomPage),
  },
  {
    path: 'models',
    title: 'Models · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/models/pages/models.page').then((m) => m.ModelsPage),
  },
  {
    path: 'teams',
    title: 'Teams · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/teams/pages/team-list.page').then((m) => m.TeamListPage),
  },
  {
    path: 'teams/:id',
    title: 'Team · Atelier',
    canActivate: [requireViewer],
    loadComponent: () =>
      import('./features/teams/pages/team-detail.page').then((m) => m.TeamDetailPage),
  },
  {
    // Unguarded: anyone holding the link sees what it offers; accepting asks to log in.
    path: 'invitations/:token',
    title: 'Invitation · Atelier',
    loadComponent: () =>
      import('./features/teams/pages/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'sign-up',
    title: 'Sign up · Atelier',
    loadComponent: () => import('./features/auth/pages/sign-up.page').then((m) => m.SignUpPage),
  },
  {
    path: 'log-in',
    title: 'Log in · Atelier',
    loadComponent: () => import('./features/auth/pages/log-in.page').then((m) => m.LogInPage),
  },
  {
    path: 'forgot-password',
    title: 'Forgot password · Atelier',
    loadComponent: () =>
      import('./features/auth/pages/forgot-password.page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Reset password · Atelier',
    loadComponent: () =>
      import('./features/auth/pages/reset-password.page').then((m) => m.ResetPasswordPage),
  },
  {
    path: 'verify-email',
    title: 'Verify email · Atelier',
    loadComponent: () =>
      import('./features/auth/pages/verify-email.page').then((m) => m.VerifyEmailPage),
  },
  {
    path: 'billing',
    title: 'Billing · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/billing/pages/billing.page').then((m) => m.BillingPage),
  },
  {
    path: 'teams/:id/billing',
    title: 'Team billing · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/billing/pages/billing.page').then((m) => m.BillingPage),
  },
  {
    path: 'admin/billing',
    title: 'Subscriptions · Atelier',
    canActivate: [requireViewer, requirePlatformAdmin],
    loadComponent: () =>
      import('./features/billing/pages/admin-billing.page').then((m) => m.AdminBillingPage),
  },
  {
    path: 'account',
    title: 'Account · Atelier',
    canActivate: [requireViewer],
    loadComponent: () => import('./features/account/pages/account.page').then((m) => m.AccountPage),
  },
  { path: '**', redirectTo: 'projects' },
];
