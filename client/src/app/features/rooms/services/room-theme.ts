/**
 * The one place the rooms feature meets the app's themes (core/theme/theme.service.ts): the room page tells it
 * the host's theme, and each person may opt out of following it. The personal picker stays in the top bar.
 */
import { InjectionToken, inject, type Signal, type Type, signal } from '@angular/core';
import { ThemeService } from '../../../core/theme/theme.service';

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
  readonly followRoomTheme: Signal<boolean>;
  setFollowRoomTheme(follow: boolean): void;
  /** The room's theme changed (null: none, or the person left the room): apply it unless opted out. */
  setRoomTheme(themeId: string | null): void;
  /** The personal theme picker, shown in the room header's theme slot; null while there is none. */
  readonly picker: Type<unknown> | null;
}

export const ROOM_THEME = new InjectionToken<RoomThemeAdapter>('ROOM_THEME', {
  providedIn: 'root',
  factory: () => {
    const themes = inject(ThemeService);
    return {
      themes: signal<readonly RoomThemeOption[]>(themes.themes.map(({ id, name }) => ({ id, name }))),
      followRoomTheme: themes.followRoomTheme,
      setFollowRoomTheme: (follow) => themes.setFollowRoomTheme(follow),
      setRoomTheme: (id) => themes.setRoomTheme(id),
      picker: null,
    };
  },
});
