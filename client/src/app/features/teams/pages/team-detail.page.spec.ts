import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { AuthSession } from '../../../core/auth/auth-session.service';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { CLIPBOARD_WRITE, CONFIRM } from '../../../shared/browser.tokens';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import {
  authStatePayload,
  invitationPayload,
  memberPayload,
  teamPayload,
  viewerPayload,
} from '../../../../testing/fixtures';
import { TeamDetailPage } from './team-detail.page';

const VIEWER_OF_ROLE: Record<string, string> = { owner: 'u1', admin: 'u2', member: 'u3' };

describe('TeamDetailPage', () => {
  let fixture: ComponentFixture<TeamDetailPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let copied: string[];
  let answer: boolean;
  let asked: string[];

  beforeEach(() => {
    copied = [];
    asked = [];
    answer = true;
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: CLIPBOARD_WRITE, useValue: async (text: string) => void copied.push(text) },
        { provide: CONFIRM, useValue: (question: string) => (asked.push(question), answer) },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    // The model usage section (features/models) has its own spec; here it only asks.
    apollo.match('ModelUsage');
    // So is the keys and budgets section (components/team-model-settings.component.spec.ts).
    apollo.match('TeamProviderKeys');
    apollo.match('TeamModelBudgets');
    // And the deployment tokens (features/deploy).
    apollo.match('TeamDeployTokens');
    apollo.verify();
  });

  /** Opens t1 as the member of that role (the guard has loaded the session by then). */
  async function openAs(
    role: 'owner' | 'admin' | 'member',
    team: unknown = teamPayload(role),
  ): Promise<void> {
    const loading = TestBed.inject(AuthSession).ensureLoaded();
    await new Promise((resolve) => setTimeout(resolve, 0));
    apollo
      .expectOne('AuthState')
      .flushData(authStatePayload(true, viewerPayload({ id: VIEWER_OF_ROLE[role] })));
    await loading;
    fixture = TestBed.createComponent(TeamDetailPage);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('id', 't1');
    await settle(fixture);
    apollo.expectOne('Team').flushData({ team });
    await settle(fixture);
  }

  const row = (email: string) =>
    byTestId(root, 'member-row').find((r) => r.dataset['userEmail'] === email)!;
  /** Per member: the testids of the actions offered on their row. */
  const memberActions = () =>
    Object.fromEntries(
      byTestId(root, 'member-row').map((r) => [
        r.dataset['userEmail'],
        ['remove-member', 'change-role-select', 'transfer-ownership'].filter(
          (id) => byTestId(r, id).length > 0,
        ),
      ]),
    );
  const count = (id: string) => byTestId(root, id).length;

  it('shows the team, its members with roles and its projects', async () => {
    await openAs('member');
    expect(byTestId(root, 'team-name')[0]?.textContent?.trim()).toBe('Platform crew');
    expect(
      byTestId(root, 'member-row').map((r) => [r.dataset['userEmail'], r.dataset['role']]),
    ).toEqual([
      ['ada@example.com', 'owner'],
      ['grace@example.com', 'admin'],
      ['linus@example.com', 'member'],
    ]);
    const project = byTestId(root, 'team-project-row')[0];
    expect(project?.querySelector('a')?.getAttribute('href')).toBe('/projects/p7');
  });

  it('offers the owner every action on others, none on themselves, invitations and delete but not leave', async () => {
    await openAs('owner');
    expect(memberActions()).toEqual({
      'ada@example.com': [],
      'grace@example.com': ['remove-member', 'change-role-select', 'transfer-ownership'],
      'linus@example.com': ['remove-member', 'change-role-select', 'transfer-ownership'],
    });
    expect(count('invite-submit')).toBe(1);
    expect(count('invitation-row')).toBe(1);
    expect(count('revoke-invitation')).toBe(1);
    expect(count('delete-team')).toBe(1);
    expect(count('leave-team')).toBe(0);
    expect(count('team-provider-keys')).toBe(1);
    expect(count('team-budgets')).toBe(1);
    expect(count('team-models-managed')).toBe(0);
    expect(apollo.match('TeamProviderKeys')[0]?.operation.variables).toEqual({ teamId: 't1' });
  });

  it('offers an admin invitations and removing plain members, and leaving', async () => {
    await openAs('admin');
    expect(memberActions()).toEqual({
      'ada@example.com': [],
      'grace@example.com': [],
      'linus@example.com': ['remove-member'],
    });
    expect(count('invite-submit')).toBe(1);
    expect(count('invite-role-select')).toBe(1);
    expect(count('revoke-invitation')).toBe(1);
    expect(count('leave-team')).toBe(1);
    expect(count('delete-team')).toBe(0);
    expect(count('team-provider-keys')).toBe(1);
    expect(count('team-budgets')).toBe(1);
  });

  it('offers a plain member only leaving', async () => {
    await openAs('member');
    expect(memberActions()).toEqual({
      'ada@example.com': [],
      'grace@example.com': [],
      'linus@example.com': [],
    });
    expect(count('invite-submit')).toBe(0);
    expect(count('invitation-row')).toBe(0);
    expect(count('leave-team')).toBe(1);
    expect(count('delete-team')).toBe(0);
  });

  it("tells a plain member who manages the team's keys and budgets, and asks for neither", async () => {
    await openAs('member');
    expect(byTestId(root, 'team-models-managed')[0]?.textContent).toContain(
      'managed by its owners and admins',
    );
    expect(count('team-provider-keys')).toBe(0);
    expect(count('team-budgets')).toBe(0);
    expect(apollo.match('TeamProviderKeys')).toHaveLength(0);
    expect(apollo.match('TeamModelBudgets')).toHaveLength(0);
  });

  it('shows a new invitation link once, with a copy button, and lists the invitation without it', async () => {
    await openAs('admin', teamPayload('admin', { invitations: [] }));
    const select = byTestId(root, 'invite-role-select')[0] as HTMLSelectElement;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    byTestId(root, 'invite-submit')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('InviteToTeam');
    expect(op.operation.variables).toEqual({ teamId: 't1', role: 'admin' });
    const link = 'http://localhost:4200/invitations/tok-1';
    op.flushData({
      inviteToTeam: {
        __typename: 'CreatedInvitation',
        link,
        invitation: invitationPayload('i9', 'admin'),
      },
    });
    await settle(fixture);

    expect(byTestId(root, 'invite-link').map((e) => e.textContent?.trim())).toEqual([link]);
    expect(byTestId(root, 'invitation-row').map((r) => r.dataset['invitationId'])).toEqual(['i9']);
    expect(byTestId(root, 'invitation-row')[0]?.textContent).not.toContain('tok-1');
    byTestId(root, 'copy-invite-link')[0]?.click();
    await settle(fixture);
    expect(copied).toEqual([link]);
    expect(byTestId(root, 'copy-invite-link')[0]?.textContent?.trim()).toBe('Copied');

    // The next invitation's link replaces it: never two links, never an old one again.
    byTestId(root, 'invite-submit')[0]?.click();
    await settle(fixture);
    apollo.expectOne('InviteToTeam').flushData({
      inviteToTeam: {
        __typename: 'CreatedInvitation',
        link: 'http://localhost:4200/invitations/tok-2',
        invitation: invitationPayload('i10'),
      },
    });
    await settle(fixture);
    expect(byTestId(root, 'invite-link').map((e) => e.textContent?.trim())).toEqual([
      'http://localhost:4200/invitations/tok-2',
    ]);
    expect(count('invitation-row')).toBe(2);
  });

  it("shows the server's role error on the invite form", async () => {
    await openAs('admin');
    byTestId(root, 'invite-submit')[0]?.click();
    await settle(fixture);
    apollo.expectOne('InviteToTeam').graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          fieldErrors: [{ field: 'role', message: 'Admins invite members only.' }],
        },
      },
    ]);
    await settle(fixture);
    expect(byTestId(root, 'field-error-role')[0]?.textContent?.trim()).toBe(
      'Admins invite members only.',
    );
    expect(count('invite-link')).toBe(0);
  });

  it('revokes an invitation and removes a member', async () => {
    await openAs('owner');
    byTestId(root, 'revoke-invitation')[0]?.click();
    await settle(fixture);
    apollo.expectOne('RevokeInvitation').flushData({ revokeInvitation: true });
    await settle(fixture);
    expect(count('invitation-row')).toBe(0);

    byTestId(row('linus@example.com'), 'remove-member')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('RemoveTeamMember');
    expect(op.operation.variables).toEqual({ teamId: 't1', userId: 'u3' });
    op.flushData({ removeTeamMember: true });
    await settle(fixture);
    expect(byTestId(root, 'member-row').map((r) => r.dataset['userEmail'])).toEqual([
      'ada@example.com',
      'grace@example.com',
    ]);
  });

  it("changes a member's role and shows a refusal's message", async () => {
    await openAs('owner');
    const select = byTestId(row('linus@example.com'), 'change-role-select')[0] as HTMLSelectElement;
    select.value = 'admin';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    const op = apollo.expectOne('ChangeTeamRole');
    expect(op.operation.variables).toEqual({ teamId: 't1', userId: 'u3', role: 'admin' });
    op.flushData({ changeTeamRole: memberPayload('u3', 'Linus', 'admin') });
    await settle(fixture);
    expect(row('linus@example.com').dataset['role']).toBe('admin');

    byTestId(row('grace@example.com'), 'remove-member')[0]?.click();
    await settle(fixture);
    apollo
      .expectOne('RemoveTeamMember')
      .graphqlErrors([
        { message: 'Only the owner can remove an admin.', extensions: { code: 'FORBIDDEN' } },
      ]);
    await settle(fixture);
    expect(byTestId(root, 'action-error')[0]?.textContent?.trim()).toBe(
      'Only the owner can remove an admin.',
    );
    expect(count('member-row')).toBe(3);
  });

  it('transfers ownership only once confirmed, then shows the team as the server left it', async () => {
    await openAs('owner');
    answer = false;
    byTestId(row('grace@example.com'), 'transfer-ownership')[0]?.click();
    await settle(fixture);
    expect(asked[0]).toMatch(/Make Grace the owner/);
    apollo.expectNone('TransferTeamOwnership');

    answer = true;
    byTestId(row('grace@example.com'), 'transfer-ownership')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('TransferTeamOwnership');
    expect(op.operation.variables).toEqual({ teamId: 't1', userId: 'u2' });
    op.flushData({
      transferTeamOwnership: teamPayload('admin', {
        members: [
          memberPayload('u1', 'Ada', 'admin'),
          memberPayload('u2', 'Grace', 'owner'),
          memberPayload('u3', 'Linus', 'member'),
        ],
      }),
    });
    await settle(fixture);
    expect(row('grace@example.com').dataset['role']).toBe('owner');
    expect(count('delete-team')).toBe(0);
    expect(count('leave-team')).toBe(1);
    expect(count('transfer-ownership')).toBe(0);
  });

  it('deletes the team only once confirmed, then goes to the teams list', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await openAs('owner');
    answer = false;
    byTestId(root, 'delete-team')[0]?.click();
    await settle(fixture);
    apollo.expectNone('DeleteTeam');

    answer = true;
    byTestId(root, 'delete-team')[0]?.click();
    await settle(fixture);
    apollo.expectOne('DeleteTeam').flushData({ deleteTeam: true });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/teams');
  });

  it('leaves the team and goes to the teams list', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await openAs('member');
    byTestId(root, 'leave-team')[0]?.click();
    await settle(fixture);
    const op = apollo.expectOne('LeaveTeam');
    expect(op.operation.variables).toEqual({ teamId: 't1' });
    op.flushData({ leaveTeam: true });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/teams');
  });

  it('shows not-found for a team the caller is not in', async () => {
    await openAs('member', null);
    expect(count('team-not-found')).toBe(1);
  });

  it("shows the team's model usage", async () => {
    await openAs('member');
    const asked = apollo.match('ModelUsage').map((op) => op.operation.variables['input']);
    expect(asked).toContainEqual({ teamId: 't1', groupBy: ['MODEL'] });
    expect(byTestId(root, 'team-model-usage')).toHaveLength(1);
  });
});
