import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { ProjectListPage } from './project-list.page';

const summary = (
  id: string,
  name: string,
  createdAt: string,
  archivedAt: string | null = null,
) => ({
  __typename: 'Project',
  id,
  name,
  framework: 'vue',
  status: 'READY',
  createdAt,
  archivedAt,
});

describe('ProjectListPage', () => {
  let fixture: ComponentFixture<ProjectListPage>;
  let apollo: ApolloTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([])],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(ProjectListPage);
    await settle(fixture);
  });

  afterEach(() => apollo.verify());

  it('lists projects newest first', async () => {
    apollo.expectOne('Projects').flushData({
      projects: [
        summary('a', 'Older', '2026-11-01T00:00:00.000Z'),
        summary('b', 'Newer', '2026-11-20T00:00:00.000Z'),
      ],
    });
    await settle(fixture);
    const rows = byTestId(fixture.nativeElement, 'project-row');
    expect(rows.map((row) => row.querySelector('a')?.textContent)).toEqual(['Newer', 'Older']);
    expect(rows[0]?.textContent).toContain('vue');
    expect(rows[0]?.textContent).toContain('Ready');
  });

  it('invites to create the first project when there is none', async () => {
    apollo.expectOne('Projects').flushData({ projects: [] });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('No projects yet');
    expect(byTestId(fixture.nativeElement, 'new-project-link')).toHaveLength(1);
  });

  it('shows a readable error and retries on request', async () => {
    apollo
      .expectOne('Projects')
      .graphqlErrors([
        { message: 'db exploded at 10.0.0.3', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
    await settle(fixture);
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('Something went wrong on the server');
    expect(text).not.toContain('10.0.0.3');

    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('.callout button')
      ?.click();
    await settle(fixture);
    apollo.expectOne('Projects').flushData({ projects: [] });
    await settle(fixture);
  });

  it('hides archived projects until "Show archived" is on, then marks them', async () => {
    const op = apollo.expectOne('Projects');
    expect(op.operation.variables).toEqual({ includeArchived: true });
    op.flushData({
      projects: [
        summary('a', 'Live', '2026-11-01T00:00:00.000Z'),
        summary('b', 'Shelved', '2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
      ],
    });
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    expect(byTestId(root, 'project-row').map((r) => r.dataset['projectId'])).toEqual(['a']);
    const toggle = byTestId(root, 'show-archived')[0] as HTMLInputElement;
    expect(toggle.parentElement?.textContent).toContain('Show archived (1)');

    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    await settle(fixture);
    const rows = byTestId(root, 'project-row');
    expect(rows.map((r) => r.classList.contains('archived'))).toEqual([false, true]);
    expect(rows[1]?.querySelector('[data-testid="archived-badge"]')?.textContent).toBe('Archived');
  });

  it('says when every project is archived instead of inviting to create a first one', async () => {
    apollo.expectOne('Projects').flushData({
      projects: [summary('b', 'Shelved', '2026-10-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')],
    });
    await settle(fixture);
    const root = fixture.nativeElement as HTMLElement;
    expect(byTestId(root, 'projects-empty')[0]?.textContent).toContain(
      'Your one project is archived.',
    );
    byTestId(root, 'projects-empty')[0]?.querySelector('button')?.click();
    await settle(fixture);
    expect(byTestId(root, 'project-row')).toHaveLength(1);
  });

  it('offers no archive toggle when nothing is archived', async () => {
    apollo
      .expectOne('Projects')
      .flushData({ projects: [summary('a', 'Live', '2026-11-01T00:00:00.000Z')] });
    await settle(fixture);
    expect(byTestId(fixture.nativeElement, 'show-archived')).toHaveLength(0);
  });
});
