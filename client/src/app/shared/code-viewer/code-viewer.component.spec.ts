import { TestBed } from '@angular/core/testing';
import { FakeCodeViewerEngine, byTestId, settle } from '../../../testing/fakes';
import { MONACO_LOADER } from './code-viewer-engine';
import { CodeViewerComponent } from './code-viewer.component';

describe('CodeViewerComponent', () => {
  it('creates one editor with the document, then shows later documents in it', async () => {
    const engine = new FakeCodeViewerEngine();
    TestBed.configureTestingModule({
      providers: [{ provide: MONACO_LOADER, useValue: () => Promise.resolve(engine) }],
    });
    const fixture = TestBed.createComponent(CodeViewerComponent);
    fixture.componentRef.setInput('path', 'main.py');
    fixture.componentRef.setInput('language', 'python');
    fixture.componentRef.setInput('content', 'print("hi")\n');
    await settle(fixture);

    expect(engine.created).toEqual([
      {
        host: expect.any(HTMLElement),
        doc: { path: 'main.py', language: 'python', content: 'print("hi")\n' },
      },
    ]);
    expect(byTestId(fixture.nativeElement, 'code-viewer')[0]?.dataset['path']).toBe('main.py');
    expect(fixture.nativeElement.textContent).not.toContain('Loading editor');

    fixture.componentRef.setInput('content', 'print("bye")\n');
    await settle(fixture);
    expect(engine.created).toHaveLength(1);
    expect(engine.shown.at(-1)?.content).toBe('print("bye")\n');

    fixture.destroy();
    expect(engine.disposed).toBe(1);
  });

  it('says so when the editor cannot load', async () => {
    TestBed.configureTestingModule({
      providers: [
        { provide: MONACO_LOADER, useValue: () => Promise.reject(new Error('chunk load failed')) },
      ],
    });
    const fixture = TestBed.createComponent(CodeViewerComponent);
    fixture.componentRef.setInput('path', 'a.ts');
    fixture.componentRef.setInput('language', 'typescript');
    fixture.componentRef.setInput('content', '');
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('The editor could not be loaded');
  });
});
