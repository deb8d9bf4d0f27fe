import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
} from '@angular/core';
import { type MemberAction, actionLabel } from '../models/room.models';

/** The actions menu of one member (role, mute, remove, host), keyboard-operable: ↑/↓, Enter, Escape. */
@Component({
  selector: 'app-member-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="menu" role="menu" [attr.aria-label]="label()" data-testid="member-menu" (keydown)="onKey($event)">
      @for (a of actions(); track $index) {
        @if (a.kind === 'mute' && $index > 0 && actions()[$index - 1]?.kind !== 'mute') {
          <li role="separator"></li>
        }
        <li role="none">
          <button
            type="button"
            role="menuitem"
            tabindex="-1"
            data-testid="member-action"
            [attr.data-action]="a.kind === 'role' ? 'role:' + a.role : a.kind === 'mute' ? 'mute:' + a.minutes : a.kind"
            [class.danger]="a.kind === 'kick'"
            (click)="chosen.emit(a)"
          >
            {{ text(a) }}
          </button>
        </li>
      }
    </ul>
  `,
  styles: `
    .menu {
      position: absolute;
      right: 8px;
      top: 100%;
      z-index: 20;
      min-width: 190px;
      margin: 2px 0 0;
      padding: 4px;
      list-style: none;
      background: var(--surface);
      border: 1px solid var(--border);
      border-radius: 6px;
      box-shadow: 0 6px 20px rgb(0 0 0 / 15%);
    }
    [role='menuitem'] {
      display: block;
      width: 100%;
      padding: 5px 8px;
      border: 0;
      border-radius: 4px;
      background: none;
      font: inherit;
      font-size: 13px;
      text-align: left;
      color: var(--text);
      cursor: pointer;
    }
    [role='menuitem']:hover,
    [role='menuitem']:focus-visible {
      background: var(--selected, #eef1fd);
      outline: none;
    }
    [role='menuitem'].danger {
      color: var(--danger);
    }
    [role='separator'] {
      height: 1px;
      margin: 4px 0;
      background: var(--border);
    }
  `,
})
export class MemberMenuComponent {
  readonly actions = input.required<readonly MemberAction[]>();
  readonly label = input('Member actions');
  readonly chosen = output<MemberAction>();
  readonly closed = output<void>();
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly text = actionLabel;

  constructor() {
    afterNextRender(() => this.items()[0]?.focus());
  }

  protected onKey(event: KeyboardEvent): void {
    const items = this.items();
    const at = items.indexOf(event.target as HTMLElement);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      event.preventDefault();
      items[(at + step + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items.at(-1))?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.closed.emit();
    }
  }

  private items(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  }
}
