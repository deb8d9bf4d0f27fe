import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { ROOM_LIMITS } from '@contracts/rooms';
import { type MentionOption, applyMention, mentionAt, mentionOptions } from '../models/mention-complete';

/** What a send carries. */
export interface ChatDraft {
  readonly body: string;
  readonly snippet: { readonly language: string; readonly code: string } | null;
}

/** The snippet's languages (Monaco's ids, so a future viewer can colour them). */
export const SNIPPET_LANGUAGES = [
  'typescript', 'javascript', 'json', 'html', 'css', 'python', 'shell', 'sql', 'markdown', 'yaml', 'go', 'rust',
  'java', 'plaintext',
] as const;

let nextId = 0;

/**
 * The chat box: Enter sends, Shift+Enter starts a new line; `@` suggests people and agents (↑/↓, Enter or
 * Tab picks, Escape closes); "Snippet" adds a code block with its language. Disabled, with the reason, when
 * the caller may not chat (muted until a time, a viewer, an archived room).
 */
@Component({
  selector: 'app-chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-composer.component.html',
  styleUrl: './chat-composer.component.css',
})
export class ChatComposerComponent {
  /** People to suggest after `@` (agents are always suggested). */
  readonly people = input<readonly { readonly displayName: string }[]>([]);
  /** Why the box is disabled; null when the caller may chat. */
  readonly disabledReason = input<string | null>(null);
  /** Sends a draft; resolves true once the server took it (the box is then cleared). */
  readonly submit = input.required<(draft: ChatDraft) => Promise<boolean>>();

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  protected readonly listId = `mention-list-${++nextId}`;
  protected readonly text = signal('');
  protected readonly snippetOn = signal(false);
  protected readonly language = signal<string>('typescript');
  protected readonly code = signal('');
  protected readonly sending = signal(false);
  protected readonly caret = signal(0);
  protected readonly active = signal(0);
  protected readonly dismissed = signal<number | null>(null);
  protected readonly languages = SNIPPET_LANGUAGES;
  protected readonly max = ROOM_LIMITS.messageMax;

  protected readonly mention = computed(() => {
    const at = mentionAt(this.text(), this.caret());
    return at && at.start !== this.dismissed() ? at : null;
  });
  protected readonly options = computed((): MentionOption[] => {
    const at = this.mention();
    return at ? mentionOptions(at.query, this.people()) : [];
  });
  protected readonly tooLong = computed(() => this.text().length > this.max);
  protected readonly canSend = computed(
    () => !this.disabledReason() && !this.sending() && !this.tooLong() && (!!this.text().trim() || (this.snippetOn() && !!this.code().trim())),
  );

  protected onInput(event: Event): void {
    const area = event.target as HTMLTextAreaElement;
    this.text.set(area.value);
    this.caret.set(area.selectionStart ?? area.value.length);
    this.active.set(0);
  }

  protected onCaret(event: Event): void {
    const area = event.target as HTMLTextAreaElement;
    this.caret.set(area.selectionStart ?? area.value.length);
  }

  protected onKey(event: KeyboardEvent): void {
    const options = this.options();
    if (options.length) {
      const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (step) {
        event.preventDefault();
        return this.active.set((this.active() + step + options.length) % options.length);
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        return this.pick(options[this.active()] ?? options[0]!);
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        return this.dismissed.set(this.mention()?.start ?? null);
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  }

  protected pick(option: MentionOption): void {
    const at = this.mention();
    if (!at) return;
    const next = applyMention(this.text(), { start: at.start, caret: this.caret() }, option.insert);
    this.text.set(next.text);
    this.caret.set(next.caret);
    const area = this.box().nativeElement;
    area.value = next.text;
    area.focus();
    area.setSelectionRange(next.caret, next.caret);
  }

  protected async send(): Promise<void> {
    if (!this.canSend()) return;
    const snippet = this.snippetOn() && this.code().trim() ? { language: this.language(), code: this.code() } : null;
    this.sending.set(true);
    const sent = await this.submit()({ body: this.text().trim() || `(${this.language()} snippet)`, snippet });
    this.sending.set(false);
    if (!sent) return;
    this.text.set('');
    this.code.set('');
    this.snippetOn.set(false);
    this.box().nativeElement.value = '';
    this.box().nativeElement.focus();
  }
}
