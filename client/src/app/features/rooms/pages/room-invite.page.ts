import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ErrorCode } from '@contracts/errors';
import { type JoinProblem, type RoomResult, joinProblem } from '../models/room-error';
import { ROLE_LABELS, roleOf } from '../models/room.models';
import { RoomsApi } from '../services/rooms-api.service';

type InvitePreview = { roomId: string; roomName: string; projectName: string; role: string; hasPassword: boolean; expiresAt: string };

/** `/rooms/join/:token`: what an invite link leads to, and joining with it (and the password, if any). */
@Component({
  selector: 'app-room-invite-page',
  imports: [DatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../components/room-form.css',
  template: `
    <section class="join card" aria-labelledby="invite-title" data-testid="room-invite">
      @let state = preview();
      @if (!state) {
        <p class="muted" aria-busy="true">Loading the invite…</p>
      } @else if (!state.ok) {
        <h1 id="invite-title">Invite not valid</h1>
        <div class="callout error" role="alert" data-testid="invite-error">{{ state.error.message }}</div>
        <a class="button" routerLink="/rooms">All rooms</a>
      } @else {
        @let v = state.value;
        <h1 id="invite-title">Join {{ v.roomName }}</h1>
        <p>
          A room on <strong>{{ v.projectName }}</strong>. You join as
          <strong data-testid="invite-role">{{ role(v.role) }}</strong>. The link expires
          {{ v.expiresAt | date: 'MMM d, y, HH:mm' }}.
        </p>
        @if (problem(); as p) {
          <div class="callout error" role="alert" data-testid="join-error" [attr.data-code]="p.code">
            <p>{{ p.message }}</p>
          </div>
        }
        <form class="room-form" novalidate (submit)="$event.preventDefault(); join(v.roomId)">
          @if (v.hasPassword || problem()?.askPassword) {
            <div class="field">
              <label for="invite-password">Room password</label>
              <input
                id="invite-password"
                type="password"
                autocomplete="off"
                data-testid="join-password"
                [value]="password()"
                (input)="password.set($any($event.target).value)"
              />
            </div>
          }
          <div class="join-actions">
            <a class="button" routerLink="/rooms">Not now</a>
            <button type="submit" class="button primary" data-testid="join-room" [disabled]="busy()">
              {{ busy() ? 'Joining…' : 'Join room' }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
})
export class RoomInvitePage {
  /** The route's `:token`. */
  readonly token = input.required<string>();
  private readonly api = inject(RoomsApi);
  private readonly router = inject(Router);
  protected readonly preview = signal<RoomResult<InvitePreview> | null>(null);
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<JoinProblem | null>(null);
  protected readonly role = (role: string) => ROLE_LABELS[roleOf(role) ?? 'participant'];

  constructor() {
    effect(() => {
      const token = this.token();
      this.preview.set(null);
      void this.api.invitePreview(token).then((result) => {
        if (this.token() === token) this.preview.set(result);
      });
    });
  }

  protected async join(roomId: string): Promise<void> {
    this.busy.set(true);
    const password = this.password();
    const result = await this.api.join({ inviteToken: this.token(), ...(password ? { password } : {}) });
    this.busy.set(false);
    if (result.ok) return void this.router.navigate(['/rooms', result.value || roomId]);
    this.problem.set(joinProblem(result.error, null));
    if (result.error.code === ErrorCode.ROOM_PASSWORD_INVALID) this.password.set('');
  }
}
