import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type PresenceEntry, textOn } from '../models/presence.models';

/**
 * The avatar stack: who is in the project (people, then agents with a robot badge), each with initials in
 * their colour and a tooltip naming them and the file they have open; past `max`, a "+N" with the rest.
 */
@Component({
  selector: 'app-presence-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="stack" data-testid="presence-bar" aria-label="People and agents in this project">
      @for (entry of shown(); track entry.key) {
        <li
          class="avatar"
          tabindex="0"
          data-testid="presence-avatar"
          [class.agent]="entry.kind === 'agent'"
          [class.self]="entry.self"
          [attr.data-kind]="entry.kind"
          [attr.data-name]="entry.name"
          [attr.aria-label]="describe(entry)"
          [style.background]="entry.color"
          [style.color]="textOn(entry.color)"
        >
          {{ entry.initials }}
          @if (entry.kind === 'agent') {
            <svg class="robot" viewBox="0 0 16 16" aria-hidden="true" data-testid="agent-badge">
              <rect x="7" y="0" width="2" height="3" rx="1" />
              <path
                fill-rule="evenodd"
                d="M5 3h6a4 4 0 0 1 4 4v4a4 4 0 0 1-4 4H5a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4Zm.5 4.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Zm5 0a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z"
              />
            </svg>
          }
          <span class="tip" role="tooltip">{{ describe(entry) }}</span>
        </li>
      }
      @if (hidden().length) {
        <li
          class="avatar more"
          tabindex="0"
          data-testid="presence-more"
          [attr.aria-label]="moreLabel()"
        >
          +{{ hidden().length }}
          <span class="tip" role="tooltip">{{ moreLabel() }}</span>
        </li>
      }
    </ul>
  `,
  styles: `
    .stack {
      display: flex;
      align-items: center;
      margin: 0;
      padding: 0 0 0 6px;
      list-style: none;
    }
    .avatar {
      position: relative;
      display: grid;
      place-items: center;
      width: 30px;
      height: 30px;
      margin-left: -6px;
      border: 2px solid var(--surface);
      border-radius: 50%;
      font-size: 11px;
      font-weight: 700;
      cursor: default;
      outline: none;
    }
    .avatar.agent {
      border-radius: 8px;
    }
    .avatar.more {
      background: var(--neutral-bg);
      color: var(--text-soft);
    }
    .avatar:focus-visible {
      box-shadow: 0 0 0 2px var(--accent);
    }
    .robot {
      position: absolute;
      right: -5px;
      bottom: -5px;
      width: 15px;
      height: 15px;
      padding: 2px;
      border-radius: 50%;
      background: var(--surface);
      fill: var(--text-soft);
      box-shadow: 0 0 0 1px var(--border);
    }
    .tip {
      display: none;
      position: absolute;
      top: calc(100% + 6px);
      right: 0;
      z-index: 20;
      padding: 4px 8px;
      border-radius: 6px;
      background: #151a24;
      color: #fff;
      font-size: 12px;
      font-weight: 500;
      white-space: pre;
      pointer-events: none;
    }
    .avatar:hover .tip,
    .avatar:focus .tip {
      display: block;
    }
  `,
})
export class PresenceBarComponent {
  readonly entries = input.required<readonly PresenceEntry[]>();
  /** Avatars shown before "+N". */
  readonly max = input(5);

  protected readonly shown = computed(() => this.entries().slice(0, this.max()));
  protected readonly hidden = computed(() => this.entries().slice(this.max()));
  protected readonly moreLabel = computed(() => this.hidden().map(describe).join('\n'));
  protected readonly textOn = textOn;
  protected readonly describe = describe;
}

/** "Ada (you) · src/app.ts", "The coder (agent) · editing src/db.ts". */
function describe(entry: PresenceEntry): string {
  const who = entry.self
    ? `${entry.name} (you)`
    : entry.kind === 'agent'
      ? `${entry.name} (agent)`
      : entry.name;
  if (!entry.paths.length) return `${who} · no file open`;
  return `${who} · ${entry.kind === 'agent' ? 'editing ' : ''}${entry.paths.join(', ')}`;
}
