import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  output,
} from '@angular/core';

export type TreeMenuAction =
  | 'open'
  | 'new-file'
  | 'new-folder'
  | 'upload'
  | 'rename'
  | 'move'
  | 'delete';

interface MenuItem {
  readonly action: TreeMenuAction;
  readonly label: string;
  readonly key?: string;
}

/**
 * The actions of one tree row (right click, Shift+F10, the row's ⋯ button), at the pointer. Arrow keys
 * move between items; Escape or a click outside closes it.
 */
@Component({
  selector: 'app-tree-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:pointerdown)': 'onOutside($event)',
    '(window:resize)': 'closed.emit()',
  },
  template: `
    <div
      class="tree-menu"
      role="menu"
      data-testid="tree-menu"
      [attr.aria-label]="'Actions for ' + name()"
      [style.left.px]="x()"
      [style.top.px]="y()"
      (keydown)="onKeydown($event)"
    >
      @for (item of items(); track item.action) {
        <button
          type="button"
          role="menuitem"
          tabindex="-1"
          [class.danger]="item.action === 'delete'"
          [attr.data-testid]="'menu-' + item.action"
          (click)="chosen.emit(item.action)"
        >
          <span>{{ item.label }}</span>
          @if (item.key) {
            <kbd>{{ item.key }}</kbd>
          }
        </button>
      }
      @if (download()) {
        <a role="menuitem" tabindex="-1" data-testid="menu-download" [href]="download()" download
          >Download</a
        >
      }
    </div>
  `,
  styleUrl: './tree-menu.component.css',
})
export class TreeMenuComponent {
  readonly name = input.required<string>();
  readonly kind = input.required<'file' | 'folder'>();
  readonly canEdit = input.required<boolean>();
  /** The file's raw URL; folders have none. */
  readonly download = input<string | null>(null);
  readonly x = input.required<number>();
  readonly y = input.required<number>();
  readonly chosen = output<TreeMenuAction>();
  readonly closed = output<void>();

  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);

  protected readonly items = computed((): MenuItem[] => {
    const edit = this.canEdit();
    const file = this.kind() === 'file';
    return [
      ...(file ? [{ action: 'open', label: 'Open', key: 'Enter' } as const] : []),
      ...(edit && !file
        ? ([
            { action: 'new-file', label: 'New file here' },
            { action: 'new-folder', label: 'New folder here' },
            { action: 'upload', label: 'Upload here…' },
          ] as const)
        : []),
      ...(edit
        ? ([
            { action: 'rename', label: 'Rename', key: 'F2' },
            { action: 'move', label: 'Move to…' },
            { action: 'delete', label: 'Delete', key: 'Del' },
          ] as const)
        : []),
    ];
  });

  constructor() {
    afterNextRender(() => {
      // Kept inside the window when opened near its right or bottom edge.
      const menu = this.host.nativeElement.querySelector<HTMLElement>('.tree-menu');
      const box = menu?.getBoundingClientRect();
      if (menu && box) {
        menu.style.left = `${Math.max(4, Math.min(box.left, innerWidth - box.width - 4))}px`;
        menu.style.top = `${Math.max(4, Math.min(box.top, innerHeight - box.height - 4))}px`;
      }
      this.entries()[0]?.focus();
    });
  }

  protected onKeydown(event: KeyboardEvent): void {
    const entries = this.entries();
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) entries[(at + step + entries.length) % entries.length]?.focus();
    else if (event.key === 'Home') entries[0]?.focus();
    else if (event.key === 'End') entries.at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') this.closed.emit();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  protected onOutside(event: Event): void {
    if (!this.host.nativeElement.contains(event.target as Node)) this.closed.emit();
  }

  private entries(): HTMLElement[] {
    return Array.from(this.host.nativeElement.querySelectorAll<HTMLElement>('[role="menuitem"]'));
  }
}
