/**
 * Themes are data: the colours of the client's stylesheet (its CSS custom properties), a Monaco editor theme,
 * and optional ambient particles and sound. The API validates a user's choice against `SYSTEM_THEMES`, the
 * client applies a theme by setting these properties on the document root; `themes.test.ts` checks every
 * theme's text contrast (WCAG AA).
 */
import type { Theme } from './theme-model';
import { DARK_THEMES } from './themes-dark';
import { LIGHT_THEMES } from './themes-light';

export * from './theme-model';

/** The themes every user may choose, in the picker's order. */
export const SYSTEM_THEMES: readonly Theme[] = [...LIGHT_THEMES, ...DARK_THEMES];

/** Today's look: a light page under a dark top bar. */
export const DEFAULT_THEME_ID = 'corporate-professional';

/** The system theme with this id, or undefined. */
export function themeById(id: string | null | undefined): Theme | undefined {
  return id ? SYSTEM_THEMES.find((theme) => theme.id === id) : undefined;
}
