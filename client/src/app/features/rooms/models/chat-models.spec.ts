import { RoomEventType } from '@contracts/rooms';
import { chatSegments } from './chat-text';
import { applyMention, mentionAt, mentionOptions } from './mention-complete';
import { effectOf } from './room-events';

describe('chat text', () => {
  it('links only listed references, keeps the line typed over the listed one, and leaves e-mails alone', () => {
    const segments = chatSegments('see src/a.ts:7 (ada@example.com) and src/b.ts', [
      { path: 'src/a.ts', line: 3 },
      { path: 'src/b.ts', line: 9 },
    ]);
    expect(segments.filter((s) => s.kind === 'ref')).toEqual([
      { kind: 'ref', text: 'src/a.ts:7', path: 'src/a.ts', line: 7 },
      { kind: 'ref', text: 'src/b.ts', path: 'src/b.ts', line: 9 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('see src/a.ts:7 (ada@example.com) and src/b.ts');
  });

  it('matches the longest name after @, case-insensitively, and only whole names', () => {
    const segments = chatSegments('@ada lovelace and @Adam', [], ['Ada', 'Ada Lovelace']);
    expect(segments.filter((s) => s.kind === 'mention').map((s) => s.text)).toEqual(['@ada lovelace']);
  });
});

describe('@-autocomplete', () => {
  const people = [{ displayName: 'Ada Lovelace' }, { displayName: 'Grace Hopper' }];

  it('finds the @word at the caret, and nothing inside an e-mail address', () => {
    expect(mentionAt('hi @gr', 6)).toEqual({ start: 3, query: 'gr' });
    expect(mentionAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionAt('mail ada@ex', 11)).toBeNull();
    expect(mentionAt('hi @gr now', 10)).toBeNull();
  });

  it('suggests people by any word of their name, then agent roles', () => {
    expect(mentionOptions('ho', people).map((o) => o.insert)).toEqual(['Grace Hopper']);
    expect(mentionOptions('re', people).map((o) => `${o.kind}:${o.insert}`)).toEqual(['agent:reviewer']);
    expect(mentionOptions('', people, 3)).toHaveLength(3);
  });

  it('replaces the @word with the pick and one space', () => {
    expect(applyMention('ask @rev please', { start: 4, caret: 8 }, 'reviewer')).toEqual({
      text: 'ask @reviewer please',
      caret: 14,
    });
  });
});

describe('room events', () => {
  it('asks for a re-read when a message event carries no message', () => {
    expect(effectOf({ type: RoomEventType.MESSAGE_CREATED, data: { id: 'm1' } })).toEqual({ kind: 'chat-stale' });
    expect(effectOf({ type: RoomEventType.MESSAGE_DELETED, data: { id: 'm1' } })).toEqual({
      kind: 'message-deleted',
      messageId: 'm1',
    });
    expect(effectOf({ type: RoomEventType.MESSAGE_STREAM, data: { messageId: 'm1' } })).toEqual({ kind: 'none' });
  });

  it('reads who was kicked and who ran what, whatever shape the data takes', () => {
    expect(effectOf({ type: RoomEventType.MEMBER_KICKED, data: { member: { userId: 'u2' } } })).toEqual({
      kind: 'kicked',
      userId: 'u2',
    });
    expect(effectOf({ type: RoomEventType.RUN_STARTED, data: { by: { id: 'u1', name: 'Ada' }, command: 'npm test' } })).toEqual({
      kind: 'run',
      by: 'Ada',
      command: 'npm test',
    });
    expect(effectOf({ type: 'something.new', data: null })).toEqual({ kind: 'none' });
  });
});
