import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  computed,
  input,
  viewChild,
} from '@angular/core';
import { ModelCallEntryComponent } from '../../models/components/model-call-entry.component';
import { toLogEntries } from '../../models/models/event-log-entries';
import { EventType } from '@contracts/events';
import type { ProjectEvent } from '../models/project.models';
import type { StreamState } from '../services/project-event-stream.service';

const STATE_LABEL: Record<StreamState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  failed: 'Disconnected',
};

/**
 * The run's events as they happen; follows the newest event unless the reader scrolled up. The events of
 * one model call fold into a single entry whose text streams in place.
 */
@Component({
  selector: 'app-event-log',
  imports: [DatePipe, ModelCallEntryComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel-header">
      <h2>Events</h2>
      <span class="stream-state" [attr.data-state]="state()">{{ stateLabel[state()] }}</span>
    </div>
    <ol class="event-log" data-testid="event-log" #log aria-live="polite" (scroll)="onScroll(log)">
      @for (entry of entries(); track entry.id) {
        @if (entry.kind === 'model') {
          <li
            class="event model-call"
            data-testid="model-call"
            [attr.data-call-key]="entry.call.callKey"
            [attr.data-role]="entry.call.role"
            [attr.data-state]="entry.call.result ? 'completed' : 'streaming'"
            [attr.data-offline]="entry.call.result?.offline ?? null"
            [attr.aria-busy]="!entry.call.result"
          >
            <time [attr.datetime]="entry.at">{{ entry.at | date: 'HH:mm:ss' }}</time>
            <span class="event-type type-model">model</span>
            <app-model-call-entry class="event-message" [call]="entry.call" />
          </li>
        } @else {
          @let event = entry.event;
          <li
            class="event"
            data-testid="event-item"
            [attr.data-event-type]="event.type"
            [attr.data-event-id]="event.id"
            [attr.data-cancelled]="isCancelled(event) || null"
          >
            <time [attr.datetime]="event.at">{{ event.at | date: 'HH:mm:ss' }}</time>
            <span class="event-type" [class]="'event-type type-' + event.type.split('.')[0]">{{
              event.type
            }}</span>
            <span class="event-message">{{ event.message }}</span>
          </li>
        }
      } @empty {
        <li class="event-empty">No events yet.</li>
      }
    </ol>
  `,
})
export class EventLogComponent {
  readonly events = input.required<readonly ProjectEvent[]>();
  readonly state = input<StreamState>('connecting');
  protected readonly entries = computed(() => toLogEntries(this.events()));
  protected readonly stateLabel = STATE_LABEL;

  /** A cancelled run ends with run.failed marked `cancelled`: shown in grey, not as a failure. */
  protected isCancelled(event: ProjectEvent): boolean {
    const data = event.data as { cancelled?: unknown } | null | undefined;
    return event.type === EventType.RUN_FAILED && data?.cancelled === true;
  }
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
