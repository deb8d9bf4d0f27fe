import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FRAMEWORKS, authStatePayload, viewerPayload } from '../../../../testing/fixtures';
import { FakeRealtimeConnection, byTestId, settle } from '../../../../testing/fakes';
import { IDEMPOTENCY_KEY, ProjectNewPage } from './project-new.page';

describe('ProjectNewPage', () => {
  let fixture: ComponentFixture<ProjectNewPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let keys: number;

  /** Opens the page; single-user mode unless told otherwise (then the owner is not asked for). */
  async function open(auth = authStatePayload(false, viewerPayload({ id: 'local' }))): Promise<void> {
    fixture = TestBed.createComponent(ProjectNewPage);
    root = fixture.nativeElement;
    await settle(fixture);
    apollo.expectOne('Frameworks').flushData({ frameworks: FRAMEWORKS });
    apollo.expectOne('AuthState').flushData(auth);
    await settle(fixture);
  }

  beforeEach(async () => {
    keys = 0;
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([{ path: 'projects/:id', children: [] }]),
        { provide: IDEMPOTENCY_KEY, useValue: () => `key-${++keys}` },
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  const field = <T extends HTMLElement>(id: string) => byTestId(root, id)[0] as T;
  const errorText = (name: string) => byTestId(root, `field-error-${name}`)[0]?.textContent?.trim();

  async function type(id: string, value: string): Promise<void> {
    const input = field<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  async function choose(id: string, value: string): Promise<void> {
    const select = field<HTMLSelectElement>(id);
    select.value = value;
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
  }

  async function submit(): Promise<void> {
    field<HTMLButtonElement>('create-project-submit').click();
    await settle(fixture);
  }

  it('lists the frameworks from the server, marking those without a scaffold', async () => {
    await open();
    const options = Array.from(field<HTMLSelectElement>('project-framework-select').options).map(
      (o) => o.text.trim(),
    );
    expect(options).toEqual(['Choose a framework…', 'Next.js', 'FastAPI (preview)']);
  });

  it("shows each field's error as soon as the field is left, before any submit", async () => {
    await open();
    await type('project-name-input', '1app');
    expect(errorText('name')).toMatch(/Start with a letter/);
    await type('project-name-input', 'a');
    expect(errorText('name')).toBe('Name must be 2 to 64 characters.');
    await type('project-description-input', 'x'.repeat(501));
    expect(errorText('description')).toMatch(/at most 500/);
    await type('project-features-input', 'auth, Dark_Mode');
    expect(errorText('features')).toMatch(/"Dark_Mode"/);
    await type('project-features-input', Array.from({ length: 11 }, (_, i) => `f${i}`).join(' '));
    expect(errorText('features')).toBe('At most 10 features.');

    await type('project-name-input', 'Recipe box');
    expect(errorText('name')).toBeUndefined();
  });

  it('shows every client error on submit and sends nothing', async () => {
    await open();
    await submit();
    expect(errorText('name')).toBe('Name is required.');
    expect(errorText('framework')).toBe('Choose a framework.');
    apollo.expectNone('CreateProject');
  });

  it('builds from the starter files unless the agent team is chosen; typing a description never chooses it', async () => {
    await open();
    const starter = () => field<HTMLInputElement>('project-build-starter');
    const team = () => field<HTMLInputElement>('project-build-team');
    expect([starter().checked, team().checked]).toEqual([true, false]);
    expect(byTestId(root, 'project-auto-approve')).toHaveLength(0);
    await type('project-name-input', 'Todo api');
    await choose('project-framework-select', 'nextjs');
    await type('project-description-input', 'A todo REST API with tests');
    expect([starter().checked, team().checked]).toEqual([true, false]);
    await submit();
    const first = apollo.expectOne('CreateProject');
    expect(first.operation.variables['input']).not.toHaveProperty('buildMode');
    first.graphqlErrors([{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fieldErrors: [] } }]);
    await settle(fixture);

    team().click();
    await settle(fixture);
    expect([starter().checked, team().checked]).toEqual([false, true]);
    // What a team run holds: one of the plan's agent-run slots.
    expect(byTestId(root, 'project-slot-note')[0]?.textContent).toMatch(/concurrent agent-run slots/);
    field<HTMLInputElement>('project-auto-approve').click();
    await settle(fixture);
    await submit();
    const op = apollo.expectOne('CreateProject');
    expect(op.operation.variables['input']).toMatchObject({ buildMode: 'team', autoApprovePlan: true });
    op.graphqlErrors([{ message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', fieldErrors: [] } }]);
    await settle(fixture);

    starter().click();
    await settle(fixture);
    expect(byTestId(root, 'project-auto-approve')).toHaveLength(0);
    await submit();
    const again = apollo.expectOne('CreateProject').operation.variables['input'];
    expect(again).not.toHaveProperty('buildMode');
    expect(again).not.toHaveProperty('autoApprovePlan');
  });

  it('asks for a description when the agent team is chosen without one', async () => {
    await open();
    field<HTMLInputElement>('project-build-team').click();
    await settle(fixture);
    expect(byTestId(root, 'project-team-needs-description')).toHaveLength(1);
    await type('project-description-input', 'A recipe box');
    expect(byTestId(root, 'project-team-needs-description')).toHaveLength(0);
  });

  it('accepts names in any alphabet, and says the rule when a name breaks it', async () => {
    await open();
    await type('project-name-input', 'Café Ünïcode');
    expect(errorText('name')).toBeUndefined();
    await type('project-name-input', 'Счётчик 2');
    expect(errorText('name')).toBeUndefined();
    await type('project-name-input', '9 lives');
    expect(errorText('name')).toBe("Start with a letter (any alphabet), then use letters, digits, spaces, '-' or '_'.");
    await type('project-name-input', 'Café!');
    expect(errorText('name')).toBe("Start with a letter (any alphabet), then use letters, digits, spaces, '-' or '_'.");
  });

  it('maps BAD_USER_INPUT field errors from the server onto their fields', async () => {
    await open();
    await type('project-name-input', 'Recipe box');
    await choose('project-framework-select', 'nextjs');
    await submit();

    const op = apollo.expectOne('CreateProject');
    expect(op.operation.variables['input']).toEqual({
      name: 'Recipe box',
      description: '',
      framework: 'nextjs',
      features: [],
      database: 'none',
      styling: 'none',
      visibility: 'private',
      idempotencyKey: 'key-1',
    });
    expect(field<HTMLButtonElement>('create-project-submit').disabled).toBe(true);

    op.graphqlErrors([
      {
        message: 'Invalid input',
        extensions: {
          code: 'BAD_USER_INPUT',
          field: 'name',
          fieldErrors: [
            { field: 'name', message: 'You already have a project with this name.' },
            { field: 'features', message: 'Unknown feature.' },
          ],
        },
      },
    ]);
    await settle(fixture);

    expect(field<HTMLButtonElement>('create-project-submit').disabled).toBe(false);
    expect(errorText('name')).toBe('You already have a project with this name.');
    expect(errorText('features')).toBe('Unknown feature.');

    // Editing a field clears its server error; the others stay.
    await type('project-name-input', 'Recipe box 2');
    expect(errorText('name')).toBeUndefined();
    expect(errorText('features')).toBe('Unknown feature.');
  });

  it('reuses the idempotency key when the same submission is retried after a network error', async () => {
    await open();
    await type('project-name-input', 'Recipe box');
    await choose('project-framework-select', 'nextjs');
    await submit();
    apollo.expectOne('CreateProject').networkError(new Error('fetch failed'));
    await settle(fixture);
    expect(byTestId(root, 'form-error')[0]?.textContent).toMatch(/Cannot reach the Atelier server/);

    await submit();
    const retry = apollo.expectOne('CreateProject');
    expect((retry.operation.variables['input'] as { idempotencyKey: string }).idempotencyKey).toBe(
      'key-1',
    );
    retry.networkError(new Error('fetch failed'));
    await settle(fixture);

    // Different values are a different submission.
    await type('project-name-input', 'Recipe box 2');
    await submit();
    const changed = apollo.expectOne('CreateProject');
    expect(
      (changed.operation.variables['input'] as { idempotencyKey: string }).idempotencyKey,
    ).toBe('key-2');
    changed.flushData({
      createProject: {
        __typename: 'Project',
        id: 'p9',
        name: 'Recipe box 2',
        framework: 'nextjs',
        status: 'QUEUED',
        createdAt: '2026-11-27T10:00:00.000Z',
      },
    });
    await settle(fixture);
  });

  it('opens the project page once the project is created', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await type('project-name-input', 'Recipe box');
    await choose('project-framework-select', 'fastapi');
    await submit();
    apollo.expectOne('CreateProject').flushData({
      createProject: {
        __typename: 'Project',
        id: 'p42',
        name: 'Recipe box',
        framework: 'fastapi',
        status: 'QUEUED',
        createdAt: '2026-11-27T10:00:00.000Z',
      },
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/projects', 'p42']);
  });

  describe('owner', () => {
    const teams = [
      { __typename: 'Team', id: 't1', name: 'Platform crew' },
      { __typename: 'Team', id: 't2', name: 'Design' },
    ];

    async function openSignedIn(): Promise<void> {
      await open(authStatePayload(true, viewerPayload()));
      apollo.expectOne('OwnerTeams').flushData({ teams });
      await settle(fixture);
    }

    it('is hidden in single-user mode, where there are no teams', async () => {
      await open();
      expect(byTestId(root, 'project-owner-select')).toHaveLength(0);
      apollo.expectNone('OwnerTeams');
    });

    it("offers Personal and each of the caller's teams, and sends the chosen team's id", async () => {
      await openSignedIn();
      const select = field<HTMLSelectElement>('project-owner-select');
      expect(Array.from(select.options).map((o) => [o.value, o.text.trim()])).toEqual([
        ['', 'Personal'],
        ['t1', 'Platform crew'],
        ['t2', 'Design'],
      ]);
      await choose('project-owner-select', 't2');
      await type('project-name-input', 'Recipe box');
      await choose('project-framework-select', 'nextjs');
      await submit();
      const op = apollo.expectOne('CreateProject');
      expect(op.operation.variables['input']).toMatchObject({ name: 'Recipe box', teamId: 't2' });
      op.graphqlErrors([
        { message: 'No', extensions: { code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'teamId', message: 'You are not in this team.' }] } },
      ]);
      await settle(fixture);
      expect(errorText('teamId')).toBe('You are not in this team.');
    });

    it('sends no teamId for a personal project', async () => {
      await openSignedIn();
      await type('project-name-input', 'Recipe box');
      await choose('project-framework-select', 'nextjs');
      await submit();
      const op = apollo.expectOne('CreateProject');
      expect(op.operation.variables['input']).not.toHaveProperty('teamId');
      op.networkError(new Error('fetch failed'));
      await settle(fixture);
    });
  });
});
