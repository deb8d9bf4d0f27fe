import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Subject, type Subscription, auditTime, switchMap } from 'rxjs';
import { ChatLog } from '../models/chat-log';
import type { RoomResult } from '../models/room-error';
import { type RoomEffect, effectOf } from '../models/room-events';
import { KICKED, type RoomExit, type RunNotice } from '../models/room-exit';
import { type RoomInside, canTake, isStaff, mutedAt } from '../models/room.models';
import { ChatApi } from './chat-api.service';
import { RoomEventStream, type RoomStreamUpdate } from './room-event-stream.service';
import { ROOM_THEME } from './room-theme';
import { RoomsApi } from './rooms-api.service';

/** Bursts of member and room events cause one re-read of the room. */
export const ROOM_REFRESH_AUDIT_MS = 200;

/**
 * The room the caller is inside, for the room page and its panels (one per page: provided by it): the room
 * with its members, the chat log, and the live events that keep both current. The panels read signals here
 * and call the APIs themselves; what events mean is decided in `models/room-events.ts`.
 */
@Injectable()
export class RoomSession {
  private readonly api = inject(RoomsApi);
  private readonly chatApi = inject(ChatApi);
  private readonly events = inject(RoomEventStream);
  private readonly theme = inject(ROOM_THEME);
  private readonly refreshes = new Subject<string>();
  private watching: Subscription | null = null;
  private cursor = '';

  readonly room = signal<RoomInside | null>(null);
  readonly chat = new ChatLog();
  readonly stream = signal<RoomStreamUpdate & { kind: 'state' }>({ kind: 'state', state: 'live' });
  readonly exit = signal<RoomExit | null>(null);
  readonly run = signal<RunNotice | null>(null);

  readonly me = computed(() => this.room()?.me ?? null);
  readonly archived = computed(() => this.room()?.status === 'archived');
  readonly staff = computed(() => isStaff(this.me()?.role));
  readonly isHost = computed(() => this.me()?.role === 'host');
  /** Participant or above in a live room: edit, chat, type, run. */
  readonly active = computed(() => canTake(this.me()?.role) && !this.archived());
  readonly mutedUntil = computed(() => {
    const me = this.me();
    return me && mutedAt(me, Date.now()) ? me.mutedUntil : null;
  });

  constructor() {
    this.refreshes
      .pipe(
        auditTime(ROOM_REFRESH_AUDIT_MS),
        switchMap((id) => this.api.inside(id)),
      )
      .subscribe((result) => void this.apply(result));
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** Loads the room from inside, its newest chat, and follows its events; resolves with the room's state. */
  async enter(roomId: string): Promise<RoomResult<RoomInside>> {
    this.halt();
    this.exit.set(null);
    const result = await this.api.inside(roomId);
    if (!result.ok) return result;
    this.room.set(result.value);
    this.theme.setRoomTheme(result.value.themeId);
    this.follow(roomId, result.value.eventCursor);
    void this.loadPage(roomId, false);
    return result;
  }

  /** "Load earlier": the page before the oldest shown. */
  loadEarlier(): Promise<void> {
    const room = this.room();
    return room ? this.loadPage(room.id, true) : Promise.resolve();
  }

  /** Re-reads the room (after a change this page made, or events saying something changed). */
  refresh(): void {
    const room = this.room();
    if (room) this.refreshes.next(room.id);
  }

  /** Stops following; the app's own theme returns. */
  stop(): void {
    this.halt();
    this.theme.setRoomTheme(null);
  }

  private halt(): void {
    this.watching?.unsubscribe();
    this.watching = null;
    this.chat.clear();
    this.run.set(null);
  }

  private follow(roomId: string, after: string): void {
    this.cursor = after;
    this.watching?.unsubscribe();
    this.watching = this.events.watch(roomId, after).subscribe((update) => {
      if (update.kind === 'state') {
        this.stream.set(update);
        if (update.state === 'ended' || update.state === 'failed') this.refreshes.next(roomId);
        return;
      }
      this.cursor = update.event.id;
      this.handle(roomId, effectOf(update.event));
    });
  }

  private handle(roomId: string, effect: RoomEffect): void {
    switch (effect.kind) {
      case 'message':
        return this.chat.upsert(effect.message);
      case 'message-deleted':
        return this.chat.markDeleted(effect.messageId);
      case 'stream':
        return this.chat.stream(effect.messageId, effect.text);
      case 'chat-stale':
        return void this.loadPage(roomId, false);
      case 'kicked':
        if (effect.userId && effect.userId === this.me()?.userId) return this.leaveAs(KICKED);
        return this.refreshes.next(roomId);
      case 'theme':
        this.room.update((room) => room && { ...room, themeId: effect.themeId });
        return this.theme.setRoomTheme(effect.themeId);
      case 'run':
        return this.run.set({ by: effect.by, command: effect.command });
      case 'archived':
        // Everyone is out of an archived room: the re-read may only get the room as outsiders see it.
        this.room.update((room) => room && { ...room, status: 'archived' });
        return this.refreshes.next(roomId);
      case 'room-stale':
      case 'reopened':
        return this.refreshes.next(roomId);
      case 'none':
        return;
    }
  }

  /** A re-read room: still inside, or out (kicked, left elsewhere, gone). */
  private async apply(result: RoomResult<RoomInside>): Promise<void> {
    if (!result.ok) {
      if (result.error.code === 'ROOM_KICKED') return this.leaveAs(KICKED);
      if (result.error.code === 'ROOM_NOT_FOUND') return this.leaveAs({ kind: 'gone', message: result.error.message });
      // Members and sandbox are for those inside: read the rest as the join screen does, keep what was known.
      const id = this.room()?.id;
      const outside = id ? await this.api.room(id) : null;
      if (outside?.ok) this.room.update((room) => room && { ...room, ...outside.value });
      return;
    }
    const room = result.value;
    this.room.set(room);
    if (!room.me?.present && room.status !== 'archived') {
      return this.leaveAs({ kind: 'left', message: 'You are no longer inside this room (you left it, maybe in another tab).' });
    }
    // The server ended the subscription but the caller is still inside (a restart): follow on.
    const state = this.stream().state;
    if ((state === 'ended' || state === 'failed') && room.status !== 'archived') this.follow(room.id, this.cursor);
  }

  private leaveAs(exit: RoomExit): void {
    this.stop();
    this.exit.set(exit);
  }

  private async loadPage(roomId: string, older: boolean): Promise<void> {
    if (this.chat.loading()) return;
    this.chat.loading.set(true);
    const result = await this.chatApi.page(roomId, older ? (this.chat.before() ?? null) : null);
    this.chat.loading.set(false);
    if (result.ok && this.room()?.id === roomId) {
      this.chat.addPage(result.value.messages, result.value.before, older);
    }
  }
}

