import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { NewRoomDialogComponent } from '../components/new-room-dialog.component';
import { type RoomResult } from '../models/room-error';
import { ROOM_TABS, type RoomTab, VISIBILITY_LABELS, roomStatus } from '../models/room-display';
import type { RoomSummary } from '../models/room.models';
import { RoomsApi } from '../services/rooms-api.service';

/** `/rooms`: the rooms I am in, my teams' and the public ones, and "New room". */
@Component({
  selector: 'app-rooms-page',
  imports: [DatePipe, RouterLink, NewRoomDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rooms.page.html',
  styleUrl: './rooms.page.css',
})
export class RoomsPage {
  /** The `?tab=` query parameter: mine (default), team or public. */
  readonly tab = input<string | undefined>();
  private readonly api = inject(RoomsApi);
  private readonly router = inject(Router);

  protected readonly tabs = ROOM_TABS;
  protected readonly current = computed<RoomTab>(() => ROOM_TABS.find((t) => t.key === this.tab()) ?? ROOM_TABS[0]);
  protected readonly includeArchived = signal(false);
  protected readonly rooms = signal<RoomResult<readonly RoomSummary[]> | null>(null);
  protected readonly creating = signal(false);
  protected readonly status = roomStatus;
  protected readonly visibility = (v: string) => VISIBILITY_LABELS[v] ?? v;
  private loads = 0;

  constructor() {
    effect(() => void this.load(this.current(), this.includeArchived()));
  }

  protected select(tab: RoomTab): void {
    void this.router.navigate([], { queryParams: { tab: tab.key === 'mine' ? null : tab.key }, replaceUrl: true });
  }

  /** Arrow keys move between the tabs (one tab stop for the list). */
  protected onTabKey(event: KeyboardEvent, index: number): void {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = ROOM_TABS[(index + step + ROOM_TABS.length) % ROOM_TABS.length]!;
    this.select(next);
    const tabs = (event.currentTarget as HTMLElement).parentElement?.querySelectorAll<HTMLElement>('[role="tab"]');
    tabs?.[ROOM_TABS.indexOf(next)]?.focus();
  }

  protected created(roomId: string): void {
    this.creating.set(false);
    void this.router.navigate(['/rooms', roomId]);
  }

  private async load(tab: RoomTab, includeArchived: boolean): Promise<void> {
    const mine = ++this.loads;
    this.rooms.set(null);
    const result = await this.api.list(tab.scope, includeArchived);
    if (mine === this.loads) this.rooms.set(result);
  }
}
