import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { ProjectSettingsPage } from './project-settings.page';

const settings = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Project',
  id: 'p1',
  name: 'Recipe box',
  framework: 'express',
  visibility: 'private',
  archivedAt: null,
  team: null,
  myAccess: { __typename: 'ProjectAccess', canEdit: true, canManage: true, canDelete: true },
  latestRun: { __typename: 'ProjectRun', id: 'r1', status: 'SUCCEEDED' },
  files: [
    { __typename: 'ProjectFile', id: 'f1' },
    { __typename: 'ProjectFile', id: 'f2' },
  ],
  ...overrides,
});
const sandbox = { __typename: 'Sandbox', id: 's1', status: 'RUNNING' };
const ARCHIVED_AT = '2026-12-01T09:00:00.000Z';

describe('ProjectSettingsPage', () => {
  let fixture: ComponentFixture<ProjectSettingsPage>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let navigations: unknown[][];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([])],
    });
    apollo = TestBed.inject(ApolloTestingController);
    navigations = [];
    jest.spyOn(TestBed.inject(Router), 'navigate').mockImplementation(async (...args) => {
      navigations.push(args);
      return true;
    });
    fixture = TestBed.createComponent(ProjectSettingsPage);
    root = fixture.nativeElement;
  });
  afterEach(() => apollo.verify());

  const one = (id: string) => byTestId(root, id)[0];
  const button = (id: string) => one(id) as HTMLButtonElement | undefined;

  async function open(project = settings(), sandboxes: unknown[] = []): Promise<void> {
    fixture.componentRef.setInput('id', 'p1');
    await settle(fixture);
    apollo.expectOne('ProjectSettings').flushData({ project, projectSandboxes: sandboxes });
    await settle(fixture);
  }

  async function type(id: string, text: string): Promise<void> {
    typeInto(one(id), text);
    await settle(fixture);
  }

  it('validates the new name as it is typed and renames with the server answer', async () => {
    await open();
    expect((one('rename-input') as HTMLInputElement).value).toBe('Recipe box');
    expect(button('rename-submit')?.disabled).toBe(true); // unchanged
    await type('rename-input', '9 lives');
    expect(one('rename-error')?.textContent).toContain('Start with a letter');
    expect(button('rename-submit')?.disabled).toBe(true);
    await type('rename-input', 'Recipe vault');
    expect(one('rename-error')).toBeUndefined();
    button('rename-submit')?.click();
    await settle(fixture);
    const op = apollo.expectOne('RenameProject');
    expect(op.operation.variables).toEqual({ id: 'p1', name: 'Recipe vault' });
    op.flushData({ renameProject: settings({ name: 'Recipe vault' }) });
    await settle(fixture);
    expect(one('rename-done')?.textContent).toContain('Renamed');
    expect(one('settings-project-name')?.textContent).toBe('Recipe vault');
  });

  it("shows the server's refusal of a taken name under the field, until the name is edited", async () => {
    await open();
    await type('rename-input', 'Taken');
    button('rename-submit')?.click();
    await settle(fixture);
    apollo
      .expectOne('RenameProject')
      .graphqlErrors([
        { message: 'You already have a project named "Taken"', extensions: { code: 'CONFLICT' } },
      ]);
    await settle(fixture);
    expect(one('rename-error')?.textContent).toContain('You already have a project named "Taken"');
    await type('rename-input', 'Taken 2');
    expect(one('rename-error')).toBeUndefined();
  });

  it('archives, then shows the project read-only with a restore button, and restores', async () => {
    await open();
    button('archive-project')?.click();
    await settle(fixture);
    apollo
      .expectOne('ArchiveProject')
      .flushData({ archiveProject: settings({ archivedAt: ARCHIVED_AT }) });
    await settle(fixture);
    expect(one('archived-callout')?.textContent).toContain('read-only');
    expect(one('archived-badge')).toBeDefined();
    expect((one('rename-input') as HTMLInputElement).disabled).toBe(true);
    expect(button('archive-project')).toBeUndefined();
    button('restore-project')?.click();
    await settle(fixture);
    apollo.expectOne('RestoreProject').flushData({ restoreProject: settings() });
    await settle(fixture);
    expect(one('archived-callout')).toBeUndefined();
    expect((one('rename-input') as HTMLInputElement).disabled).toBe(false);
  });

  it('does not offer archiving while a build runs, and says why', async () => {
    await open(settings({ latestRun: { __typename: 'ProjectRun', id: 'r2', status: 'RUNNING' } }));
    expect(button('archive-project')?.disabled).toBe(true);
    expect(one('archive-blocked')?.textContent).toContain('A build is in progress');
  });

  it('deletes only once the exact name is typed, listing what will be stopped, then leaves for the list', async () => {
    await open(settings({ latestRun: { __typename: 'ProjectRun', id: 'r2', status: 'RUNNING' } }), [
      sandbox,
    ]);
    const effects = one('delete-effects')?.textContent ?? '';
    expect(effects).toContain('The build in progress is stopped.');
    expect(effects).toContain('Its sandbox is destroyed.');
    expect(effects).toContain('All 2 files, their history, and every run are deleted.');
    button('delete-open')?.click();
    await settle(fixture);
    for (const wrong of ['recipe box', 'Recipe', 'Recipe box ']) {
      await type('delete-confirm-input', wrong);
      expect(button('delete-submit')?.disabled).toBe(true);
    }
    await type('delete-confirm-input', 'Recipe box');
    expect(button('delete-submit')?.disabled).toBe(false);
    button('delete-submit')?.click();
    await settle(fixture);
    expect(button('delete-submit')?.textContent).toContain('Stopping runs and deleting');
    const op = apollo.expectOne('DeleteProject');
    expect(op.operation.variables).toEqual({ id: 'p1', confirmName: 'Recipe box' });
    op.flushData({ deleteProject: true });
    await settle(fixture);
    expect(navigations).toEqual([[['/projects'], { state: { deletedProject: 'Recipe box' } }]]);
  });

  it("shows the server's refusal of a delete and stays", async () => {
    await open();
    button('delete-open')?.click();
    await settle(fixture);
    await type('delete-confirm-input', 'Recipe box');
    button('delete-submit')?.click();
    await settle(fixture);
    apollo.expectOne('DeleteProject').graphqlErrors([
      {
        message: 'The build service is unavailable, try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ]);
    await settle(fixture);
    expect(one('delete-error')?.textContent).toContain('The build service is unavailable');
    expect(navigations).toEqual([]);
  });

  it('offers a team member renaming only, and a reader nothing', async () => {
    const member = {
      __typename: 'ProjectAccess',
      canEdit: true,
      canManage: true,
      canDelete: false,
    };
    await open(settings({ myAccess: member }));
    expect(button('archive-project')).toBeUndefined();
    expect(button('delete-open')).toBeUndefined();
    expect(one('delete-owner-only')).toBeDefined();
    expect((one('rename-input') as HTMLInputElement).disabled).toBe(false);

    fixture.componentRef.setInput('id', 'p2');
    await settle(fixture);
    const reader = {
      __typename: 'ProjectAccess',
      canEdit: false,
      canManage: false,
      canDelete: false,
    };
    apollo
      .expectOne('ProjectSettings')
      .flushData({ project: settings({ id: 'p2', myAccess: reader }), projectSandboxes: [] });
    await settle(fixture);
    expect(one('no-access')).toBeDefined();
    expect((one('rename-input') as HTMLInputElement).disabled).toBe(true);
    expect(button('delete-open')).toBeUndefined();
  });

  it('shows not found for an unknown project', async () => {
    fixture.componentRef.setInput('id', 'nope');
    await settle(fixture);
    apollo.expectOne('ProjectSettings').flushData({ project: null, projectSandboxes: [] });
    await settle(fixture);
    expect(one('project-not-found')).toBeDefined();
  });
});
