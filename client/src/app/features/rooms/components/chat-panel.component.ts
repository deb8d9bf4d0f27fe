import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  computed,
  effect,
  inject,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { ChatFileRef, ChatMessage } from '../models/chat-text';
import { mentionNames } from '../models/mention-complete';
import { rankOf } from '../models/room.models';
import { ChatApi } from '../services/chat-api.service';
import { RoomSession } from '../services/room-session';
import { type ChatDraft, ChatComposerComponent } from './chat-composer.component';
import { ChatMessageComponent } from './chat-message.component';

/** Near enough to the bottom that new messages keep the view there. */
const STICK_PX = 80;

/**
 * The room's chat: history with "Load earlier", live messages (the session feeds them), the composer, and
 * what the caller may do to each message. A file link asks the page to open the file (`openRef`).
 */
@Component({
  selector: 'app-chat-panel',
  imports: [ChatMessageComponent, ChatComposerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-panel.component.html',
  styleUrl: './chat-panel.component.css',
})
export class ChatPanelComponent {
  readonly openRef = output<ChatFileRef>();
  protected readonly session = inject(RoomSession);
  private readonly api = inject(ChatApi);
  private readonly list = viewChild<ElementRef<HTMLElement>>('list');
  protected readonly error = signal<string | null>(null);
  /** Ticks while the caller is muted, so the box opens again when it ends. */
  private readonly now = signal(Date.now());

  protected readonly members = computed(() => this.session.room()?.members ?? []);
  protected readonly names = computed(() => mentionNames(this.members()));
  protected readonly roomUrl = computed(() => `/rooms/${this.session.room()?.id ?? ''}`);
  protected readonly disabledReason = computed(() => {
    const me = this.session.me();
    if (this.session.archived()) return 'This room is archived: the chat is read-only.';
    if (!this.session.active()) return 'Viewers read the chat; participants and above write in it.';
    const until = me?.mutedUntil ? Date.parse(me.mutedUntil) : 0;
    if (until > this.now()) {
      const time = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      return `A moderator muted you until ${time}.`;
    }
    return null;
  });
  protected readonly submit = (draft: ChatDraft) => this.send(draft);

  constructor() {
    const clock = setInterval(() => this.now.set(Date.now()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(clock));
    // The first page opens at the bottom; new messages keep the view there if it was (history is not interrupted).
    let lastId: string | undefined;
    effect(() => {
      const last = this.session.chat.messages().at(-1)?.id;
      const first = lastId === undefined;
      const moved = last !== lastId;
      lastId = last;
      untracked(() => {
        const list = this.list()?.nativeElement;
        if (!list || !last || !moved) return;
        const near = list.scrollHeight - list.scrollTop - list.clientHeight < STICK_PX;
        if (first || near) queueMicrotask(() => (list.scrollTop = list.scrollHeight));
      });
    });
  }

  protected mine(message: ChatMessage): boolean {
    return !!message.authorId && message.authorId === this.session.me()?.userId;
  }

  protected mentionsMe(message: ChatMessage): boolean {
    const me = this.session.me()?.userId;
    return !!me && message.mentions.includes(me) && !this.mine(message);
  }

  /** A moderator deletes messages of people below them (or of people no longer listed: the server decides). */
  protected canModerate(message: ChatMessage): boolean {
    if (!this.session.staff() || message.authorKind === 'system') return false;
    if (message.authorKind === 'agent') return true;
    const author = this.members().find((m) => m.userId === message.authorId);
    return !author || rankOf(author.role) < rankOf(this.session.me()?.role);
  }

  protected async loadEarlier(): Promise<void> {
    const list = this.list()?.nativeElement;
    const from = list ? list.scrollHeight - list.scrollTop : 0;
    await this.session.loadEarlier();
    // Keep the message that was on top where it was.
    if (list) queueMicrotask(() => (list.scrollTop = list.scrollHeight - from));
  }

  protected async edit(message: ChatMessage, body: string): Promise<void> {
    const result = await this.api.edit(message.id, body);
    this.error.set(result.ok ? null : result.error.message);
    if (result.ok) this.session.chat.upsert(result.value);
  }

  protected async remove(message: ChatMessage): Promise<void> {
    const result = await this.api.delete(message.id);
    this.error.set(result.ok ? null : result.error.message);
    if (result.ok) this.session.chat.upsert(result.value);
  }

  private async send(draft: ChatDraft): Promise<boolean> {
    const room = this.session.room();
    if (!room) return false;
    const result = await this.api.send(room.id, draft.body, draft.snippet, crypto.randomUUID());
    this.error.set(result.ok ? null : result.error.message);
    if (result.ok) this.session.chat.upsert(result.value);
    if (!result.ok && result.error.code === 'ROOM_MUTED') this.session.refresh();
    return result.ok;
  }
}
