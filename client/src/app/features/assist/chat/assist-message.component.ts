import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { AssistChatMessage } from '../services/assist-chat-api.service';
import { failedAnswerText } from './assist-chat-error';
import { type Citation, answerBlocks, citationLabel, extraCitations } from './assist-text';

/** Where a citation leads: the file, and the line to show. */
export interface CitationTarget {
  readonly path: string;
  readonly line: number;
}

/**
 * One turn of the chat: the question, or the answer with its code blocks and citations (links that open the
 * file at the line), what it is reading while it streams, and why it failed.
 */
@Component({
  selector: 'atl-assist-message',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './assist-message.component.html',
  styleUrl: './assist-message.component.css',
})
export class AssistMessageComponent {
  readonly message = input.required<AssistChatMessage>();
  /** What the answer is reading now ("reading src/a.ts…"); null when nothing. */
  readonly activity = input<string | null>(null);
  /** Why the answer failed, as the stream said (a stored failure's text is its content). */
  readonly failure = input<string | null>(null);
  /** The page's address, for the citations' hrefs (`?file=…&line=…`). */
  readonly pageUrl = input('');
  readonly cite = output<CitationTarget>();

  protected readonly assistant = computed(() => this.message().role === 'assistant');
  protected readonly streaming = computed(() => this.message().status === 'streaming');
  protected readonly failed = computed(() => this.message().status === 'failed');
  /** The prose shown: a stored failure's content is the failure's text, shown once, below. */
  protected readonly blocks = computed(() => {
    const m = this.message();
    if (m.role !== 'assistant') return [];
    if (this.failed() && !this.failure()) return [];
    return answerBlocks(m.content, m.citations);
  });
  protected readonly extra = computed(() => extraCitations(this.blocks(), this.message().citations));
  protected readonly failureText = computed(() =>
    this.failed() ? (this.failure() ?? failedAnswerText(this.message().errorCode, this.message().content)) : null,
  );
  protected readonly label = citationLabel;

  protected href(c: Citation): string {
    return `${this.pageUrl()}?${new URLSearchParams({ file: c.path, line: String(c.line) }).toString()}`;
  }

  /** A plain click opens the file here; a modified click (new tab) follows the href. */
  protected follow(event: MouseEvent, c: Citation): void {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    this.cite.emit({ path: c.path, line: c.line });
  }
}
