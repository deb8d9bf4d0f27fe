import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { ASSIST_LIMITS } from '@contracts/assist';
import type { Subscription } from 'rxjs';
import { ASSIST_CHAT_PAGE, AssistChatApi, type ChatAvailability } from '../services/assist-chat-api.service';
import { type AssistChatResult, failedAnswerText } from './assist-chat-error';
import { AssistMessageComponent, type CitationTarget } from './assist-message.component';
import { AssistThread } from './assist-thread';

/** Near enough to the bottom that a growing answer keeps the view there. */
const STICK_PX = 80;

/** Questions offered on an empty thread. */
export const STARTER_QUESTIONS = [
  'Where does the app start?',
  'How is the code organised?',
  'What do the tests cover?',
] as const;

/**
 * The project chat: this person's thread about the project's code, answers streaming in (`assistStream`) as
 * the model reads files, citations that open the file at a line (`openCitation`), which model answers (or why
 * chat is off), and Clear. Hosted by the workspace page and the room (which passes its `roomId`).
 */
@Component({
  selector: 'atl-assist-chat',
  imports: [AssistMessageComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assist-chat.component.html',
  styleUrl: './assist-chat.component.css',
})
export class AssistChatComponent {
  readonly projectId = input.required<string>();
  /** The coding room the question is asked from (checked by the server: a room of this project you are in). */
  readonly roomId = input<string | undefined>(undefined);
  readonly openCitation = output<CitationTarget>();

  private readonly api = inject(AssistChatApi);
  private readonly router = inject(Router);
  private readonly list = viewChild<ElementRef<HTMLElement>>('list');
  private readonly box = viewChild<ElementRef<HTMLTextAreaElement>>('box');
  protected readonly thread = new AssistThread();
  protected readonly state = signal<'loading' | 'ready' | { readonly error: string }>('loading');
  protected readonly capability = signal<AssistChatResult<ChatAvailability> | null>(null);
  protected readonly draft = signal('');
  protected readonly sending = signal(false);
  protected readonly loadingEarlier = signal(false);
  protected readonly confirmingClear = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly starters = STARTER_QUESTIONS;
  protected readonly max = ASSIST_LIMITS.chatMessageMax;
  private readonly streams = new Map<string, Subscription>();
  private loads = 0;

  protected readonly chat = computed(() => {
    const result = this.capability();
    return result?.ok ? result.value : null;
  });
  /** Why the box is closed: chat off (the server's reason) or the thread unreadable. */
  protected readonly closedReason = computed(() => {
    const chat = this.chat();
    if (chat && !chat.available) return 'Chat is off until a model can answer.';
    const state = this.state();
    return typeof state === 'object' ? 'The chat could not be read.' : null;
  });
  protected readonly tooLong = computed(() => this.draft().length > this.max);
  protected readonly canSend = computed(
    () => !this.closedReason() && !this.sending() && !this.tooLong() && !!this.draft().trim() && this.state() === 'ready',
  );
  protected readonly pageUrl = computed(() => {
    this.thread.messages();
    return this.router.url.split(/[?#]/)[0] ?? '';
  });

  constructor() {
    effect(() => {
      const projectId = this.projectId();
      untracked(() => void this.load(projectId));
    });
    // A growing answer keeps the view at the bottom if it was there; reading back is not interrupted.
    let last = '';
    effect(() => {
      const messages = this.thread.messages();
      const tail = messages.at(-1);
      const key = `${messages.length}:${tail?.id}:${tail?.content.length}:${tail?.status}`;
      const first = !last;
      if (key === last) return;
      last = key;
      untracked(() => {
        const list = this.list()?.nativeElement;
        if (!list) return;
        const near = list.scrollHeight - list.scrollTop - list.clientHeight < STICK_PX;
        if (first || near) queueMicrotask(() => (list.scrollTop = list.scrollHeight));
      });
    });
    inject(DestroyRef).onDestroy(() => this.stopAll());
  }

  protected async load(projectId = this.projectId()): Promise<void> {
    const mine = ++this.loads;
    this.stopAll();
    this.state.set('loading');
    this.error.set(null);
    this.confirmingClear.set(false);
    void this.readCapabilities(projectId, mine);
    const result = await this.api.thread(projectId);
    if (mine !== this.loads) return;
    if (!result.ok) return this.state.set({ error: result.error.message });
    this.thread.reset(result.value, result.value.length >= ASSIST_CHAT_PAGE);
    this.state.set('ready');
    for (const m of result.value) if (m.role === 'assistant' && m.status === 'streaming') this.follow(m.id);
  }

  protected async loadEarlier(): Promise<void> {
    const first = this.thread.messages()[0];
    if (!first || this.loadingEarlier()) return;
    const list = this.list()?.nativeElement;
    const from = list ? list.scrollHeight - list.scrollTop : 0;
    this.loadingEarlier.set(true);
    const mine = this.loads;
    const result = await this.api.thread(this.projectId(), first.id);
    this.loadingEarlier.set(false);
    if (mine !== this.loads) return;
    if (!result.ok) return this.error.set(result.error.message);
    this.thread.prepend(result.value, result.value.length >= ASSIST_CHAT_PAGE);
    if (list) queueMicrotask(() => (list.scrollTop = list.scrollHeight - from));
  }

  protected async send(): Promise<void> {
    if (!this.canSend()) return;
    const mine = this.loads;
    this.sending.set(true);
    const result = await this.api.ask(this.projectId(), this.draft().trim(), this.roomId() ?? null);
    this.sending.set(false);
    if (mine !== this.loads) return;
    if (!result.ok) {
      this.error.set(result.error.message);
      if (result.error.code === 'MODEL_NOT_AVAILABLE') void this.readCapabilities(this.projectId(), mine);
      return;
    }
    this.error.set(null);
    this.draft.set('');
    this.thread.upsert([result.value.question, result.value.reply]);
    if (result.value.reply.status === 'streaming') this.follow(result.value.reply.id);
    this.box()?.nativeElement.focus();
  }

  protected onKey(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  }

  protected ask(question: string): void {
    this.draft.set(question);
    this.box()?.nativeElement.focus();
  }

  protected async clear(): Promise<void> {
    this.confirmingClear.set(false);
    const mine = this.loads;
    const result = await this.api.clear(this.projectId());
    if (mine !== this.loads) return;
    if (!result.ok) return this.error.set(result.error.message);
    this.stopAll();
    this.error.set(null);
    this.thread.reset([], false);
  }

  private async readCapabilities(projectId: string, mine: number): Promise<void> {
    const result = await this.api.capabilities(projectId);
    if (mine === this.loads) this.capability.set(result);
  }

  /** Follows one answer until it is ready (then reads it back with its citations) or failed. */
  private follow(id: string): void {
    if (this.streams.has(id)) return;
    const mine = this.loads;
    const sub = this.api.follow(id).subscribe({
      next: (update) => {
        if (mine !== this.loads) return;
        if (update.kind === 'text') this.thread.text(id, update.text);
        else if (update.kind === 'tool') this.thread.tool(id, update.label);
        else if (update.kind === 'failed') this.thread.failed(id, update.code, failedAnswerText(update.code, update.message));
      },
      complete: () => {
        this.streams.delete(id);
        if (mine === this.loads && this.thread.failure(id) === null) void this.reread(mine);
      },
    });
    if (!sub.closed) this.streams.set(id, sub);
  }

  /** The newest page again: final texts, statuses and citations of the answers that just finished. */
  private async reread(mine: number): Promise<void> {
    const result = await this.api.thread(this.projectId());
    if (mine === this.loads && result.ok) this.thread.upsert(result.value);
  }

  private stopAll(): void {
    for (const sub of this.streams.values()) sub.unsubscribe();
    this.streams.clear();
  }
}
