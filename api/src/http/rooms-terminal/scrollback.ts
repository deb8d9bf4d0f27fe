/**
 * The last `maxChars` of a terminal's output, replayed to someone who attaches later so they see what
 * happened. Bounded in characters (a close stand-in for bytes: output is mostly ASCII).
 */
export class Scrollback {
  private chunks: string[] = [];
  private size = 0;
  private trimmed = false;

  constructor(private readonly maxChars: number) {}

  push(chunk: string): void {
    if (this.maxChars <= 0) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.maxChars) {
      const first = this.chunks[0]!;
      const excess = this.size - this.maxChars;
      if (first.length <= excess) {
        this.chunks.shift();
        this.size -= first.length;
      } else {
        this.chunks[0] = first.slice(excess);
        this.size -= excess;
      }
      this.trimmed = true;
    }
  }

  /**
   * The kept output. Once trimmed, it starts after the first line break, so a replay does not begin in the
   * middle of an escape sequence (a half sequence would print garbage or swallow the next characters).
   */
  text(): string {
    const all = this.chunks.join('');
    this.chunks = all ? [all] : [];
    if (!this.trimmed) return all;
    const cut = all.indexOf('\n');
    return cut >= 0 && cut < 4096 ? all.slice(cut + 1) : all;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.trimmed = false;
  }
}
