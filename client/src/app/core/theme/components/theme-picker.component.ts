import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
  Injector,
} from '@angular/core';
import type { Theme } from '@contracts/themes';
import { ThemeService } from '../theme.service';

let nextId = 0;

/**
 * Choosing a theme: the twelve themes as radio buttons with colour swatches (arrow keys move through
 * them), the effects switch and, in a room, whether to follow the host's theme. `inline` shows it open
 * (account settings); otherwise a small button in the top bar opens it.
 */
@Component({
  selector: 'app-theme-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './theme-picker.component.html',
  styleUrl: './theme-picker.component.css',
  host: { '(document:click)': 'closeOutside($event)' },
})
export class ThemePickerComponent {
  protected readonly theme = inject(ThemeService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly toggle = viewChild<ElementRef<HTMLButtonElement>>('toggle');

  /** Always open, as a section of a page, instead of a button that opens it. */
  readonly inline = input(false);
  protected readonly id = `theme-picker-${++nextId}`;
  protected readonly open = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly groups = [
    { label: 'Light', themes: this.theme.themes.filter((t) => !t.dark) },
    { label: 'Dark', themes: this.theme.themes.filter((t) => t.dark) },
  ];
  /** The host's theme while it replaces the own one. */
  protected readonly showingRoom = computed(() =>
    this.theme.followRoomTheme() ? this.theme.roomTheme() : null,
  );

  /** Page, panel, accent and top bar colours: enough to recognise a theme at a glance. */
  protected swatch(theme: Theme): string {
    const c = theme.css;
    return `linear-gradient(135deg, ${c['--topbar-bg']} 0 30%, ${c['--bg']} 30% 55%, ${c['--accent']} 55% 80%, ${c['--link']} 80%)`;
  }

  protected async choose(themeId: string): Promise<void> {
    this.error.set(null);
    const result = await this.theme.choose(themeId);
    if (!result.ok) this.error.set(result.error.message);
  }

  protected toggleOpen(): void {
    this.open.update((open) => !open);
    if (!this.open()) return;
    // Into the list at the current theme, as a native select would.
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector<HTMLInputElement>('input[type=radio]:checked')
          ?.focus(),
      { injector: this.injector },
    );
  }

  protected close(): void {
    if (this.inline() || !this.open()) return;
    this.open.set(false);
    this.toggle()?.nativeElement.focus();
  }

  protected closeOutside(event: Event): void {
    if (this.open() && !this.host.nativeElement.contains(event.target as Node))
      this.open.set(false);
  }

  protected checked(event: Event): boolean {
    return (event.target as HTMLInputElement).checked;
  }
}
