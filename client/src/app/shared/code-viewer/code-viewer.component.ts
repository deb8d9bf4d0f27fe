import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { type CodeDocument, type CodeViewerInstance, MONACO_LOADER } from './code-viewer-engine';

/** A read-only code view; the editor engine loads on first render. */
@Component({
  selector: 'app-code-viewer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="code-viewer" data-testid="code-viewer" [attr.data-path]="path()">
      <div class="code-viewer-host" #host></div>
      @if (failed()) {
        <p class="code-viewer-note error">
          The editor could not be loaded. Reload the page to try again.
        </p>
      } @else if (!instance()) {
        <p class="code-viewer-note">Loading editor…</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-height: 0;
    }
    .code-viewer {
      position: relative;
      height: 100%;
      min-height: 320px;
    }
    .code-viewer-host {
      position: absolute;
      inset: 0;
    }
    .code-viewer-note {
      position: absolute;
      inset: 0;
      margin: 0;
      display: grid;
      place-items: center;
      color: var(--muted);
    }
  `,
})
export class CodeViewerComponent {
  readonly path = input.required<string>();
  readonly language = input.required<string>();
  readonly content = input.required<string>();

  protected readonly instance = signal<CodeViewerInstance | null>(null);
  protected readonly failed = signal(false);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly load = inject(MONACO_LOADER);

  constructor() {
    const destroyRef = inject(DestroyRef);
    let destroyed = false;
    destroyRef.onDestroy(() => {
      destroyed = true;
      this.instance()?.dispose();
    });
    let shown: CodeDocument | null = null;
    afterNextRender(() => {
      this.load().then(
        (engine) => {
          if (destroyed) return;
          shown = this.document();
          this.instance.set(engine.create(this.host().nativeElement, shown));
        },
        () => this.failed.set(true),
      );
    });
    effect(() => {
      const instance = this.instance();
      const doc = this.document();
      if (!instance || (shown && sameDocument(shown, doc))) return;
      instance.show(doc);
      shown = doc;
    });
  }

  private document(): CodeDocument {
    return { path: this.path(), language: this.language(), content: this.content() };
  }
}

function sameDocument(a: CodeDocument, b: CodeDocument): boolean {
  return a.path === b.path && a.language === b.language && a.content === b.content;
}
