import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, linkedSignal, signal } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import {
  DEFAULT_THEME_ID,
  SYSTEM_THEMES,
  type MonacoThemeData,
  type Theme,
  themeById,
} from '@contracts/themes';
import { SetThemeDocument } from '../../generated/theme';
import { toResult } from '../apollo-result';
import { AuthSession } from '../auth/auth-session.service';
import type { Result } from '../user-facing-error';
import { PREFERS_REDUCED_MOTION, THEME_STORAGE } from './theme.tokens';

/** Per-browser settings (the own theme is also saved on the account; this copy paints before it loads). */
export const THEME_KEYS = {
  own: 'atelier.theme',
  followRoom: 'atelier.theme.followRoom',
  effects: 'atelier.theme.effects',
  /** The colours last painted, for `public/theme-boot.js` to paint before the app loads. */
  paint: 'atelier.theme.paint',
} as const;

/** Monaco's theme data as its `defineTheme` takes it (mutable arrays). */
export type MonacoThemeInput = Omit<MonacoThemeData, 'rules' | 'colors'> & {
  rules: { token: string; foreground?: string; background?: string; fontStyle?: string }[];
  colors: Record<string, string>;
};

/** The two calls of Monaco's namespace the service makes; editors pass `monaco` itself. */
export interface MonacoThemeHost {
  readonly editor: {
    defineTheme(name: string, data: MonacoThemeInput): void;
    setTheme(name: string): void;
  };
}

/**
 * The app's theme: the user's own (saved on their account), or the room host's while in a room and
 * following it. Applies the effective theme's colours to `<html>` and to Monaco once an editor loaded it,
 * and holds the effects settings (particles and sound: off by default, never under reduced motion).
 */
@Injectable({ providedIn: 'root' })
export class ThemeService {
  private readonly session = inject(AuthSession);
  private readonly apollo = inject(Apollo);
  private readonly storage = inject(THEME_STORAGE);
  private readonly root = inject(DOCUMENT).documentElement;
  private readonly room = signal<Theme | null>(null);
  private readonly follow = signal(this.storage.getItem(THEME_KEYS.followRoom) !== 'false');
  private readonly effects = signal(this.storage.getItem(THEME_KEYS.effects) === 'true');
  private monaco: MonacoThemeHost | null = null;

  /** Every theme the user may choose. */
  readonly themes = SYSTEM_THEMES;
  private readonly ownChoice = linkedSignal<Theme>(
    () =>
      themeById(this.session.viewer()?.themeId) ??
      themeById(this.storage.getItem(THEME_KEYS.own)) ??
      themeById(DEFAULT_THEME_ID)!,
  );
  /**
   * The user's own theme: the account's saved one once the viewer is known, else this browser's last one,
   * else the default. Changed by `choose`.
   */
  readonly own = this.ownChoice.asReadonly();
  /** The host's theme of the room the user is in, or null outside rooms (see `setRoomTheme`). */
  readonly roomTheme = this.room.asReadonly();
  /** Whether the host's theme replaces the own one in a room (per browser; default true). */
  readonly followRoomTheme = this.follow.asReadonly();
  /** What the app shows: the room's theme if following one, else the own. */
  readonly effective = computed(() => (this.follow() && this.room()) || this.own());
  /** The system asks for reduced motion: effects stay off whatever the setting says. */
  readonly reducedMotion = inject(PREFERS_REDUCED_MOTION);
  /** The user's effects setting (per browser; default off). */
  readonly effectsEnabled = this.effects.asReadonly();
  /** Whether particles and sound may run now. */
  readonly effectsActive = computed(() => this.effects() && !this.reducedMotion());
  /** The Monaco theme of the effective theme, under a name of its own. */
  readonly monacoTheme = computed(() => ({
    name: `atelier-${this.effective().id}`,
    data: this.effective().monaco,
  }));

  constructor() {
    effect(() => this.paint(this.effective()));
    effect(() => this.applyMonaco());
    effect(() => this.storage.setItem(THEME_KEYS.own, this.own().id));
  }

  /**
   * Makes `themeId` the user's own theme at once and saves it on their account (signed out: in this
   * browser only). A failed save puts the previous theme back and returns the error to show.
   */
  async choose(themeId: string): Promise<Result<Theme>> {
    const theme = themeById(themeId);
    if (!theme) {
      const message = 'There is no such theme.';
      return {
        ok: false,
        error: { code: 'BAD_USER_INPUT', message, fieldErrors: { themeId: message } },
      };
    }
    const before = this.own();
    this.ownChoice.set(theme);
    if (!this.session.viewer()) return { ok: true, value: theme };
    const saved = await firstValueFrom(
      toResult(
        this.apollo.mutate({ mutation: SetThemeDocument, variables: { themeId } }),
        (data) => data.setTheme,
      ),
    );
    if (saved.ok) return { ok: true, value: theme };
    // Only undo this choice: a later one may have replaced it meanwhile.
    if (this.own() === theme) this.ownChoice.set(before);
    return saved;
  }

  /** The room's host theme (the rooms feature calls this on joining and on changes); null on leaving. */
  setRoomTheme(themeId: string | null): void {
    this.room.set(themeById(themeId) ?? null);
  }

  /** Whether to show the host's theme in rooms; remembered in this browser. */
  setFollowRoomTheme(follow: boolean): void {
    this.follow.set(follow);
    this.storage.setItem(THEME_KEYS.followRoom, String(follow));
  }

  /** Turns particles and sound on or off; remembered in this browser. */
  setEffectsEnabled(enabled: boolean): void {
    this.effects.set(enabled);
    this.storage.setItem(THEME_KEYS.effects, String(enabled));
  }

  /**
   * Gives the service Monaco once a lazy chunk loaded it: the effective theme is defined and set now and
   * on every change. Monaco's theme is global, so every editor follows.
   */
  attachMonaco(monaco: MonacoThemeHost): void {
    this.monaco = monaco;
    this.applyMonaco();
  }

  private applyMonaco(): void {
    const { name, data } = this.monacoTheme();
    if (!this.monaco) return;
    this.monaco.editor.defineTheme(name, {
      ...data,
      rules: data.rules.map((rule) => ({ ...rule })),
      colors: { ...data.colors },
    });
    this.monaco.editor.setTheme(name);
  }

  private paint(theme: Theme): void {
    for (const [name, value] of Object.entries(theme.css)) this.root.style.setProperty(name, value);
    this.root.style.colorScheme = theme.dark ? 'dark' : 'light';
    this.root.dataset['theme'] = theme.id;
    this.storage.setItem(THEME_KEYS.paint, JSON.stringify({ css: theme.css, dark: theme.dark }));
  }
}
