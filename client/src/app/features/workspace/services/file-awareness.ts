import type { LiveAwareness } from './live-room';

/**
 * The room's awareness as one file's editor should see it: only the other connections that have this file
 * open. A relative position at the very end of a text names the text by its root name, which every file
 * document shares, so without this filter a cursor at the end of one file would be drawn in all of them.
 */
export class FileAwareness implements LiveAwareness {
  constructor(
    private readonly room: LiveAwareness,
    readonly fileId: string,
  ) {}

  get doc() {
    return this.room.doc;
  }

  /** Announces who is here and in which file; y-monaco then adds `selection` as the caret moves. */
  enter(user: { name: string; color: string }): void {
    this.room.setLocalStateField('user', user);
    this.room.setLocalStateField('fileId', this.fileId);
    this.room.setLocalStateField('selection', null);
  }

  /** Takes this connection's caret out of the file. */
  leave(): void {
    this.room.setLocalStateField('selection', null);
  }

  getStates(): Map<number, Record<string, unknown>> {
    const own = this.room.doc.clientID;
    const states = new Map<number, Record<string, unknown>>();
    for (const [clientId, state] of this.room.getStates()) {
      if (clientId !== own && state?.['fileId'] === this.fileId) states.set(clientId, state);
    }
    return states;
  }

  setLocalStateField(field: string, value: unknown): void {
    this.room.setLocalStateField(field, value);
  }

  on(event: 'change', listener: () => void): void {
    this.room.on(event, listener);
  }

  off(event: 'change', listener: () => void): void {
    this.room.off(event, listener);
  }
}
