import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import type { ChatFileRef, ChatMessage } from '../models/chat-text';
import { messagePayload } from '../testing/room-payloads';
import { ChatMessageComponent } from './chat-message.component';

describe('ChatMessageComponent', () => {
  let fixture: ComponentFixture<ChatMessageComponent>;
  let root: HTMLElement;
  let opened: ChatFileRef[];

  beforeEach(() => {
    fixture = TestBed.createComponent(ChatMessageComponent);
    root = fixture.nativeElement;
    opened = [];
    fixture.componentInstance.openRef.subscribe((ref) => opened.push(ref));
  });

  async function show(overrides: Record<string, unknown>, inputs: Record<string, unknown> = {}): Promise<void> {
    const { __typename: _t, ...message } = messagePayload('m1', overrides);
    fixture.componentRef.setInput('message', message as ChatMessage);
    fixture.componentRef.setInput('roomUrl', '/rooms/room-1');
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await settle(fixture);
  }

  const text = (id: string) => byTestId(root, id)[0]?.textContent?.replace(/\s+/g, ' ').trim();

  it('turns the file references the server found into links that open the file at their line', async () => {
    await show({
      body: 'Look at src/app.ts:12 and ./lib/db.ts, not notes.txt:3',
      refs: [
        { path: 'src/app.ts', line: 12 },
        { path: 'lib/db.ts', line: null },
      ],
    });
    const links = byTestId(root, 'chat-ref') as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent)).toEqual(['src/app.ts:12', './lib/db.ts']);
    expect(links[0]!.getAttribute('href')).toBe('/rooms/room-1?file=src%2Fapp.ts&line=12');
    expect(links[0]!.getAttribute('aria-label')).toBe('Open src/app.ts:12');
    // A path the server did not list (notes.txt) stays text.
    expect(text('chat-body')).toBe('Look at src/app.ts:12 and ./lib/db.ts, not notes.txt:3');

    links[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    links[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    expect(opened).toEqual([
      { path: 'src/app.ts', line: 12 },
      { path: 'lib/db.ts', line: null },
    ]);
  });

  it('lists references the text does not show as links of their own', async () => {
    await show({ body: 'The failing test', refs: [{ path: 'test/a.test.ts', line: 40 }] });
    const links = byTestId(root, 'chat-ref');
    expect(links.map((a) => a.textContent?.trim())).toEqual(['test/a.test.ts:40']);
  });

  it('shows a snippet as code in a monospace block, under its language', async () => {
    await show({ body: 'Try this', snippet: { __typename: 'ChatSnippet', language: 'typescript', code: 'const a = 1;\n  return a;' } });
    const snippet = byTestId(root, 'chat-snippet')[0]!;
    expect(snippet.querySelector('figcaption')?.textContent).toBe('typescript');
    const code = snippet.querySelector('pre > code')!;
    expect(code.textContent).toBe('const a = 1;\n  return a;');
    expect(code.getAttribute('data-language')).toBe('typescript');
  });

  it('shows a deleted message as deleted, with neither its text nor actions', async () => {
    await show({ body: '', deleted: true, refs: [] }, { mine: true });
    expect(text('chat-deleted')).toBe('This message was deleted.');
    expect(byTestId(root, 'chat-body')).toHaveLength(0);
    expect(byTestId(root, 'chat-edit')).toHaveLength(0);
    expect(byTestId(root, 'chat-delete')).toHaveLength(0);
  });

  it("shows an agent's answer while it streams, then complete", async () => {
    const agent = { authorKind: 'agent', authorId: null, authorName: 'The reviewer', agentRole: 'reviewer' };
    await show({ ...agent, status: 'streaming', body: 'The bug is in' });
    const article = root.querySelector('article')!;
    expect(article.getAttribute('aria-busy')).toBe('true');
    expect(byTestId(root, 'chat-streaming')).toHaveLength(1);
    expect(text('chat-body')).toContain('The bug is in');

    await show({ ...agent, status: 'complete', body: 'The bug is in src/app.ts:3.', refs: [{ path: 'src/app.ts', line: 3 }] });
    expect(article.getAttribute('aria-busy')).toBe('false');
    expect(byTestId(root, 'chat-streaming')).toHaveLength(0);
    expect(byTestId(root, 'chat-ref')).toHaveLength(1);
    // An agent's message is nobody's to edit.
    expect(byTestId(root, 'chat-edit')).toHaveLength(0);
  });

  it('marks @mentions of people and agents', async () => {
    await show({ body: '@Ada Lovelace can you ask @reviewer? cc @nobody' }, { names: ['Ada Lovelace', 'Ada', 'reviewer'] });
    expect(byTestId(root, 'chat-mention').map((m) => m.textContent)).toEqual(['@Ada Lovelace', '@reviewer']);
  });

  it('lets the author edit and delete, a moderator delete, and anyone else neither', async () => {
    await show({ body: 'Typo hre' }, { mine: true });
    expect(byTestId(root, 'chat-edit')).toHaveLength(1);
    expect(byTestId(root, 'chat-delete')).toHaveLength(1);
    const edits: string[] = [];
    fixture.componentInstance.edit.subscribe((body) => edits.push(body));
    byTestId(root, 'chat-edit')[0]!.click();
    await settle(fixture);
    const box = byTestId(root, 'chat-edit-box')[0] as HTMLTextAreaElement;
    box.value = 'Typo here';
    box.dispatchEvent(new Event('input'));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle(fixture);
    expect(edits).toEqual(['Typo here']);

    await show({ body: 'Spam', editedAt: '2026-12-07T10:09:00.000Z' }, { mine: false, canModerate: true });
    expect(text('chat-edited')).toBe('(edited)');
    expect(byTestId(root, 'chat-edit')).toHaveLength(0);
    expect(byTestId(root, 'chat-delete')).toHaveLength(1);

    await show({ body: 'Hello' }, { mine: false, canModerate: false });
    expect(byTestId(root, 'chat-delete')).toHaveLength(0);
  });
});
