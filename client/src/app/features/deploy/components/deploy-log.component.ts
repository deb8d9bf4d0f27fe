import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { DatePipe } from '@angular/common';
import type { LogBuffer } from '../models/log-buffer';
import { logStream } from '../models/deploy.models';

/** How close to the bottom (px) still counts as following the log. */
const STICKY_PX = 24;

/**
 * A deployment's log: monospace lines coloured by stream, at most the buffer's cap in the DOM (a note says
 * how many older lines are not shown). Follows new lines unless the reader scrolled up; "Jump to newest"
 * brings them back.
 */
@Component({
  selector: 'app-deploy-log',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="log" #scroller data-testid="deploy-log" role="log" aria-live="off" (scroll)="onScroll()">
      @if (log().dropped) {
        <p class="dropped" data-testid="deploy-log-dropped">
          {{ log().dropped }} earlier lines are not shown.
        </p>
      }
      @for (line of log().lines; track line.seq) {
        <div class="line" data-testid="deploy-log-line" [attr.data-seq]="line.seq" [attr.data-stream]="stream(line.stream)">
          <time [attr.datetime]="line.at">{{ line.at | date: 'HH:mm:ss' }}</time>
          <span class="text">{{ line.text }}</span>
        </div>
      } @empty {
        <p class="empty muted" data-testid="deploy-log-empty">{{ emptyText() }}</p>
      }
    </div>
    @if (!following()) {
      <button type="button" class="button jump" data-testid="deploy-log-jump" (click)="jump()">
        Jump to newest ↓
      </button>
    }
  `,
  styles: `
    :host {
      display: block;
      position: relative;
    }
    .log {
      min-height: 120px;
      max-height: min(60vh, 560px);
      overflow: auto;
      background: #10141c;
      color: #d5dae3;
      font-family: var(--mono);
      font-size: 12.5px;
      line-height: 1.55;
      padding: 10px 0;
      border-radius: 0 0 var(--radius) var(--radius);
    }
    .line {
      display: flex;
      gap: 12px;
      padding: 0 14px;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .line:hover {
      background: rgb(255 255 255 / 4%);
    }
    time {
      flex: none;
      color: #7d8696;
      user-select: none;
    }
    [data-stream='system'] .text {
      color: #9fb4ff;
    }
    [data-stream='provider'] .text {
      color: #e4c56e;
    }
    [data-stream='runtime'] .text {
      color: #7fd6a4;
    }
    .dropped,
    .empty {
      margin: 0;
      padding: 0 14px 6px;
      color: #8d96a6;
      font-family: inherit;
    }
    .jump {
      position: absolute;
      right: 16px;
      bottom: 14px;
      box-shadow: 0 4px 14px rgb(0 0 0 / 30%);
    }
  `,
})
export class DeployLogComponent {
  readonly log = input.required<LogBuffer>();
  readonly emptyText = input('No log lines yet.');
  protected readonly following = signal(true);
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');
  protected readonly stream = logStream;

  constructor() {
    afterRenderEffect({
      write: () => {
        this.log();
        if (this.following()) this.toBottom();
      },
    });
  }

  protected onScroll(): void {
    const el = this.scroller().nativeElement;
    this.following.set(el.scrollHeight - el.scrollTop - el.clientHeight <= STICKY_PX);
  }

  protected jump(): void {
    this.following.set(true);
    this.toBottom();
  }

  private toBottom(): void {
    const el = this.scroller().nativeElement;
    el.scrollTop = el.scrollHeight;
  }
}
