import { computed, signal } from '@angular/core';
import type { AssistChatMessage } from '../services/assist-chat-api.service';

/**
 * The chat's messages, oldest first, and what the stream says about answers still being written (the text so
 * far, what they are reading, why they failed). Signal state only: the component does the calls.
 */
export class AssistThread {
  private readonly list = signal<readonly AssistChatMessage[]>([]);
  private readonly reading = signal<ReadonlyMap<string, string>>(new Map());
  private readonly failures = signal<ReadonlyMap<string, string>>(new Map());
  readonly messages = this.list.asReadonly();
  /** Whether a page before the first message may exist. */
  readonly hasEarlier = signal(false);
  readonly empty = computed(() => this.list().length === 0);
  readonly streaming = computed(() => this.list().some((m) => m.status === 'streaming'));

  activity(id: string): string | null {
    return this.reading().get(id) ?? null;
  }

  failure(id: string): string | null {
    return this.failures().get(id) ?? null;
  }

  reset(messages: readonly AssistChatMessage[], hasEarlier: boolean): void {
    this.list.set(messages);
    this.hasEarlier.set(hasEarlier);
    this.reading.set(new Map());
    this.failures.set(new Map());
  }

  prepend(older: readonly AssistChatMessage[], hasEarlier: boolean): void {
    const known = new Set(this.list().map((m) => m.id));
    this.list.set([...older.filter((m) => !known.has(m.id)), ...this.list()]);
    this.hasEarlier.set(hasEarlier);
  }

  /** Replaces known messages in place and appends new ones. */
  upsert(messages: readonly AssistChatMessage[]): void {
    const next = [...this.list()];
    for (const message of messages) {
      const at = next.findIndex((m) => m.id === message.id);
      const known = at >= 0 ? next[at]! : null;
      // A page read while an answer streams holds less of it than the stream has shown.
      if (known) next[at] = known.status === 'streaming' && message.status === 'streaming' ? { ...message, content: known.content } : message;
      else next.push(message);
      if (message.status !== 'streaming') this.forget(this.reading, message.id);
    }
    this.list.set(next);
  }

  /** The answer so far (each delta carries the whole text: replace, never append). */
  text(id: string, content: string): void {
    this.patch(id, (m) => (m.status === 'streaming' ? { ...m, content } : m));
    this.forget(this.reading, id);
  }

  tool(id: string, label: string): void {
    this.reading.set(new Map(this.reading()).set(id, label));
  }

  failed(id: string, code: string | null, reason: string): void {
    this.patch(id, (m) => ({ ...m, status: 'failed', errorCode: code ?? m.errorCode }));
    this.failures.set(new Map(this.failures()).set(id, reason));
    this.forget(this.reading, id);
  }

  private patch(id: string, change: (m: AssistChatMessage) => AssistChatMessage): void {
    this.list.set(this.list().map((m) => (m.id === id ? change(m) : m)));
  }

  private forget(map: ReturnType<typeof signal<ReadonlyMap<string, string>>>, id: string): void {
    if (!map().has(id)) return;
    const next = new Map(map());
    next.delete(id);
    map.set(next);
  }
}
