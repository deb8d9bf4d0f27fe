import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { byTestId, settle } from '../../../../testing/fakes';
import { type ChatDraft, ChatComposerComponent } from './chat-composer.component';

describe('ChatComposerComponent', () => {
  let fixture: ComponentFixture<ChatComposerComponent>;
  let root: HTMLElement;
  let sent: ChatDraft[];
  let accept: boolean;

  beforeEach(async () => {
    sent = [];
    accept = true;
    fixture = TestBed.createComponent(ChatComposerComponent);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('submit', async (draft: ChatDraft) => (sent.push(draft), accept));
    fixture.componentRef.setInput('people', [{ displayName: 'Ada Lovelace' }, { displayName: 'Grace Hopper' }]);
    await settle(fixture);
  });

  const box = () => byTestId(root, 'chat-input')[0] as HTMLTextAreaElement;
  function type(text: string): void {
    box().value = text;
    box().setSelectionRange(text.length, text.length);
    box().dispatchEvent(new Event('input'));
  }
  const key = (key: string, init: KeyboardEventInit = {}) =>
    box().dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true, ...init }));

  it('sends with Enter and clears the box; Shift+Enter does not send', async () => {
    type('first line');
    key('Enter', { shiftKey: true });
    await settle(fixture);
    expect(sent).toEqual([]);
    key('Enter');
    await settle(fixture);
    expect(sent).toEqual([{ body: 'first line', snippet: null }]);
    expect(box().value).toBe('');
  });

  it('keeps the text when the server refused it', async () => {
    accept = false;
    type('too much');
    key('Enter');
    await settle(fixture);
    expect(sent).toHaveLength(1);
    expect(box().value).toBe('too much');
  });

  it('suggests people and agents after @, picked with the arrow keys and Enter', async () => {
    type('ask @');
    await settle(fixture);
    expect(byTestId(root, 'mention-option').map((o) => o.textContent?.trim()).slice(0, 3)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'architect (agent)',
    ]);
    type('ask @rev');
    await settle(fixture);
    expect(byTestId(root, 'mention-option').map((o) => o.textContent?.trim())).toEqual(['reviewer (agent)']);
    key('Enter');
    await settle(fixture);
    expect(box().value).toBe('ask @reviewer ');
    expect(sent).toEqual([]);

    type('ask @reviewer and @gr');
    await settle(fixture);
    key('ArrowDown');
    key('Tab');
    await settle(fixture);
    expect(box().value).toBe('ask @reviewer and @Grace Hopper ');
    expect(box().getAttribute('aria-expanded')).toBe('false');
  });

  it('sends a snippet with its language', async () => {
    byTestId(root, 'snippet-toggle')[0]!.click();
    await settle(fixture);
    const language = byTestId(root, 'snippet-language')[0] as HTMLSelectElement;
    language.value = 'python';
    language.dispatchEvent(new Event('change'));
    const code = byTestId(root, 'snippet-code')[0] as HTMLTextAreaElement;
    code.value = 'print(1)';
    code.dispatchEvent(new Event('input'));
    type('this fails');
    await settle(fixture);
    byTestId(root, 'chat-send')[0]!.click();
    await settle(fixture);
    expect(sent).toEqual([{ body: 'this fails', snippet: { language: 'python', code: 'print(1)' } }]);
    expect(byTestId(root, 'snippet-code')).toHaveLength(0);
  });

  it('is disabled with the reason while the caller is muted', async () => {
    fixture.componentRef.setInput('disabledReason', 'A moderator muted you until 10:45.');
    await settle(fixture);
    expect(byTestId(root, 'chat-disabled')[0]!.textContent?.trim()).toBe('A moderator muted you until 10:45.');
    expect(box().disabled).toBe(true);
    expect((byTestId(root, 'chat-send')[0] as HTMLButtonElement).disabled).toBe(true);
  });
});
