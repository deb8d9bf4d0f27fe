import { computed, signal } from '@angular/core';
import type { ChatMessage } from './chat-text';

/**
 * The chat as the page holds it: pages of history (oldest first), live messages merged by id, an agent's
 * streamed text applied over its message (or kept until the message itself arrives).
 */
export class ChatLog {
  private readonly byId = signal<ReadonlyMap<string, ChatMessage>>(new Map());
  /** Streamed text of messages not seen yet (the stream may overtake the message's creation). */
  private readonly early = new Map<string, string>();
  /** `before` for the previous page; null at the start of the room; undefined before the first page. */
  readonly before = signal<string | null | undefined>(undefined);
  readonly loading = signal(false);

  /** Oldest first. */
  readonly messages = computed(() =>
    [...this.byId().values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
  );
  readonly hasEarlier = computed(() => typeof this.before() === 'string');

  /** A page of history: the newest on load, an earlier one after "Load earlier". */
  addPage(messages: readonly ChatMessage[], before: string | null, older: boolean): void {
    this.merge(messages);
    if (older || this.before() === undefined) this.before.set(before);
  }

  /** A created, edited or deleted message. */
  upsert(message: ChatMessage): void {
    this.merge([message]);
  }

  markDeleted(messageId: string): void {
    const message = this.byId().get(messageId);
    if (message) this.merge([{ ...message, deleted: true, body: '', snippet: null, refs: [] }]);
  }

  /** An agent's answer so far. A finished message is never reopened by a late stream event. */
  stream(messageId: string, text: string): void {
    const message = this.byId().get(messageId);
    if (!message) return void this.early.set(messageId, text);
    if (message.status !== 'streaming') return;
    this.merge([{ ...message, body: text, status: 'streaming' }]);
  }

  clear(): void {
    this.byId.set(new Map());
    this.early.clear();
    this.before.set(undefined);
  }

  private merge(messages: readonly ChatMessage[]): void {
    if (!messages.length) return;
    const next = new Map(this.byId());
    for (const incoming of messages) {
      const early = this.early.get(incoming.id);
      this.early.delete(incoming.id);
      const streaming = incoming.status === 'streaming' && early !== undefined && early.length > incoming.body.length;
      next.set(incoming.id, streaming ? { ...incoming, body: early } : incoming);
    }
    this.byId.set(next);
  }
}
