/**
 * The one place the rooms feature meets the app's themes (core/theme/theme.service.ts, built alongside):
 * the room page tells it the host's theme and shows its picker, through this adapter only. Until the lead
 * wires `ROOM_THEME` to ThemeService, the default keeps the choice in a signal and applies nothing.
 *
 * Wiring (app.config.ts or here, once ThemeService exists):
 * ```ts
 * { provide: ROOM_THEME, useFactory: () => {
 *     const themes = inject(ThemeService);
 *     return {
 *       themes: signal(SYSTEM_THEMES.map(({ id, name }) => ({ id, name }))),
 *       followRoomTheme: themes.followRoomTheme,
 *       setRoomTheme: (id) => themes.setRoomTheme(id),
 *       picker: ThemePickerComponent,
 *     };
 * } }
 * ```
 */
import { InjectionToken, type Signal, type Type, type WritableSignal, signal } from '@angular/core';

/** A theme the host may give the room. */
export interface RoomThemeOption {
  readonly id: string;
  readonly name: string;
}

/** What the room page needs of the app's themes. */
export interface RoomThemeAdapter {
  /** The themes the host may choose from, in the picker's order. */
  readonly themes: Signal<readonly RoomThemeOption[]>;
  /** Whether this person follows the room's theme (each may opt out; their own theme shows then). */
  readonly followRoomTheme: WritableSignal<boolean>;
  /** The room's theme changed (null: none, or the person left the room): apply it unless opted out. */
  setRoomTheme(themeId: string | null): void;
  /** The personal theme picker, shown in the room header's theme slot; null while there is none. */
  readonly picker: Type<unknown> | null;
}

export const ROOM_THEME = new InjectionToken<RoomThemeAdapter>('ROOM_THEME', {
  providedIn: 'root',
  factory: () => {
    const current = signal<string | null>(null);
    return {
      themes: signal<readonly RoomThemeOption[]>([]),
      followRoomTheme: signal(true),
      setRoomTheme: (id) => current.set(id),
      picker: null,
    };
  },
});
