import { MAX_REFS, parseMentions, parseRefs, type MentionCandidate } from './chat-parse';

describe('parseRefs', () => {
  it('finds path:line and path:start-end references, in order, once each', () => {
    expect(parseRefs('see src/app.ts:12, then lib/util/format.js:3-9 and again src/app.ts:12')).toEqual([
      { path: 'src/app.ts', line: 12 },
      { path: 'lib/util/format.js', line: 3 },
    ]);
  });

  it('takes files at the root when their extension is a source file’s, and a few well-known names', () => {
    expect(parseRefs('package.json:4 README.md:1 Dockerfile:7 main.py:10')).toEqual([
      { path: 'package.json', line: 4 },
      { path: 'README.md', line: 1 },
      { path: 'Dockerfile', line: 7 },
      { path: 'main.py', line: 10 },
    ]);
  });

  it('reads a reference inside punctuation and code quotes, and a line:column as the line', () => {
    expect(parseRefs('(src/a.ts:3) `test/b.test.ts:40` "docs/c.md:2". src/d.ts:5:17')).toEqual([
      { path: 'src/a.ts', line: 3 },
      { path: 'test/b.test.ts', line: 40 },
      { path: 'docs/c.md', line: 2 },
      { path: 'src/d.ts', line: 5 },
    ]);
  });

  it('ignores hosts and ports, URLs, absolute and parent paths, times, versions and line 0', () => {
    const text = [
      'localhost:3000',
      'example.com:8080',
      'https://example.com:443/x.ts:3',
      '/etc/passwd:1',
      '../secret.ts:2',
      'src/../x.ts:2',
      'at 10:30',
      'node v1.2:3',
      'src/a.ts:0',
      'ada@host.io:22',
      '~/notes.md:4',
    ].join(' ');
    expect(parseRefs(text)).toEqual([]);
  });

  it('keeps at most MAX_REFS references', () => {
    const text = Array.from({ length: MAX_REFS + 5 }, (_, i) => `src/f${i}.ts:${i + 1}`).join(' ');
    expect(parseRefs(text)).toHaveLength(MAX_REFS);
  });
});

describe('parseMentions', () => {
  const people: MentionCandidate[] = [
    { id: 'u-ada', name: 'Ada', kind: 'user' },
    { id: 'u-ada-l', name: 'Ada Lovelace', kind: 'user' },
    { id: 'u-grace', name: 'Grace Brewster Hopper', kind: 'user' },
    { id: 'u-bo', name: 'Bo', kind: 'user' },
  ];
  const agents: MentionCandidate[] = [
    { id: 'reviewer', name: 'reviewer', kind: 'agent' },
    { id: 'debugger', name: 'debugger', kind: 'agent' },
  ];
  const all = [...people, ...agents];

  it('matches the longest member name after @, spaces included, case-insensitively', () => {
    expect(parseMentions('@ada lovelace and @Grace Brewster Hopper, look', all)).toEqual({
      userIds: ['u-ada-l', 'u-grace'],
      agentRoles: [],
    });
    expect(parseMentions('@Ada, and @ada lovelace', all)).toEqual({ userIds: ['u-ada', 'u-ada-l'], agentRoles: [] });
  });

  it('needs the name to end at a word boundary', () => {
    expect(parseMentions('@Adam and @Bob and @Ada Lovelacey', all)).toEqual({ userIds: ['u-ada'], agentRoles: [] });
  });

  it('finds agents by role and people in the same message, each once', () => {
    expect(parseMentions('@reviewer is src/a.ts:3 fine? cc @Bo @bo @Reviewer @debugger', all)).toEqual({
      userIds: ['u-bo'],
      agentRoles: ['reviewer', 'debugger'],
    });
  });

  it('ignores e-mail addresses and a bare @', () => {
    expect(parseMentions('write to ada@example.com or bo@reviewer.io; @ alone', all)).toEqual({ userIds: [], agentRoles: [] });
  });

  it('lets the agent win a tie with a person of the same name, and a longer person name win over the agent', () => {
    const namesake: MentionCandidate[] = [
      ...all,
      { id: 'u-rev', name: 'Reviewer', kind: 'user' },
      { id: 'u-rev-b', name: 'Reviewer Bob', kind: 'user' },
    ];
    expect(parseMentions('@reviewer please', namesake)).toEqual({ userIds: [], agentRoles: ['reviewer'] });
    expect(parseMentions('@reviewer bob please', namesake)).toEqual({ userIds: ['u-rev-b'], agentRoles: [] });
  });

  it('matches names with letters beyond ASCII', () => {
    const names: MentionCandidate[] = [{ id: 'u-zoe', name: 'Zoë Ødegård', kind: 'user' }];
    expect(parseMentions('thanks @zoë ødegård!', names)).toEqual({ userIds: ['u-zoe'], agentRoles: [] });
  });
});
