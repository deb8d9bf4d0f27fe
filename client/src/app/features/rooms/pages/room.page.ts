import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { AssistChatComponent } from '../../assist/chat/assist-chat.component';
import type { ProjectRoom } from '../../workspace/services/project-room';
import { ChatPanelComponent } from '../components/chat-panel.component';
import type { MemberPresence } from '../components/members-panel.component';
import { MembersPanelComponent } from '../components/members-panel.component';
import { RoomHeaderComponent } from '../components/room-header.component';
import { RoomJoinComponent } from '../components/room-join.component';
import { RoomTerminalComponent } from '../components/room-terminal.component';
import { type OpenRequest, RoomWorkspaceComponent } from '../components/room-workspace.component';
import type { ChatFileRef } from '../models/chat-text';
import type { RoomProblem } from '../models/room-error';
import type { RoomView } from '../models/room.models';
import { RoomSession } from '../services/room-session';
import { RoomsApi } from '../services/rooms-api.service';

const SIDE_TABS = ['chat', 'assist', 'people'] as const;
type SideTab = (typeof SIDE_TABS)[number];

type Entry =
  | { readonly kind: 'loading' }
  | { readonly kind: 'problem'; readonly problem: RoomProblem }
  | { readonly kind: 'outside'; readonly room: RoomView }
  | { readonly kind: 'inside' };

/**
 * `/rooms/:id`: the join screen for someone not inside; inside, the room: header, files | editor over the
 * shared terminal | chat, assist (the project chat with a model, asked from this room) and people. `?file=&line=` opens a file there (a chat link opened in a new tab).
 */
@Component({
  selector: 'app-room-page',
  imports: [
    RouterLink,
    AssistChatComponent,
    ChatPanelComponent,
    MembersPanelComponent,
    RoomHeaderComponent,
    RoomJoinComponent,
    RoomTerminalComponent,
    RoomWorkspaceComponent,
  ],
  providers: [RoomSession],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './room.page.html',
  styleUrl: './room.page.css',
})
export class RoomPage {
  /** The `:id` route parameter. */
  readonly id = input.required<string>();
  /** `?file=`: a path to open once inside. */
  readonly file = input<string | undefined>();
  /** `?line=`: the line of `file` to show. */
  readonly line = input<string | undefined>();

  protected readonly session = inject(RoomSession);
  private readonly api = inject(RoomsApi);
  private readonly router = inject(Router);
  protected readonly entry = signal<Entry>({ kind: 'loading' });
  protected readonly side = signal<SideTab>('chat');
  /** The assist chat loads when its tab is first opened, then stays (its streams keep going while hidden). */
  protected readonly assistOpened = signal(false);
  protected readonly openAt = signal<OpenRequest | null>(null);
  protected readonly liveRoom = signal<ProjectRoom | null>(null);
  protected readonly actionError = signal<string | null>(null);
  private loads = 0;

  /** userId → connected to the editor, and the file they have open. */
  protected readonly presence = computed(() => {
    const room = this.liveRoom();
    const map = new Map<string, MemberPresence>();
    if (!room) return map;
    for (const person of [room.self(), ...room.others()]) {
      if (person?.userId) map.set(person.userId, { online: true, path: map.get(person.userId)?.path ?? person.path });
    }
    return map;
  });
  protected readonly peopleCount = computed(() => this.session.room()?.members.filter((m) => m.present).length ?? 0);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  protected async load(id = this.id()): Promise<void> {
    const mine = ++this.loads;
    this.session.stop();
    this.session.exit.set(null);
    this.entry.set({ kind: 'loading' });
    const result = await this.api.room(id);
    if (mine !== this.loads) return;
    if (!result.ok) return this.entry.set({ kind: 'problem', problem: result.error });
    const room = result.value;
    if (room.me?.present && room.status !== 'archived') return this.enter(id);
    this.entry.set({ kind: 'outside', room });
  }

  protected async enter(id = this.id()): Promise<void> {
    const mine = ++this.loads;
    const result = await this.session.enter(id);
    if (mine !== this.loads) return;
    if (!result.ok) return this.entry.set({ kind: 'problem', problem: result.error });
    this.entry.set({ kind: 'inside' });
    const file = untracked(this.file);
    if (file) this.openAt.set({ path: file, line: Number(untracked(this.line)) || null });
  }

  protected open(ref: ChatFileRef): void {
    this.openAt.set({ path: ref.path, line: ref.line });
  }

  protected async leave(): Promise<void> {
    const result = await this.api.leave(this.id());
    if (!result.ok) return this.actionError.set(result.error.message);
    this.session.stop();
    await this.router.navigateByUrl('/rooms');
  }

  /** Reopen from inside an archived room: a new session, which the host and moderators then enter again. */
  protected async reopen(): Promise<void> {
    const id = this.id();
    const reopened = await this.api.reopen(id);
    if (!reopened.ok) return this.actionError.set(reopened.error.message);
    const joined = await this.api.join({ roomId: id });
    if (joined.ok) await this.enter(id);
    else await this.load(id);
  }

  protected showAssist(): void {
    this.assistOpened.set(true);
    this.side.set('assist');
  }

  protected onSideKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : -1;
    const next = (SIDE_TABS.indexOf(this.side()) + step + SIDE_TABS.length) % SIDE_TABS.length;
    if (SIDE_TABS[next] === 'assist') this.showAssist();
    else this.side.set(SIDE_TABS[next]!);
    const tabs = (event.currentTarget as HTMLElement).parentElement?.querySelectorAll<HTMLElement>('[role="tab"]');
    tabs?.[next]?.focus();
  }
}
