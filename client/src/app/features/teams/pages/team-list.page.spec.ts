import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { TeamListPage } from './team-list.page';

const team = (id: string, name: string, viewerRole: string) => ({
  __typename: 'Team',
  id,
  name,
  viewerRole,
  createdAt: '2026-11-20T10:00:00.000Z',
});

describe('TeamListPage', () => {
  let fixture: ComponentFixture<TeamListPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  async function open(
    teams = [team('t1', 'Platform crew', 'owner'), team('t2', 'Design', 'member')],
  ): Promise<void> {
    fixture = TestBed.createComponent(TeamListPage);
    root = fixture.nativeElement;
    await settle(fixture);
    apollo.expectOne('AuthState').flushData(authStatePayload(true, viewerPayload()));
    await settle(fixture);
    apollo.expectOne('Teams').flushData({ teams });
    await settle(fixture);
  }

  const rows = () =>
    byTestId(root, 'team-row').map((row) => [
      row.dataset['teamId'],
      row.querySelector('a')?.textContent?.trim(),
      byTestId(row, 'role-badge')[0]?.textContent?.trim(),
    ]);
  const nameError = () => byTestId(root, 'field-error-name')[0]?.textContent?.trim();

  async function typeName(value: string): Promise<void> {
    const input = byTestId(root, 'create-team-name-input')[0] as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    byTestId(root, 'create-team-submit')[0]?.click();
    await settle(fixture);
  }

  it("lists the caller's teams with their role in each, linking to the team page", async () => {
    await open();
    expect(rows()).toEqual([
      ['t1', 'Platform crew', 'owner'],
      ['t2', 'Design', 'member'],
    ]);
    expect(byTestId(root, 'team-row')[0]?.querySelector('a')?.getAttribute('href')).toBe(
      '/teams/t1',
    );
  });

  it('checks the name before sending: required, then 2 to 64 characters after trimming', async () => {
    await open([]);
    await submit();
    expect(nameError()).toBe('Name is required.');
    await typeName(' a ');
    expect(nameError()).toBe('Name must be 2 to 64 characters.');
    await typeName('x'.repeat(65));
    expect(nameError()).toBe('Name must be 2 to 64 characters.');
    await typeName('x'.repeat(64));
    expect(nameError()).toBeUndefined();
    apollo.expectNone('CreateTeam');
  });

  it("shows the server's field error on the name until it is edited", async () => {
    await open([]);
    await typeName('  Platform crew ');
    await submit();
    const op = apollo.expectOne('CreateTeam');
    expect(op.operation.variables).toEqual({ name: 'Platform crew' });
    op.graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'name',
          fieldErrors: [{ field: 'name', message: 'Use letters, digits and spaces.' }],
        },
      },
    ]);
    await settle(fixture);
    expect(nameError()).toBe('Use letters, digits and spaces.');
    expect(byTestId(root, 'form-error')).toHaveLength(0);
    await typeName('Platform crew 2');
    expect(nameError()).toBeUndefined();
  });

  it('puts a created team at the top of the list and empties the form', async () => {
    await open([team('t2', 'Design', 'member')]);
    await typeName('Platform crew');
    await submit();
    apollo.expectOne('CreateTeam').flushData({ createTeam: team('t9', 'Platform crew', 'owner') });
    await settle(fixture);
    expect(rows().map(([id]) => id)).toEqual(['t9', 't2']);
    expect((byTestId(root, 'create-team-name-input')[0] as HTMLInputElement).value).toBe('');
    expect(nameError()).toBeUndefined();
  });

  it('shows a network failure as a form error', async () => {
    await open([]);
    await typeName('Platform crew');
    await submit();
    apollo.expectOne('CreateTeam').networkError(new Error('fetch failed'));
    await settle(fixture);
    expect(byTestId(root, 'form-error')[0]?.textContent).toMatch(/Cannot reach the Atelier server/);
  });

  it('in single-user mode explains that teams need accounts and asks nothing of the server', async () => {
    fixture = TestBed.createComponent(TeamListPage);
    root = fixture.nativeElement;
    await settle(fixture);
    apollo
      .expectOne('AuthState')
      .flushData(authStatePayload(false, viewerPayload({ id: 'local' })));
    await settle(fixture);
    expect(byTestId(root, 'teams-need-accounts')).toHaveLength(1);
    expect(byTestId(root, 'create-team-name-input')).toHaveLength(0);
    apollo.expectNone('Teams');
  });
});
