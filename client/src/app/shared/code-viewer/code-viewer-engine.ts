import { InjectionToken } from '@angular/core';

/** A document shown read-only. */
export interface CodeDocument {
  readonly path: string;
  readonly language: string;
  readonly content: string;
}

/** One editor instance in the page. */
export interface CodeViewerInstance {
  /** Replaces the shown document. */
  show(doc: CodeDocument): void;
  dispose(): void;
}

/** Creates read-only editors; the real one wraps Monaco, tests pass a fake. */
export interface CodeViewerEngine {
  create(host: HTMLElement, doc: CodeDocument): CodeViewerInstance;
}

/**
 * Loads the editor engine on first use. The default imports Monaco dynamically, so it lives in a lazy
 * chunk and never runs under jsdom.
 */
export const MONACO_LOADER = new InjectionToken<() => Promise<CodeViewerEngine>>('MONACO_LOADER', {
  providedIn: 'root',
  factory: () => {
    let engine: Promise<CodeViewerEngine> | undefined;
    return () => (engine ??= import('./monaco-engine').then((m) => m.loadMonacoEngine()));
  },
});
