import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApolloTestingController, ApolloTestingModule, type TestOperation } from 'apollo-angular/testing';
import { byTestId, settle, typeInto } from '../../../../testing/fakes';
import { ASSIST_STREAM_RETRY_DELAY } from '../services/assist-chat-api.service';
import { AssistChatComponent } from './assist-chat.component';
import type { CitationTarget } from './assist-message.component';

const LOCAL = 'local/SmolLM2-135M-Instruct.Q4_1.gguf';
let seq = 0;

function message(id: string, role: 'user' | 'assistant', content: string, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'AssistChatMessage', id, role, content, status: 'complete', citations: [], model: role === 'assistant' ? LOCAL : null,
    errorCode: null, createdAt: '2026-12-07T10:00:00.000Z', ...extra,
  };
}
const cite = (path: string, line: number, endLine: number | null = null) => ({ __typename: 'AssistCitation', path, line, endLine });
const event = (type: string, extra: Record<string, unknown> = {}) => ({
  assistStream: { __typename: 'AssistStreamEvent', id: `1-${++seq}`, type, text: null, data: null, at: '2026-12-07T10:00:01.000Z', ...extra },
});
const availability = (available: boolean, extra: Record<string, unknown> = {}) => ({
  assistCapabilities: {
    __typename: 'AssistCapabilities',
    chat: { __typename: 'AssistAvailability', available, model: available ? LOCAL : null, local: available, reason: null, ...extra },
  },
});

describe('AssistChatComponent', () => {
  let fixture: ComponentFixture<AssistChatComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let opened: CitationTarget[];

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [provideRouter([]), { provide: ASSIST_STREAM_RETRY_DELAY, useValue: () => 0 }],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(AssistChatComponent);
    root = fixture.nativeElement;
    opened = [];
    fixture.componentInstance.openCitation.subscribe((c) => opened.push(c));
  });
  afterEach(() => fixture.destroy());

  const text = (id: string) => byTestId(root, id)[0]?.textContent?.trim().replace(/\s+/g, ' ') ?? null;
  const answer = (id: string) => root.querySelector(`[data-message-id="${id}"]`) as HTMLElement;

  async function open(thread: unknown[] = [], caps = availability(true), roomId?: string) {
    fixture.componentRef.setInput('projectId', 'p1');
    if (roomId) fixture.componentRef.setInput('roomId', roomId);
    await settle(fixture);
    apollo.expectOne('AssistChatCapabilities').flushData(caps);
    apollo.expectOne('AssistChatThread').flushData({ assistChat: thread });
    await settle(fixture);
  }

  async function ask(question: string): Promise<TestOperation> {
    typeInto(byTestId(root, 'assist-input')[0], question);
    await settle(fixture);
    (byTestId(root, 'assist-send')[0] as HTMLButtonElement).click();
    await settle(fixture);
    return apollo.expectOne('AskAssist');
  }

  it('shows the empty state and which model answers, with the warning a small local model deserves', async () => {
    await open();
    expect(text('assist-empty')).toContain("Ask about this project's code");
    expect(text('assist-capability')).toBe(`Answers from ${LOCAL} — a small local model: expect rough answers.`);
    expect(byTestId(root, 'assist-clear')).toHaveLength(0);
    // A starter question fills the box.
    byTestId(root, 'assist-starter')[0]!.click();
    await settle(fixture);
    expect((byTestId(root, 'assist-input')[0] as HTMLTextAreaElement).value).toBe('Where does the app start?');
  });

  it('says why chat is off and how to add a model, and closes the box', async () => {
    const reason = 'no model can serve it: set ATELIER_LOCAL_MODEL to a GGUF file';
    await open([], availability(false, { reason }));
    expect(byTestId(root, 'assist-capability')[0]!.dataset['state']).toBe('off');
    expect(text('assist-capability')).toContain(`Chat is off: ${reason}`);
    expect(byTestId(root, 'assist-add-key')[0]!.getAttribute('href')).toBe('/account');
    expect((byTestId(root, 'assist-input')[0] as HTMLTextAreaElement).disabled).toBe(true);
    expect((byTestId(root, 'assist-send')[0] as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId(root, 'assist-starter')).toHaveLength(0);
  });

  it('streams an answer by replacing its text, says what it reads, then shows the stored citations as links', async () => {
    await open([], availability(true), 'room-9');
    const asked = await ask('Where is login?');
    expect(asked.operation.variables).toEqual({ projectId: 'p1', message: 'Where is login?', roomId: 'room-9' });
    asked.flushData({
      askAssist: {
        __typename: 'AssistChatTurn',
        question: message('q1', 'user', 'Where is login?'),
        reply: message('r1', 'assistant', '', { status: 'streaming' }),
      },
    });
    await settle(fixture);
    expect((byTestId(root, 'assist-input')[0] as HTMLTextAreaElement).value).toBe('');
    const stream = apollo.expectOne('AssistChatStream');
    expect(stream.operation.variables).toEqual({ id: 'r1', after: null });
    expect(text('assist-streaming')).toBe('▍ Thinking…');

    stream.flushData(event('assist.tool', { data: { tool: 'read_file', args: { path: 'src/auth.ts' } } }));
    await settle(fixture);
    expect(text('assist-streaming')).toBe('▍ reading src/auth.ts…');

    stream.flushData(event('assist.delta', { text: 'Login is' }));
    await settle(fixture);
    stream.flushData(event('assist.delta', { text: 'Login is in src/auth.ts:12.' }));
    await settle(fixture);
    // Whole text so far: replaced, not appended; no links before the server has checked the citations.
    expect(answer('r1').querySelector('[data-testid="assist-answer"] p')!.textContent).toBe('Login is in src/auth.ts:12.');
    expect(byTestId(root, 'assist-cite')).toHaveLength(0);

    stream.flushData(event('assist.ready', { data: { status: 'complete' } }));
    await settle(fixture);
    apollo.expectOne('AssistChatThread').flushData({
      assistChat: [
        message('q1', 'user', 'Where is login?'),
        message('r1', 'assistant', 'Login is in src/auth.ts:12.', { citations: [cite('src/auth.ts', 12), cite('src/db.ts', 3, 8)] }),
      ],
    });
    await settle(fixture);
    expect(answer('r1').dataset['status']).toBe('complete');
    expect(byTestId(root, 'assist-streaming')).toHaveLength(0);
    const links = byTestId(root, 'assist-cite') as HTMLAnchorElement[];
    expect(links.map((a) => a.textContent?.trim())).toEqual(['src/auth.ts:12', 'src/db.ts:3-8']);
    expect(links[0]!.getAttribute('href')).toBe('/?file=src%2Fauth.ts&line=12');

    // A plain click opens it here; a modified click is left to the browser (new tab).
    links[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    const modified = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    links[0]!.addEventListener('click', (e) => e.preventDefault());
    links[0]!.dispatchEvent(modified);
    expect(opened).toEqual([{ path: 'src/db.ts', line: 3 }]);
  });

  it('renders code blocks as text, never as HTML', async () => {
    await open([message('r1', 'assistant', 'Try:\n```html\n<img src=x onerror=alert(1)>\n```')]);
    expect(root.querySelector('[data-testid="assist-code"] code')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('img')).toBeNull();
  });

  it('shows a failed answer with the reason the stream gave, keeping what was written', async () => {
    await open([message('q1', 'user', 'Why?'), message('r1', 'assistant', '', { status: 'streaming' })]);
    // An answer still being written when the panel opens is followed from its start.
    const stream = apollo.expectOne('AssistChatStream');
    expect(stream.operation.variables).toEqual({ id: 'r1', after: null });
    stream.flushData(event('assist.delta', { text: 'Because' }));
    stream.flushData(event('assist.failed', { data: { code: 'BUDGET_EXCEEDED', message: 'the project token budget is used up' } }));
    await settle(fixture);
    expect(answer('r1').dataset['status']).toBe('failed');
    expect(text('assist-failed')).toBe('The project token budget is used up.');
    expect(byTestId(root, 'assist-failed')[0]!.dataset['code']).toBe('BUDGET_EXCEEDED');
    expect(answer('r1').textContent).toContain('Because');
    apollo.expectNone('AssistChatThread');
  });

  it('shows a stored failure once, in words', async () => {
    await open([
      message('r1', 'assistant', 'The model stopped: no model can serve it', { status: 'failed', errorCode: 'MODEL_NOT_AVAILABLE' }),
      message('r2', 'assistant', '', { status: 'failed', errorCode: 'MODEL_FALLBACK_FAILED' }),
    ]);
    const failures = byTestId(root, 'assist-failed').map((e) => e.textContent?.trim());
    expect(failures).toEqual(['The model stopped: no model can serve it.', 'Every model that could answer failed. Try again shortly.']);
    expect(answer('r1').querySelectorAll('[data-testid="assist-answer"] p')).toHaveLength(0);
  });

  it('follows a dropped stream again after the last event it saw', async () => {
    await open([message('r1', 'assistant', '', { status: 'streaming' })]);
    const first = apollo.expectOne('AssistChatStream');
    first.flushData(event('assist.delta', { text: 'Half' }));
    const lastId = `1-${seq}`;
    first.networkError(new Error('socket closed'));
    await settle(fixture);
    const again = apollo.expectOne('AssistChatStream');
    expect(again.operation.variables).toEqual({ id: 'r1', after: lastId });
    again.flushData(event('assist.delta', { text: 'Half and whole' }));
    await settle(fixture);
    expect(answer('r1').textContent).toContain('Half and whole');
  });

  it("says a refused question in the server's words and reads the capabilities again", async () => {
    await open();
    const asked = await ask('Hello?');
    asked.graphqlErrors([
      { message: 'No model is available for the chat role (no model can serve it: set ATELIER_LOCAL_MODEL…)', extensions: { code: 'MODEL_NOT_AVAILABLE' } },
    ]);
    await settle(fixture);
    expect(text('assist-error')).toContain('No model can answer here. No model is available for the chat role');
    expect((byTestId(root, 'assist-input')[0] as HTMLTextAreaElement).value).toBe('Hello?');
    apollo.expectOne('AssistChatCapabilities').flushData(availability(false, { reason: 'no model can serve it' }));
    await settle(fixture);
    expect(text('assist-capability')).toContain('Chat is off');
  });

  it('pages back with "Load earlier" from the first message it holds', async () => {
    const page = Array.from({ length: 50 }, (_, i) => message(`m${i + 10}`, i % 2 ? 'assistant' : 'user', `turn ${i + 10}`));
    await open(page);
    byTestId(root, 'assist-load-earlier')[0]!.click();
    await settle(fixture);
    const earlier = apollo.expectOne('AssistChatThread');
    expect(earlier.operation.variables).toEqual({ projectId: 'p1', before: 'm10', limit: 50 });
    earlier.flushData({ assistChat: [message('m8', 'user', 'turn 8'), message('m9', 'assistant', 'turn 9')] });
    await settle(fixture);
    const ids = byTestId(root, 'assist-message').map((e) => e.dataset['messageId']);
    expect(ids.slice(0, 3)).toEqual(['m8', 'm9', 'm10']);
    expect(ids).toHaveLength(52);
    expect(byTestId(root, 'assist-load-earlier')).toHaveLength(0);
  });

  it('clears the chat after a confirmation', async () => {
    await open([message('q1', 'user', 'Hi'), message('r1', 'assistant', 'Hello.')]);
    byTestId(root, 'assist-clear')[0]!.click();
    await settle(fixture);
    apollo.expectNone('ClearAssistChat');
    byTestId(root, 'assist-clear-confirm')[0]!.click();
    await settle(fixture);
    apollo.expectOne('ClearAssistChat').flushData({ clearAssistChat: true });
    await settle(fixture);
    expect(byTestId(root, 'assist-message')).toHaveLength(0);
    expect(text('assist-empty')).toContain("Ask about this project's code");
  });

  it('says when the thread cannot be read, and tries again', async () => {
    fixture.componentRef.setInput('projectId', 'p1');
    await settle(fixture);
    apollo.expectOne('AssistChatCapabilities').flushData(availability(true));
    apollo.expectOne('AssistChatThread').graphqlErrors([{ message: 'nope', extensions: { code: 'FORBIDDEN' } }]);
    await settle(fixture);
    expect(text('assist-load-failed')).toContain('The chat could not be read: nope');
    expect((byTestId(root, 'assist-input')[0] as HTMLTextAreaElement).disabled).toBe(true);
  });
});
