import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApolloTestingController,
  ApolloTestingModule,
  type TestOperation,
} from 'apollo-angular/testing';
import * as Y from 'yjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { eventPayload } from '../../../../testing/fixtures';
import { EVENT_STREAM_RETRY_DELAY } from '../../projects/services/project-event-stream.service';
import { LIVE_EDITOR_LOADER } from '../editor/live-editor-engine';
import { LIVE_ROOM_CONNECTOR, type LiveRoomOptions } from '../services/live-room';
import { FakeLiveEditorEngine, FakeLiveRoom, member } from '../testing/fake-live-room';
import { WorkspacePage } from './workspace.page';

const file = (path: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'ProjectFile',
  id: `f-${path}`,
  path,
  language: 'typescript',
  size: 12,
  binary: false,
  ...extra,
});

function workspacePayload(
  project: Record<string, unknown> = {},
  collaboration: Record<string, unknown> = {},
) {
  return {
    project: {
      __typename: 'Project',
      id: 'p1',
      name: 'Recipe box',
      visibility: 'private',
      archivedAt: null,
      myAccess: { __typename: 'ProjectAccess', canEdit: true },
      files: [file('src/a.ts'), file('src/b.ts')],
      folders: [],
      ...project,
    },
    collaboration: {
      __typename: 'Collaboration',
      enabled: true,
      proxied: true,
      throttleMs: 16,
      ...collaboration,
    },
  };
}

describe('WorkspacePage', () => {
  let fixture: ComponentFixture<WorkspacePage>;
  let apollo: ApolloTestingController;
  let live: FakeLiveRoom;
  let engine: FakeLiveEditorEngine;
  let entered: LiveRoomOptions[];
  let root: HTMLElement;
  /** When the room is joined (at once unless a test holds it). */
  let joined: Promise<void>;

  beforeEach(() => {
    live = new FakeLiveRoom();
    engine = new FakeLiveEditorEngine();
    entered = [];
    joined = Promise.resolve();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
        {
          provide: LIVE_ROOM_CONNECTOR,
          useValue: async (options: LiveRoomOptions) => {
            entered.push(options);
            await joined;
            return live;
          },
        },
        { provide: LIVE_EDITOR_LOADER, useValue: () => Promise.resolve(engine) },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(WorkspacePage);
    root = fixture.nativeElement;
  });
  afterEach(() => fixture.destroy());

  const testIds = (id: string) => byTestId(root, id);
  const text = (id: string) => testIds(id)[0]?.textContent?.trim().replace(/\s+/g, ' ');

  /** Opens the page on p1; returns the project's live events (the tree and the page share them). */
  async function load(payload = workspacePayload()): Promise<TestOperation> {
    fixture.componentRef.setInput('id', 'p1');
    await settle(fixture);
    apollo.expectOne('Workspace').flushData(payload);
    await settle(fixture);
    apollo.expectOne('ProjectEventLog').flushData({ projectEventLog: [] });
    await settle(fixture);
    return apollo.expectOne('ProjectEvents');
  }

  const fileRow = (path: string) =>
    testIds('tree-row').find((row) => row.dataset['path'] === path)!;

  /** Clicks a file; the server registers its document and answers openFile. */
  async function openFile(
    path: string,
    opened: Record<string, unknown> = {},
    content = 'let a = 1;\n',
  ) {
    fileRow(path).click();
    await settle(fixture);
    const op = apollo.expectOne('OpenFile');
    expect(op.operation.variables).toEqual({ projectId: 'p1', fileId: `f-${path}` });
    live.register(`f-${path}`, content);
    op.flushData({
      openFile: {
        __typename: 'OpenedFile',
        fileId: `f-${path}`,
        roomId: 'project:p1',
        readOnly: false,
        reason: null,
        ...opened,
      },
    });
    await settleUntil(
      fixture,
      () =>
        engine.editors.length > 0 &&
        !!testIds('live-editor')[0]?.dataset['mode']?.match(/live|stored|failed/),
    );
  }

  it('opens a file in its live document and saves what this person types through filesEdited', async () => {
    await load();
    expect(entered).toEqual([{ projectId: 'p1', proxied: true, throttleMs: 16 }]);
    expect(text('workspace-placeholder')).toContain('Choose a file');
    await openFile('src/a.ts');

    const editor = engine.last;
    expect(editor.live?.text.toString()).toBe('let a = 1;\n');
    expect(editor.live?.path).toBe('src/a.ts');
    expect(editor.readOnly).toBe(false);
    expect(live.presence).toMatchObject({ fileId: 'f-src/a.ts', path: 'src/a.ts' });
    expect(live.awareness.local).toMatchObject({
      fileId: 'f-src/a.ts',
      user: { name: 'Ada Lovelace' },
    });
    expect(text('save-state')).toBe('Saved');

    engine.type(0, 'export ');
    await settle(fixture);
    expect(text('save-state')).toBe('Saving…');
    await settle(fixture, 350);
    const note = apollo.expectOne('FilesEdited');
    expect(note.operation.variables).toEqual({ projectId: 'p1', fileIds: ['f-src/a.ts'] });
    note.flushData({ filesEdited: true });
    await settleUntil(fixture, () => text('save-state') === 'Saved');

    // Someone else's edit arrives in the same document; it is not this person's to report.
    live.remoteEdit('f-src/a.ts', (t) => t.insert(t.length, '// hi\n'));
    await settle(fixture, 350);
    apollo.expectNone('FilesEdited');
    expect(editor.live?.text.toString()).toBe('export let a = 1;\n// hi\n');
  });

  it('says offline while edits wait for the connection, and shows a banner until it is back', async () => {
    await load();
    await openFile('src/a.ts');
    live.setStatus('reconnecting');
    live.setPending(true);
    await settle(fixture);
    expect(text('disconnected')).toContain('reconnecting');
    engine.type(0, 'x');
    await settle(fixture, 350);
    expect(text('save-state')).toBe('Offline — will save');
    apollo.expectNone('FilesEdited');

    live.setStatus('connected');
    live.setPending(false);
    await settle(fixture, 10);
    expect(testIds('disconnected')).toHaveLength(0);
    apollo.expectNone('Workspace');
    apollo.expectOne('FilesEdited').flushData({ filesEdited: true });
    await settleUntil(fixture, () => text('save-state') === 'Saved');
  });

  it('reads what this person may do again when the server closes the room, and says it rejoins', async () => {
    await load();
    await openFile('src/a.ts');
    live.setStatus('disconnected');
    await settle(fixture);
    expect(testIds('disconnected')[0]?.dataset['status']).toBe('disconnected');
    await settle(fixture, 350);
    // The project was archived meanwhile: the new token reads only, and the editor says why.
    apollo
      .expectOne('Workspace')
      .flushData(workspacePayload({ archivedAt: '2026-12-07T10:00:00.000Z' }));
    live.writable = false;
    live.setStatus('connected');
    await settle(fixture, 10);
    expect(text('workspace-archived')).toContain('Archived');
    expect(engine.last.readOnly).toBe(true);
    expect(text('read-only-reason')).toBe('This project is archived: restore it to edit.');
  });

  it('opens read-only for someone who may only read, and says why', async () => {
    live.writable = false;
    await load(workspacePayload({ myAccess: { __typename: 'ProjectAccess', canEdit: false } }));
    expect(text('workspace-viewer')).toContain('read-only');
    await openFile('src/a.ts', { readOnly: true, reason: 'viewer' });
    expect(engine.last.readOnly).toBe(true);
    expect(text('read-only-reason')).toBe('You can read this project but not edit it.');
    expect(text('read-only-badge')).toBe('Read-only');
    expect(testIds('save-state')).toHaveLength(0);
  });

  it('shows a too large file from its saved copy, read-only with the reason, when it has no live document', async () => {
    await load();
    // The room never registers it: the stored text is shown instead.
    jest.spyOn(live, 'whenSynced').mockReturnValue(Promise.reject(new Error('no document')));
    fileRow('src/b.ts').click();
    await settle(fixture);
    apollo.expectOne('OpenFile').flushData({
      openFile: {
        __typename: 'OpenedFile',
        fileId: 'f-src/b.ts',
        roomId: 'project:p1',
        readOnly: true,
        reason: 'too_large',
      },
    });
    let reads: ReturnType<typeof apollo.match> = [];
    await settleUntil(fixture, () => (reads = apollo.match('WorkspaceFileContent')).length > 0);
    reads[0]!.flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        file: { __typename: 'ProjectFile', id: 'f-src/b.ts', content: 'big' },
      },
    });
    await settleUntil(fixture, () => engine.editors.length > 0);
    expect(engine.last.stored?.content).toBe('big');
    expect(text('read-only-reason')).toBe('This file is too large to edit in the browser.');
  });

  it('says the open file was deleted, by whom, and stops editing it', async () => {
    const events = await load();
    await openFile('src/a.ts');
    live.unregister('f-src/a.ts');
    await settle(fixture);
    expect(text('file-deleted')).toContain('This file was deleted.');
    expect(engine.last.detached).toBe(true);
    expect(live.awareness.local['selection']).toBeNull();

    events.flushData({
      projectEvents: {
        ...eventPayload('5-0', 'file.deleted', 'Bob deleted src/a.ts'),
        data: { fileIds: ['f-src/a.ts'], path: 'src/a.ts', folder: false, by: 'u2' },
      },
    });
    await settle(fixture);
    expect(text('file-deleted')).toContain('This file was deleted by Bob.');
    // The list is read again; the deleted file stays open with its banner.
    await settle(fixture, 350);
    apollo.expectOne('Workspace').flushData(workspacePayload({ files: [file('src/b.ts')] }));
    await settle(fixture);
    expect(testIds('tree-row').map((b) => b.dataset['path'])).toEqual(['src', 'src/b.ts']);
    expect(text('editor-path')).toBe('src/a.ts');
  });

  it('shows people and agents in the avatar stack and in the file list, and draws the agent in the file', async () => {
    await load();
    await openFile('src/a.ts');
    live.setPeople([
      member({
        connectionId: 2,
        userId: 'bob',
        name: 'Bob Stone',
        color: '#2980b9',
        fileId: 'f-src/b.ts',
        path: 'src/b.ts',
        clientId: 77,
      }),
    ]);
    const text$ = live.text('f-src/a.ts');
    live.setAgent({
      role: 'coder',
      name: 'The coder',
      color: '#d35400',
      fileId: 'f-src/a.ts',
      path: 'src/a.ts',
      position: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text$, 4)),
      at: new Date().toISOString(),
    });
    await settle(fixture);

    const avatars = testIds('presence-avatar');
    expect(
      avatars.map((a) => [a.dataset['kind'], a.textContent?.trim().replace(/\s+/g, ' ')]),
    ).toEqual([
      ['person', 'AL Ada Lovelace (you) · src/a.ts'],
      ['person', 'BS Bob Stone · src/b.ts'],
      ['agent', 'C The coder (agent) · editing src/a.ts'],
    ]);
    const dots = (path: string) =>
      fileRow(path).querySelector('[data-testid="tree-presence"]')?.getAttribute('title');
    expect(dots('src/b.ts')).toContain('Bob Stone');
    expect(dots('src/a.ts')).toContain('The coder');
    expect(engine.last.marks).toEqual([
      { role: 'coder', name: 'The coder', color: '#d35400', index: 4 },
    ]);
    const sheet = Array.from(document.head.querySelectorAll('style'))
      .map((s) => s.textContent)
      .join('\n');
    expect(sheet).toContain('.yRemoteSelectionHead-77::after');
    expect(sheet).toContain('.agentCursor-coder::after');
  });

  it('collapses a crowd into "+N"', async () => {
    await load();
    live.setPeople([2, 3, 4, 5, 6, 7].map((n) => member({ connectionId: n, name: `P${n}` })));
    await settle(fixture);
    expect(testIds('presence-avatar')).toHaveLength(5);
    expect(text('presence-more')).toContain('+2');
  });

  it('shows a binary file as binary with a download link, never as text', async () => {
    await load(workspacePayload({ files: [file('logo.png', { binary: true, size: 2048 })] }));
    fileRow('logo.png').click();
    await settle(fixture, 10);
    apollo.expectNone('OpenFile');
    expect(text('binary-file-size')).toBe('2.0 kB');
    expect(testIds('binary-file-download')[0]?.getAttribute('href')).toBe(
      '/api/projects/p1/files/raw?path=logo.png',
    );
    expect(engine.editors).toHaveLength(0);
  });

  it('invites to wait for files in an empty project', async () => {
    await load(workspacePayload({ files: [] }));
    expect(testIds('tree-empty')).toHaveLength(1);
    expect(text('workspace-placeholder')).toContain('This project has no files yet.');
  });

  it('opens files read-only from PostgreSQL when collaboration is off', async () => {
    await load(workspacePayload({}, { enabled: false }));
    expect(entered).toEqual([]);
    expect(text('collab-off')).toContain('Live editing is off');
    fileRow('src/a.ts').click();
    await settle(fixture, 10);
    apollo.expectNone('OpenFile');
    apollo.expectOne('WorkspaceFileContent').flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        file: { __typename: 'ProjectFile', id: 'f-src/a.ts', content: 'saved' },
      },
    });
    await settleUntil(fixture, () => engine.editors.length > 0);
    expect(engine.last.stored?.content).toBe('saved');
  });

  it('shows a not-found state for an unknown project', async () => {
    fixture.componentRef.setInput('id', 'nope');
    await settle(fixture);
    apollo
      .expectOne('Workspace')
      .flushData({ project: null, collaboration: workspacePayload().collaboration });
    await settle(fixture);
    expect(testIds('workspace-not-found')).toHaveLength(1);
  });

  it('opens the file named in the address once the live room is joined, not before', async () => {
    let join!: () => void;
    joined = new Promise((resolve) => (join = resolve));
    fixture.componentRef.setInput('file', 'src/b.ts');
    await load();
    expect(root.textContent).toContain('Joining the live room…');
    apollo.expectNone('OpenFile');
    join();
    await settle(fixture, 10);
    live.register('f-src/b.ts', 'b');
    apollo.expectOne('OpenFile').flushData({
      openFile: {
        __typename: 'OpenedFile',
        fileId: 'f-src/b.ts',
        roomId: 'project:p1',
        readOnly: false,
        reason: null,
      },
    });
    await settleUntil(fixture, () => engine.editors.length > 0);
    expect(engine.last.live?.text.toString()).toBe('b');
  });

  it("shows the open file's history beside the editor", async () => {
    await load();
    await openFile('src/a.ts');
    expect(testIds('file-history')).toHaveLength(0);
    testIds('history-toggle')[0]!.click();
    await settle(fixture);
    expect(testIds('file-history')[0]?.dataset['fileId']).toBe('f-src/a.ts');
    expect(testIds('history-toggle')[0]?.getAttribute('aria-pressed')).toBe('true');
  });

  it('leaves the room when the page goes', async () => {
    await load();
    fixture.destroy();
    expect(live.left).toBe(true);
  });
});
