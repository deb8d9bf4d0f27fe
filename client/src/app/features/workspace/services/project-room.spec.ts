import { FakeLiveRoom, member } from '../testing/fake-live-room';
import { DocumentUnavailableError, ProjectRoom } from './project-room';

describe('ProjectRoom', () => {
  let live: FakeLiveRoom;
  let room: ProjectRoom;

  beforeEach(() => {
    live = new FakeLiveRoom();
    room = new ProjectRoom(live);
  });
  afterEach(() => room.leave());

  it('follows the connection and the people, and publishes name, colour and the open file', () => {
    expect(room.connected()).toBe(true);
    // Name and colour come from the server's token, once connected.
    expect(live.presence).toEqual({
      name: 'Ada Lovelace',
      color: '#c0392b',
      fileId: null,
      path: null,
    });
    live.setPeople([member({ connectionId: 2, name: 'Bob', fileId: 'f1', path: 'a.ts' })]);
    expect(room.presence().map((p) => [p.name, p.self, p.paths])).toEqual([
      ['Ada Lovelace', true, []],
      ['Bob', false, ['a.ts']],
    ]);
    expect(room.filePresence()).toEqual([{ fileId: 'f1', name: 'Bob', color: '#3f5bd9' }]);
    room.showOpen({ id: 'f2', path: 'b.ts' });
    expect(live.presence).toMatchObject({ fileId: 'f2', path: 'b.ts' });
    live.setStatus('reconnecting');
    expect(room.connected()).toBe(false);
  });

  it('waits for a file document registered after it was asked for, and loads it', async () => {
    const opening = room.document('f1');
    live.register('f1', 'hello');
    const doc = await opening;
    expect(doc.guid).toBe('f1');
    expect(doc.getText('content').toString()).toBe('hello');
    expect(room.liveFileIds().has('f1')).toBe(true);
    live.unregister('f1');
    expect(room.liveFileIds().has('f1')).toBe(false);
  });

  it('gives up on a document that never appears', async () => {
    await expect(room.document('nope', 20)).rejects.toBeInstanceOf(DocumentUnavailableError);
  });

  it('shows agents from the root map while their last edit is under a minute old', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T10:00:00Z') });
    try {
      const local = new ProjectRoom(live);
      live.setAgent({
        role: 'coder',
        name: 'The coder',
        color: '#d35400',
        fileId: 'f1',
        path: 'a.ts',
        position: null,
        at: '2026-12-07T10:00:00Z',
      });
      expect(local.presence().map((p) => [p.kind, p.name])).toEqual([
        ['person', 'Ada Lovelace'],
        ['agent', 'The coder'],
      ]);
      jest.advanceTimersByTime(61_000);
      expect(local.agents()).toEqual([]);
      local.leave();
    } finally {
      jest.useRealTimers();
    }
  });

  it('enters the room again, with growing waits, after the server closed it for good', () => {
    jest.useFakeTimers();
    try {
      const delays: number[] = [];
      live = new FakeLiveRoom();
      const local = new ProjectRoom(live, (n) => (delays.push(n), 1000 * n));
      live.setStatus('disconnected');
      jest.advanceTimersByTime(1000);
      expect(live.reconnects).toBe(1);
      live.setStatus('connecting');
      live.setStatus('disconnected');
      jest.advanceTimersByTime(1999);
      expect(live.reconnects).toBe(1);
      jest.advanceTimersByTime(1);
      expect(live.reconnects).toBe(2);
      live.setStatus('connected');
      live.setStatus('disconnected');
      jest.advanceTimersByTime(1000);
      expect(delays).toEqual([1, 2, 1]);
      local.leave();
    } finally {
      jest.useRealTimers();
    }
  });

  it('leaves the room', () => {
    room.leave();
    expect(live.left).toBe(true);
    room = new ProjectRoom(new FakeLiveRoom());
  });
});
