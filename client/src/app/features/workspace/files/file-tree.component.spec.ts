import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { ApolloTestingController, ApolloTestingModule } from 'apollo-angular/testing';
import { GraphQLError } from 'graphql';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { CONFIRM } from '../../../shared/browser.tokens';
import { eventPayload } from '../../../../testing/fixtures';
import { FakeRealtimeConnection, byTestId, settle, typeInto } from '../../../../testing/fakes';
import { EVENT_STREAM_RETRY_DELAY } from '../../projects/services/project-event-stream.service';
import { FileTreeComponent, TREE_REFRESH_MS } from './file-tree.component';
import type { FilePresence, TreeFile } from './models/file-tree';
import { FILES_FETCH } from './services/file-upload.service';

const file = (path: string, extra: Partial<TreeFile> = {}): TreeFile => ({
  id: `f:${path}`,
  path,
  size: 120,
  binary: false,
  ...extra,
});
const payload = (f: TreeFile) => ({ __typename: 'ProjectFile', ...f });
const FILES = [file('src/app.ts'), file('src/lib/util.ts'), file('README.md'), file('logo.png', { binary: true, size: 2048 })];

describe('FileTreeComponent', () => {
  let fixture: ComponentFixture<FileTreeComponent>;
  let apollo: ApolloTestingController;
  let root: HTMLElement;
  let asked: string[];
  let answer: boolean;
  let fetches: { url: string; init: RequestInit }[];
  let respond: (url: string) => Response;
  let opened: string[];

  beforeEach(() => {
    asked = [];
    answer = true;
    fetches = [];
    opened = [];
    respond = () => json(201, { file: file('x.txt') });
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: EVENT_STREAM_RETRY_DELAY, useValue: () => 0 },
        { provide: CONFIRM, useValue: (q: string) => (asked.push(q), answer) },
        {
          provide: FILES_FETCH,
          useValue: async (url: string, init: RequestInit) => {
            fetches.push({ url, init });
            return respond(url);
          },
        },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
  });

  afterEach(() => apollo.verify());

  async function render(
    options: { files?: TreeFile[]; folders?: string[]; canEdit?: boolean; presence?: FilePresence[]; open?: string } = {},
  ) {
    fixture = TestBed.createComponent(FileTreeComponent);
    root = fixture.nativeElement;
    fixture.componentRef.setInput('projectId', 'p1');
    fixture.componentRef.setInput('files', options.files ?? FILES);
    fixture.componentRef.setInput('folders', options.folders ?? []);
    fixture.componentRef.setInput('canEdit', options.canEdit ?? true);
    fixture.componentRef.setInput('presence', options.presence ?? []);
    fixture.componentRef.setInput('openFileId', options.open ?? null);
    fixture.componentInstance.open.subscribe((id) => opened.push(id));
    await settle(fixture);
    apollo.expectOne('ProjectEventLog').flushData({ projectEventLog: [eventPayload('1-0', 'file.created')] });
    await settle(fixture);
    return apollo.expectOne('ProjectEvents');
  }

  const rows = () => byTestId(root, 'tree-row');
  const row = (path: string) => rows().find((r) => r.dataset['path'] === path);
  const paths = () => rows().map((r) => r.dataset['path']);
  const key = async (path: string, keyName: string, init: KeyboardEventInit = {}) => {
    row(path)?.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, ...init }));
    await settle(fixture);
  };
  const editInput = () => byTestId(root, 'tree-edit-input')[0] as HTMLInputElement | undefined;
  const submitEdit = async (value: string) => {
    typeInto(editInput(), value);
    editInput()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await settle(fixture);
  };
  const flushTree = async (files: TreeFile[], folders: string[] = []) => {
    apollo.expectOne('FileTree').flushData({
      project: { __typename: 'Project', id: 'p1', files: files.map(payload), folders },
    });
    await settle(fixture);
  };
  const pathError = (code: string, message: string) => [new GraphQLError(message, { extensions: { code } })];

  it('lists folders first, opens small projects expanded, marks binary files and presence', async () => {
    await render({
      presence: [
        { fileId: 'f:README.md', name: 'Ada Lovelace', color: 'rgb(200, 0, 0)' },
        { fileId: 'f:README.md', name: 'grace', color: 'rgb(0, 0, 200)' },
      ],
    });
    expect(paths()).toEqual(['src', 'src/lib', 'src/lib/util.ts', 'src/app.ts', 'logo.png', 'README.md']);
    expect(row('src')?.getAttribute('aria-expanded')).toBe('true');
    expect(row('src/lib/util.ts')?.getAttribute('aria-level')).toBe('3');
    expect(row('logo.png')?.dataset['binary']).toBe('true');
    expect(row('logo.png')?.textContent).toContain('binary');
    expect(row('src/app.ts')?.querySelector('.chip')?.textContent?.trim()).toBe('TS');
    const dots = row('README.md')?.querySelectorAll('.dot');
    expect(Array.from(dots ?? []).map((d) => d.textContent)).toEqual(['AL', 'G']);
    expect(row('README.md')?.querySelector('[data-testid="tree-presence"]')?.getAttribute('title')).toBe(
      'Open by Ada Lovelace, grace',
    );
    expect(byTestId(root, 'download-zip')[0]?.getAttribute('href')).toBe('/api/projects/p1/archive.zip');
  });

  it('shows who has a file open on its collapsed folders', async () => {
    await render({ presence: [{ fileId: 'f:src/lib/util.ts', name: 'Ada', color: 'red' }] });
    const folderDots = (path: string) => row(path)?.querySelector('[data-testid="tree-presence"]');
    expect(folderDots('src')).toBeNull();
    expect(folderDots('src/lib/util.ts')?.getAttribute('title')).toBe('Open by Ada');
    row('src')?.click();
    await settle(fixture);
    expect(folderDots('src')?.getAttribute('title')).toBe('Files open in here by Ada');
  });

  it('collapses and expands folders with a click and with the arrow keys, and opens files with Enter', async () => {
    await render();
    row('src')?.click();
    await settle(fixture);
    expect(paths()).toEqual(['src', 'logo.png', 'README.md']);

    await key('src', 'ArrowRight');
    expect(row('src')?.getAttribute('aria-expanded')).toBe('true');
    await key('src', 'ArrowRight');
    expect(document.activeElement).toBe(row('src/lib'));
    await key('src/lib', 'ArrowLeft');
    expect(paths()).not.toContain('src/lib/util.ts');
    await key('src/lib', 'ArrowDown');
    expect(document.activeElement).toBe(row('src/app.ts'));
    expect(row('src/app.ts')?.tabIndex).toBe(0);
    expect(row('src')?.tabIndex).toBe(-1);
    await key('src/app.ts', 'Enter');
    expect(opened).toEqual(['f:src/app.ts']);
    await key('src/app.ts', 'ArrowLeft');
    expect(document.activeElement).toBe(row('src'));
    await key('src', 'End');
    expect(document.activeElement).toBe(row('README.md'));
  });

  it('creates a file in the focused folder, shows the server refusing a path inline, then opens the new file', async () => {
    await render();
    row('src/lib')?.focus();
    byTestId(root, 'new-file')[0]?.click();
    await settle(fixture);
    const draft = byTestId(root, 'tree-draft')[0];
    expect(draft?.getAttribute('aria-level')).toBe('3');
    expect(document.activeElement).toBe(editInput());

    await submitEdit('../x.ts');
    const refused = apollo.expectOne('CreateFile');
    expect(refused.operation.variables).toEqual({ projectId: 'p1', path: 'src/lib/../x.ts' });
    refused.graphqlErrors(pathError('PATH_INVALID', 'A path cannot climb out of the project with “..”.'));
    await settle(fixture);
    const error = byTestId(root, 'tree-edit-error')[0];
    expect(error?.textContent).toBe('A path cannot climb out of the project with “..”.');
    expect(error?.dataset['code']).toBe('PATH_INVALID');
    expect(editInput()?.getAttribute('aria-invalid')).toBe('true');

    await submitEdit('new.ts');
    apollo
      .expectOne((op) => op.operationName === 'CreateFile' && op.variables['path'] === 'src/lib/new.ts')
      .flushData({ createFile: payload(file('src/lib/new.ts')) });
    await settle(fixture);
    await flushTree([...FILES, file('src/lib/new.ts')]);
    expect(byTestId(root, 'tree-draft')).toHaveLength(0);
    expect(paths()).toContain('src/lib/new.ts');
    expect(opened).toEqual(['f:src/lib/new.ts']);
  });

  it('creates a folder at the root from the toolbar when nothing is focused', async () => {
    await render();
    byTestId(root, 'new-folder')[0]?.click();
    await settle(fixture);
    await submitEdit('docs');
    expect(apollo.expectOne('CreateFolder').operation.variables).toEqual({ projectId: 'p1', path: 'docs' });
  });

  it('renames with F2 and shows a taken name inline; Escape gives up', async () => {
    await render();
    row('src/app.ts')?.focus();
    await key('src/app.ts', 'F2');
    expect(editInput()?.value).toBe('app.ts');
    // The name without its extension is selected, ready to be typed over.
    expect([editInput()?.selectionStart, editInput()?.selectionEnd]).toEqual([0, 3]);

    await submitEdit('util.ts');
    const op = apollo.expectOne('MovePath');
    expect(op.operation.variables).toEqual({ projectId: 'p1', from: 'src/app.ts', to: 'src/util.ts' });
    op.graphqlErrors(pathError('PATH_TAKEN', 'src/util.ts already exists.'));
    await settle(fixture);
    expect(byTestId(root, 'tree-edit-error')[0]?.textContent).toBe('src/util.ts already exists.');

    editInput()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(fixture);
    expect(editInput()).toBeUndefined();
    expect(row('src/app.ts')?.textContent).toContain('app.ts');
  });

  it('renames a folder and keeps it open under its new name', async () => {
    await render();
    row('src/lib')?.focus();
    await key('src/lib', 'F2');
    await submitEdit('core');
    apollo.expectOne('MovePath').flushData({ movePath: 'src/core' });
    await settle(fixture);
    await flushTree([file('src/app.ts'), file('src/core/util.ts'), file('README.md')]);
    expect(row('src/core')?.getAttribute('aria-expanded')).toBe('true');
    expect(paths()).toContain('src/core/util.ts');
  });

  it('moves a file into a folder with "Move to…" from the context menu', async () => {
    await render();
    row('README.md')?.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, clientX: 10, clientY: 10 }));
    await settle(fixture);
    const items = byTestId(root, 'tree-menu')[0]?.querySelectorAll('[role="menuitem"]');
    expect(Array.from(items ?? []).map((i) => [i.firstElementChild?.textContent ?? i.textContent, i.querySelector('kbd')?.textContent])).toEqual([
      ['Open', 'Enter'],
      ['Rename', 'F2'],
      ['Move to…', undefined],
      ['Delete', 'Del'],
      ['Download', undefined],
    ]);
    byTestId(root, 'menu-move')[0]?.click();
    await settle(fixture);
    const select = byTestId(root, 'move-target')[0] as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.value)).toEqual(['', 'src', 'src/lib']);
    expect(document.activeElement).toBe(select);
    expect((byTestId(root, 'move-submit')[0] as HTMLButtonElement).disabled).toBe(true);
    typeInto(select, 'src/lib', 'change');
    await settle(fixture);
    byTestId(root, 'move-submit')[0]?.click();
    await settle(fixture);
    expect(apollo.expectOne('MovePath').operation.variables).toEqual({
      projectId: 'p1',
      from: 'README.md',
      to: 'src/lib/README.md',
    });
  });

  it('moves by drag and drop onto a folder, never into itself', async () => {
    await render();
    const transfer = fakeTransfer();
    const drag = (target: HTMLElement | undefined, type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.assign(event, { dataTransfer: transfer });
      target?.dispatchEvent(event);
      return event;
    };
    drag(row('src'), 'dragstart');
    await settle(fixture);
    expect(drag(row('src/lib'), 'dragover').defaultPrevented).toBe(false);
    drag(row('README.md'), 'dragend');

    drag(row('README.md'), 'dragstart');
    expect(drag(row('src/lib'), 'dragover').defaultPrevented).toBe(true);
    await settle(fixture);
    expect(row('src/lib')?.classList).toContain('drop-target');
    drag(row('src/lib'), 'drop');
    await settle(fixture);
    apollo.expectOne('MovePath').flushData({ movePath: 'src/lib/README.md' });
    await settle(fixture);
    await flushTree([file('src/app.ts'), file('src/lib/util.ts'), file('src/lib/README.md')]);
    expect(paths()).toContain('src/lib/README.md');
  });

  it('deletes a folder after a confirmation that says how many files go', async () => {
    await render();
    row('src')?.focus();
    answer = false;
    await key('src', 'Delete');
    expect(asked).toEqual(['Delete the folder “src” and the 2 files in it? This cannot be undone.']);
    answer = true;
    await key('src', 'Delete');
    apollo.expectOne('DeletePath').flushData({ deletePath: 2 });
    await settle(fixture);
    await flushTree([file('README.md'), file('logo.png', { binary: true })]);
    expect(paths()).toEqual(['logo.png', 'README.md']);
  });

  it('uploads chosen files one after another and explains the refusals', async () => {
    respond = (url) => {
      if (url.includes('big.bin'))
        return json(413, { error: { code: 'FILE_TOO_LARGE', message: 'Files are limited to 5 MiB; this one is 6 MiB' } });
      if (url.includes('c.txt'))
        return json(429, { error: { code: 'RATE_LIMIT_EXCEEDED', limit: 20, retryAfter: 7200 } });
      return json(201, { file: file('src/a.txt') });
    };
    await render();
    row('src')?.focus();
    const input = byTestId(root, 'upload-input')[0] as HTMLInputElement;
    const chosen = [new File(['hi'], 'a.txt'), new File([new Uint8Array(10)], 'big.bin'), new File(['x'], 'c.txt')];
    Object.defineProperty(input, 'files', { value: chosen, configurable: true });
    byTestId(root, 'upload-button')[0]?.click();
    input.dispatchEvent(new Event('change'));
    await settle(fixture, 20);
    await flushTree([...FILES, file('src/a.txt')]);

    expect(fetches.map((f) => [f.url, f.init.method, f.init.credentials])).toEqual([
      ['/api/projects/p1/files/upload?path=src%2Fa.txt', 'PUT', 'same-origin'],
      ['/api/projects/p1/files/upload?path=src%2Fbig.bin', 'PUT', 'same-origin'],
      ['/api/projects/p1/files/upload?path=src%2Fc.txt', 'PUT', 'same-origin'],
    ]);
    expect(fetches[0]?.init.body).toBe(chosen[0]);
    const items = byTestId(root, 'upload-item');
    expect(items.map((i) => i.dataset['status'])).toEqual(['done', 'failed', 'failed']);
    expect(items[1]?.textContent).toContain('Files are limited to 5 MiB; this one is 6 MiB');
    expect(items[2]?.textContent).toContain('You reached your daily upload limit (20 files). It resets in about 2 h.');
    expect(root.textContent).toContain('1 uploaded, 2 failed');
  });

  it('uploads files dropped from the computer into the folder they are dropped on', async () => {
    await render();
    const transfer = fakeTransfer(['Files'], [new File(['x'], 'notes.md')]);
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    Object.assign(over, { dataTransfer: transfer });
    row('src/lib/util.ts')?.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    await settle(fixture);
    expect(root.querySelector('.drop-hint')?.textContent).toContain('Upload to src/lib');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.assign(drop, { dataTransfer: transfer });
    row('src/lib/util.ts')?.dispatchEvent(drop);
    await settle(fixture, 20);
    await flushTree(FILES);
    expect(fetches.map((f) => f.url)).toEqual(['/api/projects/p1/files/upload?path=src%2Flib%2Fnotes.md']);
  });

  it('refetches the tree when someone else changes it, once per burst of events', async () => {
    const live = await render();
    live.flushData({ projectEvents: eventPayload('2-0', 'file.renamed') });
    live.flushData({ projectEvents: eventPayload('3-0', 'folder.created') });
    live.flushData({ projectEvents: eventPayload('4-0', 'model.delta') });
    await settle(fixture, TREE_REFRESH_MS + 30);
    await flushTree([file('main.ts')], ['empty']);
    expect(paths()).toEqual(['empty', 'main.ts']);
    // New inputs from the page win again.
    fixture.componentRef.setInput('files', [file('other.ts')]);
    fixture.componentRef.setInput('folders', []);
    await settle(fixture);
    expect(paths()).toEqual(['other.ts']);
  });

  it('offers no changes to a reader, only opening and downloading', async () => {
    await render({ canEdit: false });
    for (const id of ['new-file', 'new-folder', 'upload-button']) expect(byTestId(root, id)).toHaveLength(0);
    expect(byTestId(root, 'download-zip')).toHaveLength(1);
    expect(row('src/app.ts')?.getAttribute('draggable')).toBe('false');
    row('src/app.ts')?.focus();
    await key('src/app.ts', 'F2');
    await key('src/app.ts', 'Delete');
    expect(editInput()).toBeUndefined();
    expect(asked).toEqual([]);
    await key('src/app.ts', 'F10', { shiftKey: true });
    const items = byTestId(root, 'tree-menu')[0]?.querySelectorAll('[role="menuitem"]');
    expect(Array.from(items ?? []).map((i) => i.getAttribute('data-testid'))).toEqual(['menu-open', 'menu-download']);
    expect(byTestId(root, 'menu-download')[0]?.getAttribute('href')).toBe(
      '/api/projects/p1/files/raw?path=src%2Fapp.ts',
    );
  });

  it('shows an empty project plainly', async () => {
    await render({ files: [], folders: [] });
    expect(byTestId(root, 'tree-empty')[0]?.textContent).toContain('No files yet.');
    expect(byTestId(root, 'tree-empty')[0]?.textContent).toContain('drop files here');
  });

  it('opens the folders of the file that is open', async () => {
    const many = Array.from({ length: 60 }, (_, i) => file(`pkg${i}/index.ts`));
    await render({ files: [...many, file('deep/er/x.ts')], open: 'f:deep/er/x.ts' });
    expect(row('pkg1')?.getAttribute('aria-expanded')).toBe('false');
    expect(row('deep/er/x.ts')?.getAttribute('aria-selected')).toBe('true');
    expect(row('deep/er/x.ts')?.tabIndex).toBe(0);
  });
});

/** What the fake `fetch` answers (jsdom has no `Response`). */
function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    json: async () => body,
  } as unknown as Response;
}

/** Enough of a DataTransfer for the tree (jsdom has none). */
function fakeTransfer(types: string[] = [], files: File[] = []) {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...types, ...data.keys()];
    },
    files,
    effectAllowed: 'all',
    dropEffect: 'none',
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
  };
}
