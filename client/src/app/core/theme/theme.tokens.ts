import { InjectionToken, type Signal, signal } from '@angular/core';
import type { ThemeSound } from '@contracts/themes';
import { type StopSound, ambientPlayer } from './effects/ambient-sound';

/** The part of `localStorage` the theme keeps its per-browser settings in. */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * `localStorage`, or a memory stand-in where the browser refuses it (storage disabled, some private
 * modes): the settings then last until the tab closes, which is better than failing.
 */
export const THEME_STORAGE = new InjectionToken<ThemeStorage>('THEME_STORAGE', {
  providedIn: 'root',
  factory: () => {
    try {
      const storage = window.localStorage;
      storage.getItem('atelier.theme');
      return storage;
    } catch {
      const memory = new Map<string, string>();
      return {
        getItem: (key) => memory.get(key) ?? null,
        setItem: (key, value) => void memory.set(key, value),
      };
    }
  },
});

/**
 * Whether the user asked the system for reduced motion, following changes while the app runs. False where
 * the browser cannot tell (jsdom, very old browsers).
 */
export const PREFERS_REDUCED_MOTION = new InjectionToken<Signal<boolean>>(
  'PREFERS_REDUCED_MOTION',
  {
    providedIn: 'root',
    factory: () => {
      if (typeof window.matchMedia !== 'function') return signal(false).asReadonly();
      const query = window.matchMedia('(prefers-reduced-motion: reduce)');
      const reduce = signal(query.matches);
      query.addEventListener('change', (event) => reduce.set(event.matches));
      return reduce.asReadonly();
    },
  },
);

/** Starts a theme's ambient sound and returns how to stop it; tests record instead of playing. */
export const AMBIENT_SOUND = new InjectionToken<(sound: ThemeSound) => StopSound>('AMBIENT_SOUND', {
  providedIn: 'root',
  factory: () => ambientPlayer(),
});
