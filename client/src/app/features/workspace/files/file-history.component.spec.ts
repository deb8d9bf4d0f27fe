import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { CONFIRM } from '../../../shared/browser.tokens';
import { eventPayload } from '../../../../testing/fixtures';
import { FakeRealtimeConnection, byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { EVENT_STREAM_RETRY_DELAY } from '../../projects/services/project-event-stream.service';
import {
  MONACO_DIFF_LOADER,
  type DiffDocument,
  type DiffViewerEngine,
} from './diff/diff-engine';
import { FileHistoryComponent, HISTORY_REFRESH_MS } from './file-history.component';
import { FILES_NOW } from './services/file-upload.service';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');

const version = (id: string, minutesAgo: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'FileVersion',
  id,
  fileId: 'f1',
  path: 'src/app.ts',
  size: 42,
  binary: false,
  authorKind: 'user',
  authorName: 'Ada Lovelace',
  reason: 'flush',
  createdAt: new Date(NOW - minutesAgo * 60_000).toISOString(),
  ...extra,
});

/** Records the diffs shown instead of running Monaco. */
class FakeDiffEngine implements DiffViewerEngine {
  readonly shown: DiffDocument[] = [];
  create(_host: HTMLElement, doc: DiffDocument) {
    this.shown.push(doc);
    return { show: (next: DiffDocument) => this.shown.push(next), dispose: () => undefined };
  }
}

describe('FileHistoryComponent', () => {
  let fixture: ComponentFixture<FileHistoryComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let diffs: FakeDiffEngine;
  let asked: string[];
  let restored: string[];

  beforeEach(() => {
    diffs = new FakeDiffEngine();
    asked = [];
    restored = [];
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
        { provide: CONFIRM, useValue: (q: string) => (asked.push(q), true) },
        { provide: MONACO_DIFF_LOADER, useValue: () => Promise.resolve(diffs) },
        { provide: FILES_NOW, useValue: () => NOW },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => {
    fixture.destroy();
    apollo.verify();
  });

  async function render(versions: unknown[], canEdit = true) {
    fixture = TestBed.createComponent(FileHistoryComponent);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('fileId', 'f1');
    fixture.componentRef.setInput('canEdit', canEdit);
    fixture.componentInstance.restored.subscribe((id) => restored.push(id));
    await settle(fixture);
    const list = apollo.expectOne('FileVersions');
    expect(list.operation.variables).toEqual({ fileId: 'f1', limit: 100 });
    list.flushData({ fileVersions: versions });
    apollo.expectOne('ProjectEventLog').flushData({ projectEventLog: [] });
    await settle(fixture);
    return apollo.expectOne('ProjectEvents');
  }

  const items = () => byTestId(root, 'version-item');

  /** Answers the three reads behind a diff: the version, the tree (the file's path now), the current text. */
  async function answerDiff(old: Record<string, unknown>, current: Record<string, unknown> | null) {
    apollo.expectOne('FileVersionContent').flushData({
      fileVersion: { __typename: 'FileVersion', id: 'v2', path: 'src/app.ts', binary: false, ...old },
    });
    const files = current
      ? [{ __typename: 'ProjectFile', id: 'f1', path: 'src/main.ts', size: 1, binary: false }]
      : [];
    apollo.expectOne('FileTree').flushData({ project: { __typename: 'Project', id: 'p1', files, folders: [] } });
    await settle(fixture);
    if (!current) return;
    const op = apollo.expectOne('CurrentFileContent');
    expect(op.operation.variables).toEqual({ id: 'p1', path: 'src/main.ts' });
    op.flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        file: { __typename: 'ProjectFile', id: 'f1', path: 'src/main.ts', binary: false, ...current },
      },
    });
    await settle(fixture);
  }

  it('lists versions newest first with author, kind, reason, time and size', async () => {
    await render([
      version('v3', 0, { authorKind: 'agent', authorName: 'The backend', reason: 'agent', size: 1500 }),
      version('v2', 5),
      version('v1', 60 * 30, { authorKind: 'system', authorName: 'Atelier', reason: 'scaffold' }),
    ]);
    const text = items().map((i) =>
      Array.from(i.querySelectorAll('.version-line > *'))
        .map((part) => part.textContent?.trim())
        .join(' '),
    );
    expect(text).toEqual([
      'The backend agent current just now Written by an agent · 1.5 kB',
      'Ada Lovelace person 5 min ago Edited · 42 B',
      'Atelier system 30 h ago Starter file · 42 B',
    ]);
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW).toISOString());
  });

  it('diffs a chosen version against the current content, then restores it after a confirmation', async () => {
    await render([version('v3', 0), version('v2', 5)]);
    items()[1]?.click();
    await settle(fixture);
    await answerDiff({ content: 'old();\n' }, { content: 'new();\n' });
    await settleUntil(fixture, () => diffs.shown.length > 0);
    expect(diffs.shown).toEqual([{ path: 'src/main.ts', original: 'old();\n', modified: 'new();\n' }]);
    expect(items()[1]?.getAttribute('aria-pressed')).toBe('true');

    byTestId(root, 'restore-version')[0]?.click();
    await settle(fixture);
    expect(asked).toEqual([
      'Restore “src/app.ts” to the version from 5 min ago? The current content stays in the history.',
    ]);
    const op = apollo.expectOne('RestoreFileVersion');
    expect(op.operation.variables).toEqual({ versionId: 'v2' });
    op.flushData({
      restoreFileVersion: { __typename: 'ProjectFile', id: 'f1', path: 'src/main.ts', size: 7, binary: false },
    });
    await settle(fixture);
    expect(restored).toEqual(['f1']);
    apollo.expectOne('FileVersions').flushData({
      fileVersions: [version('v4', 0, { reason: 'restore' }), version('v3', 1), version('v2', 6)],
    });
    await settle(fixture);
    expect(items()[0]?.dataset['reason']).toBe('restore');
    expect(byTestId(root, 'history-notice')[0]?.textContent).toContain('Restored the version from 5 min ago.');
  });

  it('shows a restore the server refused, and offers no restore to a reader', async () => {
    await render([version('v3', 0), version('v2', 5)]);
    items()[1]?.click();
    await settle(fixture);
    await answerDiff({ content: 'a' }, { content: 'b' });
    byTestId(root, 'restore-version')[0]?.click();
    await settle(fixture);
    apollo
      .expectOne('RestoreFileVersion')
      .graphqlErrors([
        new GraphQLError('The project is archived: restore it first.', { extensions: { code: 'PROJECT_ARCHIVED' } }),
      ]);
    await settle(fixture);
    expect(byTestId(root, 'restore-error')[0]?.textContent).toBe('The project is archived: restore it first.');
    expect(restored).toEqual([]);

    fixture.componentRef.setInput('canEdit', false);
    await settle(fixture);
    expect(byTestId(root, 'restore-version')).toHaveLength(0);
  });

  it('explains binary versions and deleted files instead of diffing them', async () => {
    await render([version('v3', 0), version('v2', 5, { binary: true })]);
    items()[1]?.click();
    await settle(fixture);
    await answerDiff({ binary: true, content: null }, { content: 'text' });
    expect(byTestId(root, 'diff-binary')[0]?.textContent).toContain('This version is binary');
    items()[0]?.click();
    await settle(fixture);
    await answerDiff({}, null);
    expect(byTestId(root, 'diff-deleted')).toHaveLength(1);
    expect(diffs.shown).toEqual([]);
  });

  it('reloads when the file changes, and says when there is no history yet', async () => {
    const live = await render([]);
    expect(byTestId(root, 'history-empty')[0]?.textContent).toContain('No versions yet');
    live.flushData({ projectEvents: eventPayload('5-0', 'files.flushed') });
    await settle(fixture, HISTORY_REFRESH_MS + 30);
    apollo.expectOne('FileVersions').flushData({ fileVersions: [version('v1', 0)] });
    await settle(fixture);
    expect(items()).toHaveLength(1);
  });
});
