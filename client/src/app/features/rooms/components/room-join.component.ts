import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { ErrorCode } from '@contracts/errors';
import { type JoinProblem, joinProblem } from '../models/room-error';
import { VISIBILITY_LABELS, roomStatus } from '../models/room-display';
import { type RoomView, isStaff } from '../models/room.models';
import { RoomsApi } from '../services/rooms-api.service';

/**
 * The join screen of a room the caller is not inside: what the room is, its password box when it has one,
 * and every refusal in plain words (full, locked, wrong password, too many tries, removed, archived with
 * Reopen for its host and moderators). Emits `joined` once the server let them in.
 */
@Component({
  selector: 'app-room-join',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room-join.component.html',
  styleUrl: './room-form.css',
})
export class RoomJoinComponent {
  readonly room = input.required<RoomView>();
  /** An invite link's token, when the caller came through one. */
  readonly inviteToken = input<string | null>(null);
  readonly joined = output<string>();
  /** The room was reopened (it is live again: re-read it). */
  readonly reopened = output<void>();

  private readonly api = inject(RoomsApi);
  private readonly passwordBox = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  protected readonly password = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal<JoinProblem | null>(null);

  protected readonly staff = computed(() => isStaff(this.room().me?.role));
  protected readonly archived = computed(() => this.room().status === 'archived');
  protected readonly askPassword = computed(
    () => (this.room().hasPassword && !this.inviteToken()) || !!this.problem()?.askPassword,
  );
  protected readonly status = computed(() => roomStatus(this.room().status));
  protected readonly visibility = computed(() => VISIBILITY_LABELS[this.room().visibility] ?? '');
  protected readonly full = computed(() => this.room().presentCount >= this.room().capacity);

  protected async join(): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    const room = this.room();
    const password = this.password();
    const result = await this.api.join({
      roomId: room.id,
      ...(password ? { password } : {}),
      ...(this.inviteToken() ? { inviteToken: this.inviteToken()! } : {}),
    });
    this.busy.set(false);
    if (result.ok) return this.joined.emit(result.value);
    const problem = joinProblem(result.error, room, this.staff());
    this.problem.set(problem);
    if (problem.code === ErrorCode.ROOM_PASSWORD_INVALID) this.password.set('');
    if (problem.askPassword) queueMicrotask(() => this.passwordBox()?.nativeElement.focus());
  }

  protected async reopen(): Promise<void> {
    this.busy.set(true);
    const result = await this.api.reopen(this.room().id);
    this.busy.set(false);
    if (result.ok) this.reopened.emit();
    else this.problem.set(joinProblem(result.error, this.room(), this.staff()));
  }
}
