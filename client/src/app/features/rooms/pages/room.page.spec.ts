import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RoomEventType } from '@contracts/rooms';
import { ApolloTestingController, ApolloTestingModule, type TestOperation } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle, settleUntil, typeInto } from '../../../../testing/fakes';
import { EVENT_STREAM_RETRY_DELAY } from '../../projects/services/project-event-stream.service';
import { TERMINAL_SOCKET } from '../../sandbox/components/sandbox-terminal.component';
import { LIVE_EDITOR_LOADER } from '../../workspace/editor/live-editor-engine';
import { LIVE_ROOM_CONNECTOR, type LiveRoomOptions } from '../../workspace/services/live-room';
import { FakeLiveEditorEngine, FakeLiveRoom } from '../../workspace/testing/fake-live-room';
import { memberPayload, messagePayload, roomPayload } from '../testing/room-payloads';
import { RoomPage } from './room.page';

/** Records the terminal socket the page opened, and lets the test play the server. */
class FakeSocket {
  static readonly OPEN = 1;
  readonly readyState = 1;
  binaryType = 'blob';
  readonly sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {}
  /** A control message: a binary frame of JSON. */
  control(message: object) {
    this.onmessage?.({ data: new TextEncoder().encode(JSON.stringify(message)).buffer });
  }
}

const file = (path: string) => ({ __typename: 'ProjectFile', id: `f-${path}`, path, language: 'typescript', size: 12, binary: false });

describe('RoomPage', () => {
  let fixture: ComponentFixture<RoomPage>;
  let apollo: ApolloTestingController;
  let live: FakeLiveRoom;
  let engine: FakeLiveEditorEngine;
  let entered: LiveRoomOptions[];
  let sockets: FakeSocket[];
  let events: TestOperation;
  let root: HTMLElement;

  beforeAll(() => {
    // jsdom has no ResizeObserver; the terminal only fits itself with it.
    (globalThis as Record<string, unknown>)['ResizeObserver'] ??= class {
      observe() {}
      disconnect() {}
    };
    // …nor matchMedia, which xterm asks for the device pixel ratio.
    window.matchMedia ??= () =>
      ({ matches: false, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} }) as unknown as MediaQueryList;
  });

  beforeEach(() => {
    live = new FakeLiveRoom();
    engine = new FakeLiveEditorEngine();
    entered = [];
    sockets = [];
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
        { provide: LIVE_ROOM_CONNECTOR, useValue: async (o: LiveRoomOptions) => (entered.push(o), live) },
        { provide: LIVE_EDITOR_LOADER, useValue: () => Promise.resolve(engine) },
        { provide: TERMINAL_SOCKET, useValue: (url: string) => { const s = new FakeSocket(url); sockets.push(s); return s; } },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(RoomPage);
    root = fixture.nativeElement;
  });
  afterEach(() => fixture.destroy());

  const text = (id: string) => byTestId(root, id)[0]?.textContent?.trim().replace(/\s+/g, ' ');

  /** Opens room-1 as `me`, inside; the chat holds `history`. */
  async function inside(me = memberPayload('u1', 'host', { displayName: 'Ada Lovelace' }), history: unknown[] = []) {
    const room = roomPayload({ me, project: { ...roomPayload().project, canEdit: me.role !== 'viewer' } });
    fixture.componentRef.setInput('id', 'room-1');
    await settle(fixture);
    apollo.expectOne('Room').flushData({ room });
    await settle(fixture);
    apollo.expectOne('RoomInside').flushData({ room });
    await settle(fixture);
    apollo.expectOne('RoomMessages').flushData({ roomMessages: { __typename: 'RoomMessagePage', messages: history, before: null } });
    events = apollo.expectOne('RoomEvents');
    apollo.expectOne('Workspace').flushData({
      project: {
        __typename: 'Project', id: 'p1', name: 'Recipe box', visibility: 'private', archivedAt: null,
        myAccess: { __typename: 'ProjectAccess', canEdit: false }, files: [file('src/a.ts'), file('src/b.ts')], folders: [],
      },
      collaboration: { __typename: 'Collaboration', enabled: true, proxied: true, throttleMs: 16 },
    });
    await settle(fixture);
    apollo.match('ProjectEventLog').forEach((op) => op.flushData({ projectEventLog: [] }));
    await settle(fixture, 20);
  }

  it('joins the project document as a member of this coding room, editable for a participant', async () => {
    await inside(memberPayload('u2', 'participant', { displayName: 'Grace' }), [
      messagePayload('m1', { body: 'Bug at src/b.ts:7', refs: [{ __typename: 'ChatFileRef', path: 'src/b.ts', line: 7 }] }),
    ]);
    expect(entered).toEqual([{ projectId: 'p1', proxied: true, throttleMs: 16, authBody: { coding: 'room-1' } }]);
    expect(text('room-name')).toBe('Pairing on auth');
    expect(text('room-people')).toContain('2 / 10');

    // A chat link opens the file in the editor at its line.
    byTestId(root, 'chat-ref')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    await settle(fixture);
    live.register('f-src/b.ts', 'a\nb\nc\nd\ne\nf\ng\n');
    apollo.expectOne('OpenFile').flushData({
      openFile: { __typename: 'OpenedFile', fileId: 'f-src/b.ts', roomId: 'project:p1', readOnly: false, reason: null },
    });
    await settleUntil(fixture, () => engine.editors.length > 0 && engine.last.revealed.length > 0);
    expect(engine.last.live?.path).toBe('src/b.ts');
    expect(engine.last.revealed).toEqual([7]);
    expect(engine.last.readOnly).toBe(false);
    // A participant types in the shared terminal.
    expect(byTestId(root, 'terminal-read-only')).toHaveLength(0);
  });

  it('opens the assist chat in its tab, asks from this room, and opens a citation in the editor', async () => {
    await inside();
    apollo.expectNone('AssistChatThread');
    byTestId(root, 'tab-assist')[0]!.click();
    await settle(fixture);
    expect(byTestId(root, 'tab-assist')[0]!.getAttribute('aria-selected')).toBe('true');
    apollo.expectOne('AssistChatCapabilities').flushData({
      assistCapabilities: {
        __typename: 'AssistCapabilities',
        chat: { __typename: 'AssistAvailability', available: true, model: 'openai/gpt-4.1-mini', local: false, reason: null },
      },
    });
    apollo.expectOne('AssistChatThread').flushData({
      assistChat: [
        {
          __typename: 'AssistChatMessage', id: 'r1', role: 'assistant', content: 'See src/b.ts:4.', status: 'complete',
          citations: [{ __typename: 'AssistCitation', path: 'src/b.ts', line: 4, endLine: null }],
          model: 'openai/gpt-4.1-mini', errorCode: null, createdAt: '2026-12-07T10:00:00.000Z',
        },
      ],
    });
    await settle(fixture);
    const link = byTestId(root, 'assist-cite')[0] as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/?file=src%2Fb.ts&line=4');
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    await settle(fixture);
    live.register('f-src/b.ts', 'a\nb\nc\nd\ne\n');
    apollo.expectOne('OpenFile').flushData({
      openFile: { __typename: 'OpenedFile', fileId: 'f-src/b.ts', roomId: 'project:p1', readOnly: false, reason: null },
    });
    await settleUntil(fixture, () => engine.editors.length > 0 && engine.last.revealed.length > 0);
    expect(engine.last.live?.path).toBe('src/b.ts');
    expect(engine.last.revealed).toEqual([4]);

    typeInto(byTestId(root, 'assist-input')[0], 'And the tests?');
    await settle(fixture);
    (byTestId(root, 'assist-send')[0] as HTMLButtonElement).click();
    await settle(fixture);
    expect(apollo.expectOne('AskAssist').operation.variables).toEqual({ projectId: 'p1', message: 'And the tests?', roomId: 'room-1' });
  });

  it("gives a viewer a read-only editor and a watch-only terminal, and says why Run is off", async () => {
    live.writable = false;
    await inside(memberPayload('u4', 'viewer', { displayName: 'Di' }));
    expect(text('terminal-read-only')).toContain('only participants and above can type');
    const run = byTestId(root, 'room-run')[0] as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(run.title).toBe('Only participants and above can run scripts.');
    expect(text('chat-disabled')).toContain('Viewers read the chat');
    expect(byTestId(root, 'room-lock')).toHaveLength(0);

    byTestId(root, 'tree-row').find((row) => row.dataset['path'] === 'src/a.ts')!.click();
    await settle(fixture);
    live.register('f-src/a.ts', 'let a = 1;\n');
    apollo.expectOne('OpenFile').flushData({
      openFile: { __typename: 'OpenedFile', fileId: 'f-src/a.ts', roomId: 'project:p1', readOnly: false, reason: null },
    });
    await settleUntil(fixture, () => engine.editors.length > 0);
    expect(engine.last.readOnly).toBe(true);
    expect(text('read-only-badge')).toBe('Read-only');
  });

  it("shows who ran what in the shared terminal, from the terminal's control messages", async () => {
    await inside();
    await settleUntil(fixture, () => sockets.length > 0);
    expect(sockets[0]!.url).toMatch(/\/rooms\/room-1\/terminal\?cols=\d+&rows=\d+$/);
    sockets[0]!.control({ type: 'run', command: 'npm test', by: { id: 'u2', name: 'Grace' } });
    await settle(fixture);
    expect(text('terminal-run-note')).toBe('Grace ran npm test');
  });

  it('leaves the room view with a clear notice when the caller is kicked', async () => {
    await inside();
    events.flushData({
      roomEvents: { __typename: 'RoomEvent', id: '1-1', roomId: 'room-1', type: RoomEventType.MEMBER_KICKED, data: { userId: 'u1' }, at: '2026-12-07T10:10:00.000Z' },
    });
    await settle(fixture);
    expect(byTestId(root, 'room-exit')[0]!.dataset['kind']).toBe('kicked');
    expect(text('room-exit')).toContain('You were removed from the room');
    expect(live.left).toBe(true);
    expect(byTestId(root, 'chat-log')).toHaveLength(0);
  });

  it('shows the join screen to someone not inside', async () => {
    fixture.componentRef.setInput('id', 'room-1');
    await settle(fixture);
    apollo.expectOne('Room').flushData({ room: roomPayload({ me: null, hasPassword: true }) });
    await settle(fixture);
    expect(byTestId(root, 'room-join')).toHaveLength(1);
    expect(byTestId(root, 'join-password')).toHaveLength(1);
    expect(entered).toEqual([]);
  });
});
