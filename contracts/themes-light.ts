/** The light system themes; the first is the default (the look Atelier always had). */
import { defineTheme, type Theme } from './theme-model';

export const LIGHT_THEMES: readonly Theme[] = [
  defineTheme({
    id: 'corporate-professional',
    name: 'Corporate Professional',
    // Calm greys and one blue: the classic Atelier look.
    dark: false,
    css: {
      '--bg': '#f6f7f9', '--surface': '#ffffff', '--surface-alt': '#fafbfc', '--hover': '#f2f4f7',
      '--selected': '#eef1fd', '--border': '#e2e5ea', '--border-strong': '#cfd4dc', '--input-bg': '#ffffff',
      '--text': '#1c2330', '--text-soft': '#475467', '--muted': '#667085', '--link': '#3f5bd9',
      '--accent': '#3f5bd9', '--accent-strong': '#2f47b8', '--on-accent': '#ffffff', '--focus-ring': '#c9d2fb',
      '--danger': '#c9372c', '--danger-bg': '#fdf0ef', '--success': '#1c7c4a', '--success-bg': '#e8f6ee',
      '--progress': '#8a5c00', '--progress-bg': '#fff5d6', '--neutral-bg': '#eef0f3', '--info-bg': '#eef1fd',
      '--topbar-bg': '#151a24', '--topbar-text': '#ffffff', '--topbar-link': '#c8cfdb', '--topbar-muted': '#8d96a6',
      '--topbar-accent': '#8fa2ff',
    },
    syntax: { comment: '#6a737d', keyword: '#cf222e', string: '#0a3069', number: '#0550ae', type: '#953800', function: '#8250df' },
  }),
  defineTheme({
    id: 'nordic-minimal',
    name: 'Nordic Minimal',
    // Snow-light greys and frost blue, nothing more.
    dark: false,
    css: {
      '--bg': '#eceff4', '--surface': '#f8f9fb', '--surface-alt': '#f2f4f8', '--hover': '#e5e9f0',
      '--selected': '#dde5f0', '--border': '#d8dee9', '--border-strong': '#bfc8d6', '--input-bg': '#ffffff',
      '--text': '#2e3440', '--text-soft': '#3b4252', '--muted': '#4c566a', '--link': '#44638b',
      '--accent': '#4c6a92', '--accent-strong': '#3b5478', '--on-accent': '#ffffff', '--focus-ring': '#b8c8de',
      '--danger': '#9e3b46', '--danger-bg': '#f6e7e9', '--success': '#476633', '--success-bg': '#e9f0e3',
      '--progress': '#765710', '--progress-bg': '#f4eddb', '--neutral-bg': '#e5e9f0', '--info-bg': '#e1e8f2',
      '--topbar-bg': '#e5e9f0', '--topbar-text': '#2e3440', '--topbar-link': '#3b4252', '--topbar-muted': '#4c566a',
      '--topbar-accent': '#5e81ac',
    },
    syntax: { comment: '#5c6880', keyword: '#3d5f8c', string: '#476633', number: '#8a4f7d', type: '#2f6b75', function: '#5b4e8c' },
    particles: { kind: 'snow', density: 0.3, color: '#8fa5c2' },
  }),
  defineTheme({
    id: 'sunset-beach-studio',
    name: 'Sunset Beach Studio',
    // Warm sand, coral and sea-glass under a dusk-pink sky.
    dark: false,
    css: {
      '--bg': '#fff4e8', '--surface': '#fffbf6', '--surface-alt': '#fff1e2', '--hover': '#ffe9d4',
      '--selected': '#ffe0c7', '--border': '#f3d9c0', '--border-strong': '#e6bf9c', '--input-bg': '#ffffff',
      '--text': '#3d1f14', '--text-soft': '#5c3526', '--muted': '#7a4a36', '--link': '#b3361b',
      '--accent': '#c2410c', '--accent-strong': '#9a3412', '--on-accent': '#ffffff', '--focus-ring': '#fdba74',
      '--danger': '#b42318', '--danger-bg': '#fde8e4', '--success': '#0f6b66', '--success-bg': '#e0f4f1',
      '--progress': '#854d00', '--progress-bg': '#fff0c9', '--neutral-bg': '#f7e8da', '--info-bg': '#e3f3f4',
      '--topbar-bg': '#5b1f3f', '--topbar-text': '#fff5eb', '--topbar-link': '#ffd7b5', '--topbar-muted': '#e9b7a3',
      '--topbar-accent': '#ffb347',
    },
    syntax: { comment: '#7d5e50', keyword: '#b3361b', string: '#0f766e', number: '#a21caf', type: '#1d6fa5', function: '#9a3412' },
    particles: { kind: 'bubbles', density: 0.3, color: '#f4a261' },
    sound: { kind: 'waves', volume: 0.4 },
  }),
  defineTheme({
    id: 'coffee-shop-cowork',
    name: 'Coffee Shop Co-work',
    // Espresso, oat milk and worn wood.
    dark: false,
    css: {
      '--bg': '#f3ece2', '--surface': '#fbf7f1', '--surface-alt': '#f6efe6', '--hover': '#ede3d5',
      '--selected': '#e6d8c5', '--border': '#e0d2bf', '--border-strong': '#cdb89c', '--input-bg': '#fffdf9',
      '--text': '#2b1d14', '--text-soft': '#4a3426', '--muted': '#6b5141', '--link': '#8b4513',
      '--accent': '#6f4e37', '--accent-strong': '#553a28', '--on-accent': '#fffaf3', '--focus-ring': '#d9b99b',
      '--danger': '#a4262c', '--danger-bg': '#f8e4e2', '--success': '#3d6b35', '--success-bg': '#e6efdf',
      '--progress': '#7a4f00', '--progress-bg': '#f7ebcc', '--neutral-bg': '#ebe2d6', '--info-bg': '#efe4d7',
      '--topbar-bg': '#3b2a20', '--topbar-text': '#fff8ef', '--topbar-link': '#e9d5bf', '--topbar-muted': '#c4a98f',
      '--topbar-accent': '#e0b084',
    },
    syntax: { comment: '#7a6252', keyword: '#8b2f2f', string: '#4a6b2f', number: '#9a4d00', type: '#6b3fa0', function: '#6f4e37' },
    sound: { kind: 'cafe', volume: 0.4 },
  }),
  defineTheme({
    id: 'creative-studio',
    name: 'Creative Studio',
    // Violet, magenta and a spark of yellow.
    dark: false,
    css: {
      '--bg': '#fbf7ff', '--surface': '#ffffff', '--surface-alt': '#f8f3ff', '--hover': '#f3eafe',
      '--selected': '#ede0fd', '--border': '#e7dcf7', '--border-strong': '#d2c0ee', '--input-bg': '#ffffff',
      '--text': '#24133a', '--text-soft': '#45305f', '--muted': '#6b5a80', '--link': '#7c3aed',
      '--accent': '#7c3aed', '--accent-strong': '#6d28d9', '--on-accent': '#ffffff', '--focus-ring': '#c4b5fd',
      '--danger': '#be123c', '--danger-bg': '#ffe4ec', '--success': '#047857', '--success-bg': '#dcfce9',
      '--progress': '#92400e', '--progress-bg': '#fef3c7', '--neutral-bg': '#f1ecf7', '--info-bg': '#fce7f6',
      '--topbar-bg': '#2e1065', '--topbar-text': '#ffffff', '--topbar-link': '#e9d5ff', '--topbar-muted': '#c4b5fd',
      '--topbar-accent': '#fbbf24',
    },
    syntax: { comment: '#6b5a80', keyword: '#a21caf', string: '#047857', number: '#c2410c', type: '#1d4ed8', function: '#7c3aed' },
    particles: { kind: 'bubbles', density: 0.4, color: '#f472b6' },
  }),
];
