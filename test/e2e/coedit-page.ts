/**
 * Reaching a workspace page's live room from the browser tests and the coedit bench. The page exposes its
 * room as `window.atelierCollab` when `localStorage['atelier:collab-debug']` is set (see the workspace
 * feature's README); these functions run inside the page (`page.evaluate`), so they name only its globals.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';

interface YTextLike {
  length: number;
  toString(): string;
  insert(index: number, text: string): void;
  observe(listener: () => void): void;
}
interface YDocLike {
  getMap(name: string): Map<string, YDocLike>;
  getText(name: string): YTextLike;
}
/** What the page's code sees of its globals (the server's tsconfig has no DOM library). */
interface PageGlobals {
  atelierCollab: {
    doc: YDocLike;
    room: { updateYDoc(update: string, guid?: string, v2?: boolean): void };
    Y: { encodeStateVector(doc: YDocLike): Uint8Array; encodeStateAsUpdate(doc: YDocLike, vector?: Uint8Array): Uint8Array };
  };
  localStorage: { setItem(key: string, value: string): void };
  document: { addEventListener(type: string, listener: () => void, capture: boolean): void };
  btoa(data: string): string;
  changeTimes?: number[];
  keyTimes?: number[];
  markerTimes?: Record<string, number>;
}

/** Makes every page of the context expose its room (before any script of the app runs). */
export async function exposeRoom(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => (globalThis as unknown as PageGlobals).localStorage.setItem('atelier:collab-debug', '1'));
}

/** The file's text as the page's live document has it (null until the page loaded it). */
export function liveText(page: Page, fileId: string): Promise<string | null> {
  return page.evaluate((id) => {
    const files = (globalThis as unknown as PageGlobals).atelierCollab?.doc.getMap('files');
    return files?.get(id)?.getText('content').toString() ?? null;
  }, fileId);
}

/**
 * Writes into the file's document and sends the delta over the room socket directly, as a modified client
 * could: the provider itself sends nothing without write access.
 */
export function forceEdit(page: Page, fileId: string, typed: string): Promise<void> {
  return page.evaluate(
    ([id, text]) => {
      const { doc, room, Y } = (globalThis as unknown as PageGlobals).atelierCollab;
      const file = doc.getMap('files').get(id)!;
      const before = Y.encodeStateVector(file);
      file.getText('content').insert(0, text);
      const update = Y.encodeStateAsUpdate(file, before);
      room.updateYDoc((globalThis as unknown as PageGlobals).btoa(String.fromCharCode(...update)), id);
    },
    [fileId, typed] as const,
  );
}

/** Starts recording when the file's text changes (`changeTimes`, epoch ms with sub-ms precision). */
export function recordChanges(page: Page, fileId: string): Promise<void> {
  return page.evaluate((id) => {
    const g = globalThis as unknown as PageGlobals;
    g.changeTimes = [];
    g.markerTimes = {};
    const text = g.atelierCollab.doc.getMap('files').get(id)!.getText('content');
    text.observe(() => {
      const at = performance.timeOrigin + performance.now();
      g.changeTimes!.push(at);
      for (const m of text.toString().matchAll(/@(\d+)@/g)) g.markerTimes![m[1]!] ??= at;
    });
  }, fileId);
}

/** Starts recording keydown times (`keyTimes`). */
export function recordKeys(page: Page): Promise<void> {
  return page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.keyTimes = [];
    g.document.addEventListener('keydown', () => g.keyTimes!.push(performance.timeOrigin + performance.now()), true);
  });
}

export const changeTimes = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).changeTimes ?? []);
export const keyTimes = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).keyTimes ?? []);
export const markerTimes = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).markerTimes ?? {});

/** The text of an element's `::after` (the name label over a remote caret), as CSS reports it (`"Ada"`). */
export function afterContent(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    const g = globalThis as unknown as { getComputedStyle(e: unknown, pseudo: string): { content: string } };
    return g.getComputedStyle(el, '::after').content;
  });
}
