import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApolloTestingController,
  ApolloTestingModule,
  type TestOperation,
} from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection, byTestId, settle, settleUntil } from '../../../../testing/fakes';
import { EVENT_STREAM_RETRY_DELAY } from '../../projects/services/project-event-stream.service';
import { COMPLETION_FETCH } from '../../assist/completions/inline-completions';
import { LIVE_EDITOR_LOADER } from '../editor/live-editor-engine';
import {
  MONACO_DIFF_LOADER,
  type DiffDocument,
  type DiffViewerEngine,
} from '../files/diff/diff-engine';
import { LIVE_ROOM_CONNECTOR } from '../services/live-room';
import { FakeLiveEditorEngine, FakeLiveRoom } from '../testing/fake-live-room';
import { WorkspacePage } from './workspace.page';

/** Records the diffs the action tab shows. */
class FakeDiffEngine implements DiffViewerEngine {
  readonly shown: DiffDocument[] = [];
  create(_host: HTMLElement, doc: DiffDocument) {
    this.shown.push(doc);
    return { show: (next: DiffDocument) => void this.shown.push(next), dispose: () => undefined };
  }
}

const BASE = 'function add(a, b) {\n  return a + b;\n}\n\nexport { add };\n';
const PROPOSED =
  '/** Adds two numbers. */\nfunction add(a, b) {\n  return a + b;\n}\n\nexport { add };\n';

const file = (path: string) => ({
  __typename: 'ProjectFile',
  id: `f-${path}`,
  path,
  language: 'typescript',
  size: 12,
  binary: false,
});

const available = (model: string | null) => ({
  __typename: 'AssistAvailability',
  available: model !== null,
  model,
  local: !!model?.startsWith('local/'),
  reason: model ? null : 'no model can serve it: set ATELIER_LOCAL_MODEL …',
});

function request(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'AssistRequest',
    id: 'r1',
    projectId: 'p1',
    action: 'docs',
    path: 'src/a.ts',
    targetPath: 'src/a.ts',
    selectionStartLine: null,
    selectionEndLine: null,
    instruction: null,
    status: 'running',
    answer: null,
    baseContent: BASE,
    proposedContent: null,
    editTool: null,
    verification: null,
    errorCode: null,
    errorMessage: null,
    model: 'local/SmolLM2-135M-Instruct.Q4_1.gguf',
    tokens: null,
    createdAt: '2026-12-08T10:00:00.000Z',
    finishedAt: null,
    decidedAt: null,
    ...overrides,
  };
}

const event = (id: string, type: string, extra: Record<string, unknown> = {}) => ({
  assistStream: {
    __typename: 'AssistStreamEvent',
    id,
    type,
    text: null,
    data: null,
    at: '2026-12-08T10:00:01.000Z',
    ...extra,
  },
});

describe('WorkspacePage: Assist', () => {
  let fixture: ComponentFixture<WorkspacePage>;
  let apollo: ApolloTestingController;
  let live: FakeLiveRoom;
  let engine: FakeLiveEditorEngine;
  let diffs: FakeDiffEngine;
  let root: HTMLElement;

  beforeEach(() => {
    live = new FakeLiveRoom();
    engine = new FakeLiveEditorEngine();
    diffs = new FakeDiffEngine();
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        provideRouter([]),
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
        { provide: LIVE_ROOM_CONNECTOR, useValue: async () => live },
        { provide: LIVE_EDITOR_LOADER, useValue: () => Promise.resolve(engine) },
        { provide: MONACO_DIFF_LOADER, useValue: () => Promise.resolve(diffs) },
        {
          provide: COMPLETION_FETCH,
          useValue: () => Promise.reject(new Error('no completions here')),
        },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    fixture = TestBed.createComponent(WorkspacePage);
    root = fixture.nativeElement;
  });
  afterEach(() => fixture.destroy());

  const testIds = (id: string) => byTestId(root, id);
  const one = (id: string) => testIds(id)[0]!;
  const text = (id: string) => testIds(id)[0]?.textContent?.trim().replace(/\s+/g, ' ');

  async function load(
    actions: string | null = 'local/SmolLM2-135M-Instruct.Q4_1.gguf',
    line?: string,
  ) {
    fixture.componentRef.setInput('id', 'p1');
    if (line) {
      fixture.componentRef.setInput('file', 'src/a.ts');
      fixture.componentRef.setInput('line', line);
    }
    await settle(fixture);
    apollo.expectOne('Workspace').flushData({
      project: {
        __typename: 'Project',
        id: 'p1',
        name: 'Recipe box',
        visibility: 'private',
        archivedAt: null,
        myAccess: { __typename: 'ProjectAccess', canEdit: true },
        files: [file('src/a.ts'), file('src/b.ts')],
        folders: [],
      },
      collaboration: { __typename: 'Collaboration', enabled: true, proxied: true, throttleMs: 16 },
    });
    await settle(fixture);
    apollo.expectOne('AssistActionCapabilities').flushData({
      assistCapabilities: {
        __typename: 'AssistCapabilities',
        actions: available(actions),
        completions: available(actions),
      },
    });
    apollo.expectOne('ProjectEventLog').flushData({ projectEventLog: [] });
    await settle(fixture);
    apollo.expectOne('ProjectEvents');
  }

  async function openA(content = BASE) {
    if (!testIds('live-editor').length) {
      testIds('tree-row')
        .find((row) => row.dataset['path'] === 'src/a.ts')!
        .click();
      await settle(fixture);
    }
    const op = apollo.expectOne('OpenFile');
    live.register('f-src/a.ts', content);
    op.flushData({
      openFile: {
        __typename: 'OpenedFile',
        fileId: 'f-src/a.ts',
        roomId: 'project:p1',
        readOnly: false,
        reason: null,
      },
    });
    await settleUntil(fixture, () => testIds('live-editor')[0]?.dataset['mode'] === 'live');
  }

  async function choose(action: string) {
    one('assist-menu-toggle').click();
    await settle(fixture);
    one(`assist-menu-${action}`).click();
    await settle(fixture);
  }

  /** Runs "Add docs" on the whole file to a ready proposal; returns the stream for more. */
  async function proposal(): Promise<TestOperation> {
    await choose('docs');
    const start = apollo.expectOne('StartAssistAction');
    expect(start.operation.variables['input']).toMatchObject({
      projectId: 'p1',
      action: 'docs',
      path: 'src/a.ts',
      selection: null,
    });
    start.flushData({ startAssist: request() });
    await settle(fixture);
    const stream = apollo.expectOne('AssistActionStream');
    expect(stream.operation.variables).toEqual({ id: 'r1', after: null });
    stream.flushData(
      event('1-0', 'assist.delta', { text: 'Adds a doc comment.\n```ts\n/** Adds' }),
    );
    await settle(fixture);
    expect(one('assist-action').dataset['phase']).toBe('running');
    expect(text('assist-answer')).toContain('Adds a doc comment.');
    expect(root.querySelector('.answer-code')?.textContent).toContain('/** Adds');
    stream.flushData(event('2-0', 'assist.ready', { data: { status: 'ready' } }));
    await settle(fixture);
    apollo.expectOne('AssistAction').flushData({
      assistRequest: request({
        status: 'ready',
        answer: 'Adds a doc comment.',
        proposedContent: PROPOSED,
        editTool: 'whole_file',
        tokens: 120,
      }),
    });
    await settleUntil(fixture, () => testIds('assist-accept').length > 0 && diffs.shown.length > 0);
    return stream;
  }

  it('streams the answer, shows base ↔ proposed, and Accept applies it in one undo step before deciding', async () => {
    await load();
    await openA();
    const editor = engine.last;
    engine.type(0, '// mine\n');
    await proposal();
    expect(diffs.shown.at(-1)).toEqual({ path: 'src/a.ts', original: BASE, modified: PROPOSED });
    expect(text('assist-answer')).toBe('Adds a doc comment.');

    // Typed meanwhile at the top: the proposal's change is replayed onto what the file reads now.
    one('assist-accept').click();
    await settle(fixture);
    const decide = apollo.expectOne('DecideAssistAction');
    expect(decide.operation.variables).toEqual({ id: 'r1', accept: true });
    expect(editor.live!.text.toString()).toBe(`// mine\n${PROPOSED}`);
    decide.flushData({ decideAssist: request({ status: 'accepted', proposedContent: PROPOSED }) });
    await settleUntil(fixture, () => testIds('assist-accepted').length > 0);
    expect(text('assist-accepted')).toContain('Ctrl-Z');

    // One undo reverts exactly the accepted change; this person's typing before it stays.
    editor.undo();
    expect(editor.live!.text.toString()).toBe(`// mine\n${BASE}`);
  });

  it('applies nothing and says ASSIST_STALE when the lines the proposal touches changed', async () => {
    await load();
    await openA();
    await proposal();
    live.remoteEdit('f-src/a.ts', (t) => {
      t.delete(0, BASE.length);
      t.insert(0, 'const add = (x, y) => x + y;\nexport { add };\n');
    });
    const before = engine.last.live!.text.toString();
    one('assist-accept').click();
    await settleUntil(fixture, () => testIds('assist-problem').length > 0);
    expect(one('assist-problem').dataset['code']).toBe('ASSIST_STALE');
    expect(text('assist-problem')).toBe('The file changed under this proposal; run it again.');
    expect(engine.last.live!.text.toString()).toBe(before);
    apollo.expectNone('DecideAssistAction');
    // Reject still records the decision.
    one('assist-reject').click();
    await settle(fixture);
    const decide = apollo.expectOne('DecideAssistAction');
    expect(decide.operation.variables).toEqual({ id: 'r1', accept: false });
    decide.flushData({ decideAssist: request({ status: 'rejected', proposedContent: PROPOSED }) });
    await settleUntil(fixture, () => testIds('assist-rejected').length > 0);
  });

  it('Reject changes nothing', async () => {
    await load();
    await openA();
    await proposal();
    one('assist-reject').click();
    await settle(fixture);
    apollo
      .expectOne('DecideAssistAction')
      .flushData({ decideAssist: request({ status: 'rejected' }) });
    await settleUntil(fixture, () => testIds('assist-rejected').length > 0);
    expect(engine.last.live!.text.toString()).toBe(BASE);
    expect(text('assist-rejected')).toBe('Rejected: nothing was changed.');
  });

  it('offers the selection after ASSIST_CONTEXT_TOO_LARGE on the whole file, and runs on it', async () => {
    await load();
    await openA();
    await choose('explain');
    apollo.expectOne('StartAssistAction').graphqlErrors([
      new GraphQLError(
        'This file is about 40,000 tokens; local/SmolLM2 reads 8,192: select a part of the file.',
        {
          extensions: {
            code: 'ASSIST_CONTEXT_TOO_LARGE',
            tokens: 40000,
            limit: 8192,
            hasSelection: false,
          },
        },
      ),
    ]);
    await settleUntil(fixture, () => testIds('assist-problem').length > 0);
    expect(text('assist-problem')).toContain('select a part of the file');
    expect(text('assist-problem')).toContain('Select a part of the file in the editor');
    expect(testIds('assist-use-selection')).toHaveLength(0);

    engine.last.selection = { startLine: 2, endLine: 3 };
    // The panel reads the selection when it renders again.
    one('assist-tab-chat').click();
    await settle(fixture);
    one('assist-tab-action').click();
    await settle(fixture);
    expect(text('assist-use-selection')).toBe('Use the selection (lines 2–3)');
    one('assist-use-selection').click();
    await settle(fixture);
    expect(apollo.expectOne('StartAssistAction').operation.variables['input']).toMatchObject({
      action: 'explain',
      selection: { startLine: 2, endLine: 3 },
    });
  });

  it('shows why with MODEL_NOT_AVAILABLE, and the menu says actions are off', async () => {
    await load(null);
    await openA();
    expect(engine.last.contextActions).toEqual([]);
    one('assist-menu-toggle').click();
    await settle(fixture);
    expect(text('assist-menu-off')).toContain('ATELIER_LOCAL_MODEL');
    expect((one('assist-menu-explain') as HTMLButtonElement).disabled).toBe(true);
    expect(text('completion-status')).toContain('Completions: off — no model can serve it');
  });

  it('puts the actions in the context menu with the selected lines, and a fix asks for the error first', async () => {
    await load();
    await openA();
    expect(engine.last.contextActions.map((a) => a.label)).toEqual([
      'Assist: Explain',
      'Assist: Refactor…',
      'Assist: Fix…',
      'Assist: Generate tests',
      'Assist: Add docs',
    ]);
    engine.last.contextActions.find((a) => a.id === 'fix')!.run({ startLine: 2, endLine: 2 });
    await settle(fixture);
    expect(testIds('assist-form')).toHaveLength(1);
    expect((one('assist-test-command') as HTMLInputElement).value).toBe('npm test');
    expect((one('assist-run') as HTMLButtonElement).disabled).toBe(true);
    const output = one('assist-error-output') as HTMLTextAreaElement;
    output.value = 'TypeError: add is not a function';
    output.dispatchEvent(new Event('input'));
    await settle(fixture);
    one('assist-run').click();
    await settle(fixture);
    const start = apollo.expectOne('StartAssistAction');
    expect(start.operation.variables['input']).toMatchObject({
      action: 'fix',
      path: 'src/a.ts',
      selection: { startLine: 2, endLine: 2 },
      fixSource: 'test',
      errorOutput: 'TypeError: add is not a function',
      testCommand: 'npm test',
    });
    start.flushData({ startAssist: request({ action: 'fix' }) });
    await settle(fixture);
    const stream = apollo.expectOne('AssistActionStream');
    stream.flushData(event('1-0', 'assist.verifying', { data: { command: 'npm test' } }));
    await settle(fixture);
    expect(text('assist-running')).toContain('Checking the fix: npm test');
    stream.flushData(event('2-0', 'assist.ready'));
    await settle(fixture);
    apollo.expectOne('AssistAction').flushData({
      assistRequest: request({
        action: 'fix',
        status: 'ready',
        answer: 'add was not exported.',
        proposedContent: PROPOSED,
        verification: {
          __typename: 'AssistVerification',
          command: 'npm test',
          passed: true,
          exitCode: 0,
          output: 'Tests: 3 passed',
          durationMs: 2400,
          timedOut: false,
        },
      }),
    });
    await settleUntil(fixture, () => testIds('assist-verification').length > 0);
    expect(one('assist-verification').dataset['passed']).toBe('true');
    expect(text('assist-verification')).toMatch(/^Check passed npm test ?exit 0 · 2\.4 s/);
  });

  it('shows the failure a workflow stored', async () => {
    await load();
    await openA();
    await choose('explain');
    apollo
      .expectOne('StartAssistAction')
      .flushData({ startAssist: request({ action: 'explain', baseContent: null }) });
    await settle(fixture);
    apollo
      .expectOne('AssistActionStream')
      .flushData(
        event('1-0', 'assist.failed', { data: { code: 'BUDGET_EXCEEDED', message: 'x' } }),
      );
    await settle(fixture);
    apollo.expectOne('AssistAction').flushData({
      assistRequest: request({
        action: 'explain',
        status: 'failed',
        errorCode: 'BUDGET_EXCEEDED',
        errorMessage: 'Your monthly model budget (USD 5.00) is used up.',
      }),
    });
    await settleUntil(fixture, () => testIds('assist-problem').length > 0);
    expect(text('assist-problem')).toBe('Your monthly model budget (USD 5.00) is used up.');
    expect(testIds('assist-accept')).toHaveLength(0);
  });

  it('reveals ?line= in the file named in the address', async () => {
    await load('local/x.gguf', '3');
    await openA();
    await settleUntil(fixture, () => engine.last.revealed.length > 0);
    expect(engine.last.revealed).toEqual([3]);
  });
});
