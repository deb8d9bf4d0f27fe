import { FakeLiveRoom } from '../testing/fake-live-room';
import { FileAwareness } from './file-awareness';

describe('FileAwareness', () => {
  it("shows y-monaco only the other connections in this file, and announces this one's file", () => {
    const live = new FakeLiveRoom();
    const awareness = new FileAwareness(live.awareness, 'f1');
    const changes: number[] = [];
    const listener = () => changes.push(awareness.getStates().size);
    awareness.on('change', listener);
    awareness.enter({ name: 'Ada', color: '#c0392b' });
    expect(live.awareness.local).toEqual({
      user: { name: 'Ada', color: '#c0392b' },
      fileId: 'f1',
      selection: null,
    });

    live.awareness.set(7, { fileId: 'f1', selection: { anchor: 1, head: 1 } });
    live.awareness.set(8, { fileId: 'f2', selection: { anchor: 1, head: 1 } });
    expect([...awareness.getStates().keys()]).toEqual([7]);
    expect(changes).toEqual([1, 1]);

    awareness.setLocalStateField('selection', { anchor: 2, head: 3 });
    awareness.leave();
    expect(live.awareness.local['selection']).toBeNull();
    awareness.off('change', listener);
  });
});
