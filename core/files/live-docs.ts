/**
 * The live documents of a project's files, from the server side (API and worker), over the Liveblocks REST
 * Yjs API: one room per project, one Yjs subdocument per file (guid = the file's id) registered in the root
 * document's `files` map.
 *
 * Why REST, not a server-side provider: every server write is a short, self-contained step (fetch the
 * document, apply a minimal diff, send the delta), so an activity stays stateless and idempotent (a retry
 * fetches the state its first attempt left and finds nothing to change), and no socket per project lives in
 * the worker. Agents are not connected peers, so their presence is the root document's `agents` map.
 */
import { createHash, randomInt } from 'node:crypto';
import { Liveblocks } from '@liveblocks/node';
import fastDiff from 'fast-diff';
import { Y, type YDoc, type YText } from './yjs';
import { AGENT_COLORS, FILE_META, FILE_TEXT, ROOT_AGENTS_MAP, ROOT_FILES_MAP, projectRoomId, type AgentCursor } from '../../contracts/collab';

export interface LiveDocsConfig {
  LIVEBLOCKS_SECRET_KEY?: string;
  LIVEBLOCKS_BASE_URL?: string;
}

/** Who changes a document from the server. */
export interface LiveActor {
  kind: 'agent' | 'user' | 'system';
  /** Agent role or user id. */
  id: string;
  name: string;
}

/** A stable 31-bit Yjs client id for a deterministic update: the same inputs always make the same update. */
function stableClientId(...parts: string[]): number {
  return createHash('sha256').update(parts.join('\0')).digest().readUInt32BE(0) >>> 1;
}

/** Applies the edits that turn `from` into `to` to `text` (whose content is `from`), as few as fast-diff finds. Returns the end of the last change. */
export function applyTextDiff(text: YText, from: string, to: string): number {
  let index = 0;
  let end = 0;
  for (const [op, chunk] of fastDiff(from, to)) {
    if (op === fastDiff.EQUAL) index += chunk.length;
    else if (op === fastDiff.DELETE) {
      text.delete(index, chunk.length);
      end = index;
    } else {
      text.insert(index, chunk);
      index += chunk.length;
      end = index;
    }
  }
  return end;
}

export class LiveDocs {
  private readonly rooms = new Set<string>();

  constructor(readonly client: Liveblocks) {}

  /** LiveDocs for the configured Liveblocks (the dev server or Cloud), or null when collaboration is off. */
  static fromConfig(config: LiveDocsConfig): LiveDocs | null {
    if (!config.LIVEBLOCKS_SECRET_KEY) return null;
    return new LiveDocs(new Liveblocks({ secret: config.LIVEBLOCKS_SECRET_KEY, baseUrl: config.LIVEBLOCKS_BASE_URL }));
  }

  /** Creates the project's room once (no default access: every connection holds a token from /liveblocks-auth). */
  async ensureRoom(projectId: string): Promise<string> {
    const roomId = projectRoomId(projectId);
    if (!this.rooms.has(roomId)) {
      await this.client.getOrCreateRoom(roomId, { defaultAccesses: [] });
      this.rooms.add(roomId);
    }
    return roomId;
  }

  /**
   * A REST call on a room {@link ensureRoom} remembers. Another process may have deleted it since (an archived
   * coding room's `deleteRoom` runs in a worker; the API remembers the room): on a 404 the room is created
   * again, once, and the call repeated. PostgreSQL holds every file then, so `ensure` seeds from it.
   */
  private async inRoom<T>(roomId: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
      await this.client.getOrCreateRoom(roomId, { defaultAccesses: [] });
      this.rooms.add(roomId);
      return call();
    }
  }

  private sendUpdate(roomId: string, update: Uint8Array, options?: { guid: string }): Promise<void> {
    return this.inRoom(roomId, () => this.client.sendYjsBinaryUpdate(roomId, update, options));
  }

  private async fetchDoc(roomId: string, guid?: string): Promise<YDoc> {
    const doc = new Y.Doc(guid ? { guid } : undefined);
    const update = await this.inRoom(roomId, () => this.client.getYjsDocumentAsBinaryUpdate(roomId, guid ? { guid } : undefined));
    Y.applyUpdate(doc, new Uint8Array(update));
    return doc;
  }

  /** Whether the file's subdocument is registered in the room. */
  async isRegistered(projectId: string, fileId: string): Promise<boolean> {
    const root = await this.fetchDoc(await this.ensureRoom(projectId));
    return root.getMap(ROOT_FILES_MAP).has(fileId);
  }

  /**
   * Registers the file's subdocument and, unless it was seeded before, loads `content` into it. Both
   * updates are deterministic (a client id derived from the file and the content), so two servers doing
   * this at once, or a retry, apply the same operations once. Returns the document's text.
   */
  async ensure(projectId: string, fileId: string, content: string): Promise<string> {
    const roomId = await this.ensureRoom(projectId);
    const reg = new Y.Doc();
    reg.clientID = stableClientId('register', fileId);
    reg.getMap(ROOT_FILES_MAP).set(fileId, new Y.Doc({ guid: fileId }));
    await this.sendUpdate(roomId, Y.encodeStateAsUpdate(reg));
    const doc = await this.fetchDoc(roomId, fileId);
    if (doc.getMap(FILE_META).get('seeded') === true) return doc.getText(FILE_TEXT).toString();
    const seed = new Y.Doc({ guid: fileId });
    seed.clientID = stableClientId('seed', fileId, createHash('sha256').update(content).digest('hex'));
    seed.transact(() => {
      seed.getText(FILE_TEXT).insert(0, content);
      seed.getMap(FILE_META).set('seeded', true);
    });
    await this.sendUpdate(roomId, Y.encodeStateAsUpdate(seed), { guid: fileId });
    const after = await this.fetchDoc(roomId, fileId);
    return after.getText(FILE_TEXT).toString();
  }

  /** The document's text, or undefined when the file has no seeded live document (PostgreSQL has it all). */
  async read(projectId: string, fileId: string): Promise<string | undefined> {
    const roomId = await this.ensureRoom(projectId);
    if (!(await this.isRegistered(projectId, fileId))) return undefined;
    const doc = await this.fetchDoc(roomId, fileId);
    return doc.getMap(FILE_META).get('seeded') === true ? doc.getText(FILE_TEXT).toString() : undefined;
  }

  /**
   * The text of every seeded live document in the room, by file id: what people see now, flushed or not
   * (the root document is fetched once, then each registered file's document).
   */
  async liveTexts(projectId: string): Promise<Map<string, string>> {
    const roomId = await this.ensureRoom(projectId);
    const root = await this.fetchDoc(roomId);
    const texts = new Map<string, string>();
    for (const fileId of root.getMap(ROOT_FILES_MAP).keys()) {
      const doc = await this.fetchDoc(roomId, fileId);
      if (doc.getMap(FILE_META).get('seeded') === true) texts.set(fileId, doc.getText(FILE_TEXT).toString());
    }
    return texts;
  }

  /**
   * Changes the document by `change(current)`: the edits that turn the fetched text into the result are
   * applied to the fetched state and sent as one delta, so anyone's concurrent edits elsewhere survive (the
   * CRDT merges them). `seed` is the stored content, used when the document was never loaded. `change`
   * returning null leaves the document alone. Returns the text as changed (without later concurrent edits).
   */
  async update<R extends { text: string } | null>(
    projectId: string,
    fileId: string,
    seed: string,
    change: (current: string) => R,
    actor: LiveActor & { path?: string },
  ): Promise<{ text: string; result: R }> {
    const roomId = await this.ensureRoom(projectId);
    await this.ensure(projectId, fileId, seed);
    const doc = await this.fetchDoc(roomId, fileId);
    const text = doc.getText(FILE_TEXT);
    const current = text.toString();
    const result = change(current);
    if (result === null || result.text === current) return { text: current, result };
    const before = Y.encodeStateVector(doc);
    doc.clientID = randomInt(1, 2 ** 31 - 1);
    let end = 0;
    doc.transact(() => {
      end = applyTextDiff(text, current, result.text);
    }, actor);
    await this.sendUpdate(roomId, Y.encodeStateAsUpdate(doc, before), { guid: fileId });
    if (actor.kind === 'agent') await this.setAgentCursor(projectId, actor, fileId, actor.path ?? '', Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, end)));
    return { text: result.text, result };
  }

  /** Replaces the text (restore, upload over a text file): {@link update} with a fixed result. */
  async replace(projectId: string, fileId: string, seed: string, next: string, actor: LiveActor & { path?: string }): Promise<string> {
    return (await this.update(projectId, fileId, seed, () => ({ text: next }), actor)).text;
  }

  /** Takes a deleted file's document out of the room: open editors see it go and say so. */
  async remove(projectId: string, fileId: string): Promise<void> {
    const roomId = await this.ensureRoom(projectId);
    const root = await this.fetchDoc(roomId);
    const files = root.getMap(ROOT_FILES_MAP);
    if (!files.has(fileId)) return;
    const before = Y.encodeStateVector(root);
    root.clientID = randomInt(1, 2 ** 31 - 1);
    files.delete(fileId);
    await this.sendUpdate(roomId, Y.encodeStateAsUpdate(root, before));
  }

  /** Shows where an agent just edited (the client draws it as a named cursor in the agent's colour). */
  async setAgentCursor(projectId: string, actor: LiveActor, fileId: string, path: string, position: unknown): Promise<void> {
    const roomId = await this.ensureRoom(projectId);
    const root = await this.fetchDoc(roomId);
    const before = Y.encodeStateVector(root);
    root.clientID = randomInt(1, 2 ** 31 - 1);
    const cursor: AgentCursor = {
      role: actor.id,
      name: actor.name,
      color: AGENT_COLORS[actor.id] ?? '#555555',
      fileId,
      path,
      position,
      at: new Date().toISOString(),
    };
    root.getMap(ROOT_AGENTS_MAP).set(actor.id, cursor);
    await this.sendUpdate(roomId, Y.encodeStateAsUpdate(root, before));
  }

  /** How many connections the project's room has now. */
  async activeConnections(projectId: string): Promise<number> {
    const { data } = await this.client.getActiveUsers(projectRoomId(projectId));
    return data.length;
  }

  /** Deletes the project's room and its documents (the project was deleted). */
  async deleteRoom(projectId: string): Promise<void> {
    const roomId = projectRoomId(projectId);
    this.rooms.delete(roomId);
    try {
      await this.client.deleteRoom(roomId);
    } catch (err) {
      if ((err as { status?: number }).status !== 404) throw err;
    }
  }
}
