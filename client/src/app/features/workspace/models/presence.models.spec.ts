import type { AgentCursor } from '@contracts/collab';
import { member } from '../testing/fake-live-room';
import {
  activeAgents,
  asAgentCursor,
  filePresence,
  initials,
  peopleOf,
  safeColor,
  textOn,
} from './presence.models';

const agent = (role: string, at: string, extra: Partial<AgentCursor> = {}): AgentCursor => ({
  role,
  name: `The ${role}`,
  color: '#d35400',
  fileId: 'f1',
  path: 'src/a.ts',
  position: null,
  at,
  ...extra,
});

describe('presence models', () => {
  it('makes initials from one or two words, skipping an agent\'s "The"', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('ada')).toBe('A');
    expect(initials('The coder')).toBe('C');
    expect(initials('  Émile  Zola  Jr ')).toBe('ÉZ');
    expect(initials('')).toBe('?');
  });

  it('picks black or white text, whichever contrasts more with the colour', () => {
    expect(textOn('#c0392b')).toBe('#ffffff');
    expect(textOn('#ffd970')).toBe('#000000');
    expect(textOn('#2c3e50')).toBe('#ffffff');
  });

  it('lets only plain #rrggbb colours through', () => {
    expect(safeColor('#A1b2C3')).toBe('#A1b2C3');
    expect(safeColor('red; } body { display: none')).toBe('#667085');
    expect(safeColor(undefined)).toBe('#667085');
  });

  it('lists each person once, however many tabs, with every file they have open; the caller first', () => {
    const self = member({
      connectionId: 1,
      userId: 'ada',
      name: 'Ada',
      path: 'a.ts',
      fileId: 'f1',
    });
    const people = peopleOf(self, [
      member({ connectionId: 2, userId: 'bob', name: 'Bob Stone', path: 'b.ts', fileId: 'f2' }),
      member({ connectionId: 3, userId: 'bob', name: 'Bob Stone', path: 'a.ts', fileId: 'f1' }),
      member({ connectionId: 4, userId: 'ada', name: 'Ada', path: null }),
    ]);
    expect(people.map((p) => [p.name, p.initials, p.paths, p.self])).toEqual([
      ['Ada', 'A', ['a.ts'], true],
      ['Bob Stone', 'BS', ['a.ts', 'b.ts'], false],
    ]);
  });

  it('counts an agent as present for a minute after its last edit, most recent first', () => {
    const now = Date.parse('2026-12-07T10:01:00Z');
    const agents = [
      agent('coder', '2026-12-07T10:00:30Z'),
      agent('tester', '2026-12-07T09:59:59Z'),
      agent('reviewer', '2026-12-07T10:00:50Z'),
    ];
    expect(activeAgents(agents, now).map((a) => a.role)).toEqual(['reviewer', 'coder']);
  });

  it('ignores agent entries that are not cursors', () => {
    expect(asAgentCursor({ role: 'coder' })).toBeNull();
    expect(asAgentCursor('x')).toBeNull();
    expect(asAgentCursor(agent('coder', 'yesterday'))).toBeNull();
    expect(asAgentCursor(agent('coder', '2026-12-07T10:00:00Z'))?.role).toBe('coder');
  });

  it('marks files with the other people and agents in them, once each', () => {
    const marks = filePresence(
      [
        member({ connectionId: 2, userId: 'bob', name: 'Bob', fileId: 'f1' }),
        member({ connectionId: 3, userId: 'bob', name: 'Bob', fileId: 'f1' }),
        member({ connectionId: 4, userId: 'cy', name: 'Cy', fileId: null }),
      ],
      [agent('coder', '2026-12-07T10:00:00Z', { fileId: 'f2' })],
    );
    expect(marks.map((m) => [m.fileId, m.name])).toEqual([
      ['f1', 'Bob'],
      ['f2', 'The coder'],
    ]);
  });
});
