import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { CLIPBOARD_WRITE } from '../../../shared/browser.tokens';
import type { RoomInvite } from '../models/room.models';
import { RoomsApi } from '../services/rooms-api.service';
import { RoomDialogComponent } from './room-dialog.component';

/** How long a new link lives, in hours (the server allows 1 to 720). */
export const INVITE_EXPIRIES = [
  { hours: 1, label: '1 hour' },
  { hours: 24, label: '1 day' },
  { hours: 168, label: '7 days' },
  { hours: 720, label: '30 days' },
] as const;

/**
 * "Invite": makes a link (single- or multi-use, participant or viewer, with an expiry) and shows it once,
 * with Copy; lists the room's links with their uses, and revokes them.
 */
@Component({
  selector: 'app-invite-dialog',
  imports: [DatePipe, RoomDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './invite-dialog.component.html',
  styleUrl: './room-form.css',
})
export class InviteDialogComponent {
  readonly roomId = input.required<string>();
  readonly closed = output<void>();
  private readonly api = inject(RoomsApi);
  private readonly clipboard = inject(CLIPBOARD_WRITE);
  private readonly origin = inject(DOCUMENT).location?.origin ?? '';

  protected readonly expiries = INVITE_EXPIRIES;
  protected readonly role = signal<'participant' | 'viewer'>('participant');
  protected readonly singleUse = signal(true);
  protected readonly hours = signal(24);
  protected readonly link = signal<string | null>(null);
  protected readonly copied = signal<'yes' | 'failed' | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly invites = signal<readonly RoomInvite[]>([]);

  constructor() {
    queueMicrotask(() => void this.loadInvites());
  }

  protected async create(): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    const result = await this.api.createInvite({
      roomId: this.roomId(),
      role: this.role(),
      maxUses: this.singleUse() ? 1 : null,
      expiresInHours: this.hours(),
    });
    this.busy.set(false);
    if (!result.ok) return this.error.set(result.error.message);
    this.link.set(`${this.origin}/rooms/join/${encodeURIComponent(result.value.token)}`);
    this.copied.set(null);
    await this.loadInvites();
  }

  protected async copy(link: string): Promise<void> {
    try {
      await this.clipboard(link);
      this.copied.set('yes');
    } catch {
      this.copied.set('failed');
    }
  }

  protected async revoke(id: string): Promise<void> {
    const result = await this.api.revokeInvite(id);
    if (!result.ok) this.error.set(result.error.message);
    await this.loadInvites();
  }

  private async loadInvites(): Promise<void> {
    const result = await this.api.invites(this.roomId());
    if (result.ok) this.invites.set(result.value.filter((i) => !i.revoked));
  }
}
