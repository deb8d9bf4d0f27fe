import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CONFIRM } from '../../../shared/browser.tokens';
import { roomStatus } from '../models/room-display';
import { ROLE_LABELS, roleOf } from '../models/room.models';
import { ROOM_THEME } from '../services/room-theme';
import { RoomSession } from '../services/room-session';
import { RoomsApi } from '../services/rooms-api.service';
import { InviteDialogComponent } from './invite-dialog.component';
import { RoomSettingsDialogComponent } from './room-settings-dialog.component';

/**
 * The room's bar: name, status, lock, people inside, the theme slot, Leave; for the host and moderators
 * Lock, Invite and End; for the host Settings and the room's theme.
 */
@Component({
  selector: 'app-room-header',
  imports: [NgComponentOutlet, RouterLink, InviteDialogComponent, RoomSettingsDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-header.component.html',
  styleUrl: './room-header.component.css',
})
export class RoomHeaderComponent {
  /** The caller asked to leave (the page calls leaveRoom and goes back to the list). */
  readonly leave = output<void>();
  protected readonly session = inject(RoomSession);
  protected readonly theme = inject(ROOM_THEME);
  private readonly api = inject(RoomsApi);
  private readonly confirm = inject(CONFIRM);

  protected readonly dialog = signal<'invite' | 'settings' | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = computed(() => roomStatus(this.session.room()?.status ?? ''));
  protected readonly roleLabel = computed(() => {
    const role = roleOf(this.session.me()?.role);
    return role ? ROLE_LABELS[role] : '';
  });

  protected async toggleLock(): Promise<void> {
    const room = this.session.room();
    if (room) await this.act(() => this.api.setLocked(room.id, !room.locked));
  }

  protected async end(): Promise<void> {
    const room = this.session.room();
    if (!room) return;
    const sure = this.confirm(
      `End "${room.name}" for everyone? Its files are saved and its chat kept; it can be reopened later.`,
    );
    if (sure) await this.act(() => this.api.end(room.id));
  }

  protected async setRoomTheme(event: Event): Promise<void> {
    const room = this.session.room();
    const value = (event.target as HTMLSelectElement).value;
    if (room) await this.act(() => this.api.setTheme(room.id, value || null));
  }

  protected follow(event: Event): void {
    this.theme.setFollowRoomTheme((event.target as HTMLInputElement).checked);
  }

  private async act(call: () => Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    const result = await call();
    this.busy.set(false);
    if (!result.ok) this.error.set(result.error?.message ?? 'That did not work.');
    this.session.refresh();
  }
}
