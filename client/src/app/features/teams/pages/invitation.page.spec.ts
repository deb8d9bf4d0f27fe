import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { InvitationPage } from './invitation.page';

@Component({ template: '' })
class Blank {}

const PREVIEW = {
  __typename: 'InvitationPreview',
  teamName: 'Platform crew',
  role: 'admin',
  invitedByName: 'Ada',
  expiresAt: '2026-12-04T10:00:00.000Z',
};

describe('InvitationPage', () => {
  let fixture: ComponentFixture<InvitationPage>;
  let apollo: ApolloTestingController;
  let router: Router;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([
          { path: 'teams/:id', component: Blank },
          { path: 'log-in', component: Blank },
        ]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => apollo.verify());

  async function open(auth: ReturnType<typeof authStatePayload>, preview: unknown = PREVIEW) {
    fixture = TestBed.createComponent(InvitationPage);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('token', 'tok-1');
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(auth);
    const op = apollo.expectOne('Invitation');
    expect(op.operation.variables).toEqual({ token: 'tok-1' });
    op.flushData({ invitation: preview });
    await settle(fixture);
  }

  async function accept(): Promise<void> {
    byTestId(root, 'accept-invitation')[0]?.click();
    await settle(fixture);
  }

  it('shows what the link offers and, once accepted, opens the team page', async () => {
    await open(authStatePayload(true, viewerPayload()));
    expect(byTestId(root, 'invitation-team-name')[0]?.textContent?.trim()).toBe('Platform crew');
    expect(root.textContent).toContain('Ada invites you as admin');

    await accept();
    const op = apollo.expectOne('AcceptInvitation');
    expect(op.operation.variables).toEqual({ token: 'tok-1' });
    op.flushData({
      acceptInvitation: {
        __typename: 'Team',
        id: 't1',
        name: 'Platform crew',
        createdAt: '2026-11-20T10:00:00.000Z',
        viewerRole: 'admin',
      },
    });
    await settle(fixture);
    expect(router.url).toBe('/teams/t1');
  });

  it('shows why accepting failed (a used link) and stays', async () => {
    await open(authStatePayload(true, viewerPayload()));
    await accept();
    apollo.expectOne('AcceptInvitation').graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'token', message: 'This invitation was already used.' }],
        },
      },
    ]);
    await settle(fixture);
    expect(byTestId(root, 'form-error')[0]?.textContent?.trim()).toBe(
      'This invitation was already used.',
    );
    expect(router.url).toBe('/');
  });

  it('shows the preview to a signed-out visitor and sends them to log in (or sign up) and back', async () => {
    await open(authStatePayload(true, null));
    expect(byTestId(root, 'invitation-team-name')[0]?.textContent?.trim()).toBe('Platform crew');
    expect(byTestId(root, 'invitation-sign-up')[0]?.getAttribute('href')).toBe(
      '/sign-up?returnUrl=%2Finvitations%2Ftok-1',
    );
    await accept();
    apollo.expectNone('AcceptInvitation');
    expect(router.url).toBe('/log-in?returnUrl=%2Finvitations%2Ftok-1');
  });

  it('says why an invalid, expired or used link offers nothing', async () => {
    fixture = TestBed.createComponent(InvitationPage);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('token', 'tok-1');
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(authStatePayload(true, null));
    apollo.expectOne('Invitation').graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'token',
          fieldErrors: [{ field: 'token', message: 'This invitation has expired.' }],
        },
      },
    ]);
    await settle(fixture);
    expect(byTestId(root, 'invitation-error')[0]?.textContent?.trim()).toBe(
      'This invitation has expired.',
    );
    expect(byTestId(root, 'accept-invitation')).toHaveLength(0);
  });
});
