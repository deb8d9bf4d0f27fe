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

  /** A tiny window in the theme's colours: top bar, page, two lines of text and a button. */
  protected swatch(theme: Theme): string {
    const c = theme.css;
    const block = (colour: string, at: string) =>
      `linear-gradient(${colour}, ${colour}) ${at} no-repeat`;
    return [
      block(c['--topbar-bg'], 'top / 100% 28%'),
      block(c['--text'], 'left 18% top 45% / 45% 9%'),
      block(c['--muted'], 'left 18% top 64% / 30% 9%'),
      block(c['--accent'], 'right 12% bottom 14% / 28% 22%'),
      c['--bg'],
    ].join(', ');
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
