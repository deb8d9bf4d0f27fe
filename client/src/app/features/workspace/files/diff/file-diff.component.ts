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
import { type DiffDocument, type DiffViewerInstance, MONACO_DIFF_LOADER } from './diff-engine';

/** A read-only side-by-side diff (older text left); the editor engine loads on first render. */
@Component({
  selector: 'app-file-diff',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="file-diff" data-testid="file-diff" [attr.data-path]="path()">
      <div class="file-diff-host" #host></div>
      @if (failed()) {
        <p class="file-diff-note error">
          The diff could not be loaded. Reload the page to try again.
        </p>
      } @else if (!instance()) {
        <p class="file-diff-note">Loading diff…</p>
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-height: 0;
    }
    .file-diff {
      position: relative;
      height: 100%;
      min-height: 240px;
    }
    .file-diff-host {
      position: absolute;
      inset: 0;
    }
    .file-diff-note {
      position: absolute;
      inset: 0;
      margin: 0;
      display: grid;
      place-items: center;
      color: var(--muted);
    }
  `,
})
export class FileDiffComponent {
  readonly path = input.required<string>();
  readonly original = input.required<string>();
  readonly modified = input.required<string>();

  protected readonly instance = signal<DiffViewerInstance | null>(null);
  protected readonly failed = signal(false);
  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private readonly load = inject(MONACO_DIFF_LOADER);

  constructor() {
    let destroyed = false;
    inject(DestroyRef).onDestroy(() => {
      destroyed = true;
      this.instance()?.dispose();
    });
    let shown: DiffDocument | null = null;
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

  private document(): DiffDocument {
    return { path: this.path(), original: this.original(), modified: this.modified() };
  }
}

function sameDocument(a: DiffDocument, b: DiffDocument): boolean {
  return a.path === b.path && a.original === b.original && a.modified === b.modified;
}
