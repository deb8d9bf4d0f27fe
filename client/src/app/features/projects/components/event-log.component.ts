import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  input,
  viewChild,
} from '@angular/core';
import type { ProjectEvent } from '../models/project.models';
import type { StreamState } from '../services/project-event-stream.service';

const STATE_LABEL: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
};

/** The run's events as they happen; follows the newest event unless the reader scrolled up. */
@Component({
  selector: 'app-event-log',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel-header">
      <h2>Events</h2>
      <span class="stream-state" [attr.data-state]="state()">{{ stateLabel[state()] }}</span>
    </div>
    <ol class="event-log" data-testid="event-log" #log aria-live="polite" (scroll)="onScroll(log)">
      @for (event of events(); track event.id) {
        <li
          class="event"
          data-testid="event-item"
          [attr.data-event-type]="event.type"
          [attr.data-event-id]="event.id"
        >
          <time [attr.datetime]="event.at">{{ event.at | date: 'HH:mm:ss' }}</time>
          <span class="event-type" [class]="'event-type type-' + event.type.split('.')[0]">{{
            event.type
          }}</span>
          <span class="event-message">{{ event.message }}</span>
        </li>
      } @empty {
        <li class="event-empty">No events yet.</li>
      }
    </ol>
  `,
})
export class EventLogComponent {
  readonly events = input.required<readonly ProjectEvent[]>();
  readonly state = input<StreamState>('connecting');
  protected readonly stateLabel = STATE_LABEL;
  private readonly log = viewChild.required<ElementRef<HTMLElement>>('log');
  private following = true;

  constructor() {
    afterRenderEffect(() => {
      this.events();
      const el = this.log().nativeElement;
      if (this.following) el.scrollTop = el.scrollHeight;
    });
  }

  /** Called on scroll: keep following only while the reader is at the bottom. */
  protected onScroll(el: HTMLElement): void {
    this.following = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
  }
}
