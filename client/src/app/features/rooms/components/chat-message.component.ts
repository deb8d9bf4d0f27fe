import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { ROOM_LIMITS } from '@contracts/rooms';
import { type ChatFileRef, type ChatMessage, chatSegments, extraRefs, refLabel } from '../models/chat-text';

/**
 * One chat message: its text with file references as links (they open the file at that line) and
 * @mentions marked, a code snippet in a monospace block, an agent's answer as it streams in, and the
 * author's Edit and Delete (moderators may delete others' messages).
 */
@Component({
  selector: 'app-chat-message',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-message.component.html',
  styleUrl: './chat-message.component.css',
})
export class ChatMessageComponent {
  readonly message = input.required<ChatMessage>();
  /** The caller wrote it: Edit and Delete. */
  readonly mine = input(false);
  /** The caller may delete it as a moderator. */
  readonly canModerate = input(false);
  /** Whether the message mentions the caller (it stands out). */
  readonly mentionsMe = input(false);
  /** People's display names and agent roles, to mark @mentions. */
  readonly names = input<readonly string[]>([]);
  /** The room page's address, for the references' hrefs (`?file=…&line=…`). */
  readonly roomUrl = input('');
  readonly openRef = output<ChatFileRef>();
  readonly edit = output<string>();
  readonly remove = output<void>();

  protected readonly editing = signal(false);
  protected readonly draft = signal('');
  protected readonly max = ROOM_LIMITS.messageMax;
  protected readonly segments = computed(() => {
    const m = this.message();
    return chatSegments(m.body, m.refs, this.names());
  });
  protected readonly extra = computed(() => extraRefs(this.segments(), this.message().refs));
  protected readonly streaming = computed(() => this.message().status === 'streaming');
  protected readonly canEdit = computed(
    () => this.mine() && this.message().authorKind === 'user' && !this.message().deleted,
  );
  protected readonly canDelete = computed(
    () => (this.mine() || this.canModerate()) && this.message().authorKind !== 'system' && !this.message().deleted,
  );
  protected readonly refLabel = refLabel;

  protected href(ref: { path: string; line: number | null }): string {
    const query = new URLSearchParams({ file: ref.path, ...(ref.line ? { line: String(ref.line) } : {}) });
    return `${this.roomUrl()}?${query.toString()}`;
  }

  /** A plain click opens the file here; a modified click (new tab) follows the href. */
  protected follow(event: MouseEvent, ref: ChatFileRef): void {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.openRef.emit({ path: ref.path, line: ref.line });
  }

  protected startEdit(): void {
    this.draft.set(this.message().body);
    this.editing.set(true);
  }

  protected saveEdit(): void {
    const body = this.draft().trim();
    if (!body || body.length > this.max) return;
    this.editing.set(false);
    if (body !== this.message().body) this.edit.emit(body);
  }

  protected onEditKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.editing.set(false);
    else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      this.saveEdit();
    }
  }
}
