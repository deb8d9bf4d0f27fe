import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { retry, timer } from 'rxjs';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { ChatApi, type RoomNotification } from '../services/chat-api.service';

/** How long a mention's toast stays. */
export const TOAST_MS = 8000;

/**
 * The shell's "Rooms" link with a bell: unread mentions (`notifications`) as a badge and a list, and a toast
 * when someone mentions the caller (`notificationAdded`), wherever they are in the app.
 */
@Component({
  selector: 'app-rooms-nav',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rooms-nav.component.html',
  styleUrl: './rooms-nav.component.css',
})
export class RoomsNavComponent {
  private readonly api = inject(ChatApi);
  protected readonly unread = signal<readonly RoomNotification[]>([]);
  protected readonly open = signal(false);
  protected readonly toast = signal<RoomNotification | null>(null);
  protected readonly count = computed(() => this.unread().length);
  protected readonly bellLabel = computed(() =>
    this.count() ? `Notifications: ${this.count()} unread` : 'Notifications: none unread',
  );
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    void this.load();
    this.api
      .added()
      .pipe(retry({ delay: (_error, attempt) => timer(Math.min(30_000, 1000 * 2 ** attempt)) }), takeUntilDestroyed())
      .subscribe((n) => this.arrived(n));
    inject(RealtimeConnection)
      .reconnected$.pipe(takeUntilDestroyed())
      .subscribe(() => void this.load());
    inject(DestroyRef).onDestroy(() => clearTimeout(this.toastTimer));
  }

  protected async markAllRead(): Promise<void> {
    const ids = this.unread().map((n) => n.id);
    this.unread.set([]);
    this.open.set(false);
    if (ids.length) await this.api.markRead(ids);
  }

  protected async read(n: RoomNotification): Promise<void> {
    this.unread.update((list) => list.filter((x) => x.id !== n.id));
    this.open.set(false);
    this.toast.set(null);
    await this.api.markRead([n.id]);
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.open.set(false);
  }

  private arrived(n: RoomNotification): void {
    if (!this.unread().some((x) => x.id === n.id)) this.unread.update((list) => [n, ...list]);
    this.toast.set(n);
    clearTimeout(this.toastTimer);
    this.toastTimer = setTimeout(() => this.toast.set(null), TOAST_MS);
  }

  private async load(): Promise<void> {
    const result = await this.api.unread();
    if (result.ok) this.unread.set(result.value.filter((n) => !n.read));
  }
}
