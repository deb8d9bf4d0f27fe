import { Subject } from 'rxjs';
import { RealtimeConnection } from '../app/core/realtime-connection';
import type {
  CodeDocument,
  CodeViewerEngine,
  CodeViewerInstance,
} from '../app/shared/code-viewer/code-viewer-engine';

/** A socket whose drops and reconnects the test triggers. */
export class FakeRealtimeConnection extends RealtimeConnection {
  readonly reconnect = new Subject<void>();
  readonly drop = new Subject<void>();
  readonly reconnected$ = this.reconnect.asObservable();
  readonly dropped$ = this.drop.asObservable();
  restarts = 0;

  restart(): void {
    this.restarts++;
  }
}

/** Records what the page asked the editor to show. */
export class FakeCodeViewerEngine implements CodeViewerEngine {
  readonly created: { host: HTMLElement; doc: CodeDocument }[] = [];
  readonly shown: CodeDocument[] = [];
  disposed = 0;

  create(host: HTMLElement, doc: CodeDocument): CodeViewerInstance {
    this.created.push({ host, doc });
    this.shown.push(doc);
    return {
      show: (next) => this.shown.push(next),
      dispose: () => this.disposed++,
    };
  }
}

/** Lets Apollo Client 4 deliver its (asynchronous) results, then lets Angular render them. */
export async function settle(fixture: { whenStable(): Promise<unknown> }, ms = 0): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await fixture.whenStable();
}

/**
 * Settles the fixture until `found` holds (a timer or a fake API answering later under load), failing after
 * `timeoutMs`: for what a fixed pause would only usually wait long enough for.
 */
export async function settleUntil(
  fixture: { whenStable(): Promise<unknown> },
  found: () => boolean,
  timeoutMs = 3000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await settle(fixture, 10);
    if (found()) return;
    if (Date.now() > deadline) throw new Error(`settleUntil: not found after ${timeoutMs} ms`);
  }
}

/** Elements of a rendered fixture by `data-testid`. */
export function byTestId(root: HTMLElement, id: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
}

/** Records the files offered for download instead of touching object URLs. */
export class FakeDownloads {
  readonly files: { name: string; type: string; content: string }[] = [];
  readonly save = (file: { name: string; type: string; content: string }): void => {
    this.files.push(file);
  };
}

/** Types into an input or picks a select option the way a user does. */
export function typeInto(element: HTMLElement | undefined, value: string, event = 'input'): void {
  if (!element) throw new Error('No such element');
  (element as HTMLInputElement).value = value;
  element.dispatchEvent(new Event(event));
}
