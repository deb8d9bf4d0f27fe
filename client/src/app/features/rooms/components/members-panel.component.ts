import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { CONFIRM } from '../../../shared/browser.tokens';
import {
  type MemberAction,
  ROLE_LABELS,
  type RoomMember,
  byRoleThenArrival,
  memberActions,
  mutedAt,
  roleOf,
} from '../models/room.models';
import type { RoomResult } from '../models/room-error';
import { RoomSession } from '../services/room-session';
import { RoomsApi } from '../services/rooms-api.service';
import { MemberMenuComponent } from './member-menu.component';

/** Where a member is in the live document: connected, and the file they have open. */
export interface MemberPresence {
  readonly online: boolean;
  readonly path: string | null;
}

/**
 * Who is inside: role badges, whether they are connected to the editor and in which file, who is muted;
 * for the host and moderators a menu per member of a lower role (make moderator/participant/viewer, mute
 * 5/15/60 min, remove, and for the host: make host).
 */
@Component({
  selector: 'app-members-panel',
  imports: [DatePipe, MemberMenuComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members-panel.component.html',
  styleUrl: './members-panel.component.css',
})
export class MembersPanelComponent {
  /** userId → live presence (from the project room); people missing from it are not connected. */
  readonly presence = input<ReadonlyMap<string, MemberPresence>>(new Map());
  protected readonly session = inject(RoomSession);
  private readonly api = inject(RoomsApi);
  private readonly confirm = inject(CONFIRM);
  protected readonly openFor = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly members = computed(() =>
    byRoleThenArrival((this.session.room()?.members ?? []).filter((m) => m.present)),
  );
  protected readonly actionsFor = (member: RoomMember) => memberActions(this.session.me(), member);
  protected readonly role = (member: RoomMember) => ROLE_LABELS[roleOf(member.role) ?? 'viewer'];
  protected readonly muted = (member: RoomMember) => mutedAt(member, Date.now());

  protected toggle(userId: string): void {
    this.openFor.set(this.openFor() === userId ? null : userId);
  }

  protected async act(member: RoomMember, action: MemberAction): Promise<void> {
    this.openFor.set(null);
    const roomId = this.session.room()?.id;
    if (!roomId) return;
    const name = member.displayName;
    let call: (() => Promise<RoomResult<unknown>>) | null = null;
    switch (action.kind) {
      case 'role':
        call = () => this.api.setRole(roomId, member.userId, action.role);
        break;
      case 'host':
        if (this.confirm(`Make ${name} the host? You become a moderator.`))
          call = () => this.api.setRole(roomId, member.userId, 'host');
        break;
      case 'mute':
        call = () => this.api.mute(roomId, member.userId, action.minutes);
        break;
      case 'unmute':
        call = () => this.api.mute(roomId, member.userId, 0);
        break;
      case 'kick':
        if (this.confirm(`Remove ${name} from the room? Only a new invite link lets them back in.`))
          call = () => this.api.kick(roomId, member.userId);
        break;
    }
    if (!call) return;
    const result = await call();
    this.error.set(result.ok ? null : result.error.message);
    this.session.refresh();
  }
}
