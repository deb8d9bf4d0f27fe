import { computed, signal } from '@angular/core';
import { type AgentCursor, ROOT_AGENTS_MAP, ROOT_FILES_MAP } from '@contracts/collab';
import type * as Y from 'yjs';
import {
  type RoomMember,
  activeAgents,
  agentEntries,
  asAgentCursor,
  filePresence,
  peopleOf,
} from '../models/presence.models';
import { FileAwareness } from './file-awareness';
import type { ConnectionStatus, LiveRoom } from './live-room';

/** How often agents' "last seen" is re-evaluated (they count as present for a minute after an edit). */
const AGENT_CLOCK_MS = 5_000;
/** Waits before entering the room again after the server closed it for good (n from 1), capped at 30 s. */
export const REJOIN_DELAY_MS = (attempt: number) => Math.min(30_000, 1000 * 2 ** (attempt - 1));
/** How long a file's document may take to appear in the room after `openFile` registered it. */
export const DOCUMENT_WAIT_MS = 15_000;

/** Thrown when a file's document never appeared in the room. */
export class DocumentUnavailableError extends Error {
  override readonly name = 'DocumentUnavailableError';
  constructor(readonly fileId: string) {
    super(`The live document of file ${fileId} did not appear in the room.`);
  }
}

/**
 * A project's room as signals for the page: connection, people, agents, which files have live documents;
 * and the file documents themselves. Only what the page shows is here; editors bind to the documents.
 */
export class ProjectRoom {
  readonly status = signal<ConnectionStatus>('connecting');
  readonly self = signal<RoomMember | null>(null);
  readonly others = signal<readonly RoomMember[]>([]);
  /** Local changes the server has not acknowledged yet. */
  readonly pending = signal(false);
  readonly canWrite = signal(false);
  /** Ids of the files whose documents are in the room (a file leaves when it is deleted). */
  readonly liveFileIds = signal<ReadonlySet<string>>(new Set());
  private readonly agentCursors = signal<readonly AgentCursor[]>([]);
  private readonly now = signal(Date.now());

  readonly connected = computed(() => this.status() === 'connected');
  /** Agents that edited in the last minute. */
  readonly agents = computed(() => activeAgents(this.agentCursors(), this.now()));
  /** The avatar stack: people (the caller first), then agents. */
  readonly presence = computed(() => [
    ...peopleOf(this.self(), this.others()),
    ...agentEntries(this.agents()),
  ]);
  /** Who has which file open, for the file list. */
  readonly filePresence = computed(() => filePresence(this.others(), this.agents()));

  private readonly files: Y.Map<Y.Doc>;
  private readonly agentsMap: Y.Map<unknown>;
  private readonly unsubscribe: () => void;
  private readonly clock: ReturnType<typeof setInterval>;
  private openFile: { id: string; path: string } | null = null;
  private announcedAs: string | null = null;
  private rejoin: { timer: ReturnType<typeof setTimeout> | undefined; attempts: number } = {
    timer: undefined,
    attempts: 0,
  };

  constructor(
    readonly live: LiveRoom,
    private readonly rejoinDelay = REJOIN_DELAY_MS,
  ) {
    this.files = live.doc.getMap<Y.Doc>(ROOT_FILES_MAP);
    this.agentsMap = live.doc.getMap(ROOT_AGENTS_MAP);
    this.unsubscribe = live.subscribe(() => this.readRoom());
    this.files.observe(this.readFiles);
    this.agentsMap.observe(this.readAgents);
    this.clock = setInterval(() => this.now.set(Date.now()), AGENT_CLOCK_MS);
    this.readRoom();
    this.readFiles();
    this.readAgents();
  }

  /** Says which file this person has open (presence, for the avatar stack and the file list). */
  showOpen(file: { id: string; path: string } | null): void {
    this.openFile = file;
    this.announce();
  }

  /** The file's document once it holds the server's state; `openFile` must have registered it. */
  async document(fileId: string, timeoutMs = DOCUMENT_WAIT_MS): Promise<Y.Doc> {
    await this.live.whenSynced();
    const subdoc = this.files.get(fileId) ?? (await this.appearing(fileId, timeoutMs));
    await this.live.loadDocument(subdoc);
    return subdoc;
  }

  /** The awareness y-monaco should use for this file. */
  awarenessFor(fileId: string): FileAwareness {
    return new FileAwareness(this.live.awareness, fileId);
  }

  leave(): void {
    clearTimeout(this.rejoin.timer);
    clearInterval(this.clock);
    this.unsubscribe();
    this.files.unobserve(this.readFiles);
    this.agentsMap.unobserve(this.readAgents);
    this.live.leave();
  }

  private appearing(fileId: string, timeoutMs: number): Promise<Y.Doc> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const subdoc = this.files.get(fileId);
        if (!subdoc) return;
        done();
        resolve(subdoc);
      };
      const timer = setTimeout(() => {
        done();
        reject(new DocumentUnavailableError(fileId));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.files.unobserve(check);
      };
      this.files.observe(check);
    });
  }

  /** Presence: name and colour as the server knows them (known once connected), and the open file. */
  private announce(): void {
    const self = this.live.self();
    this.announcedAs = self ? `${self.name}\n${self.color}` : null;
    this.live.updatePresence({
      name: self?.name ?? '',
      color: self?.color ?? '',
      fileId: this.openFile?.id ?? null,
      path: this.openFile?.path ?? null,
    });
  }

  /** Liveblocks retries dropped connections itself; one the server closed for good is entered again here. */
  private followStatus(status: ConnectionStatus): void {
    if (status === 'connected') {
      this.rejoin.attempts = 0;
      clearTimeout(this.rejoin.timer);
      this.rejoin.timer = undefined;
    } else if (status === 'disconnected' && this.rejoin.timer === undefined) {
      this.rejoin.timer = setTimeout(() => {
        this.rejoin.timer = undefined;
        this.live.reconnect();
      }, this.rejoinDelay(++this.rejoin.attempts));
    }
  }

  private readonly readRoom = () => {
    const self = this.live.self();
    const status = this.live.status();
    if (status !== this.status()) this.followStatus(status);
    this.status.set(status);
    this.self.set(self);
    if (self && this.announcedAs !== `${self.name}\n${self.color}`) this.announce();
    this.others.set(this.live.others());
    this.pending.set(this.live.hasPendingChanges());
    this.canWrite.set(this.live.canWrite());
  };

  private readonly readFiles = () => this.liveFileIds.set(new Set(this.files.keys()));

  private readonly readAgents = () => {
    const cursors = [...this.agentsMap.values()].map(asAgentCursor);
    this.agentCursors.set(cursors.filter((cursor): cursor is AgentCursor => cursor !== null));
    this.now.set(Date.now());
  };
}
