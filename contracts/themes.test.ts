import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THEME_ID, SYSTEM_THEMES, THEME_CSS_VARS, themeById, type Theme, type ThemeCssVar } from './themes';

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1–21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const HEX = /^#[0-9a-f]{6}$/;
/** #rgb → #rrggbb, so the stylesheet's spelling compares with the themes'. */
const longHex = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex).toLowerCase();

/** Text colour → the backgrounds it is drawn on in the app (client/src/styles.css and the component styles). */
const TEXT_ON: Partial<Record<ThemeCssVar, ThemeCssVar[]>> = {
  '--text': ['--bg', '--surface', '--surface-alt', '--hover', '--selected', '--input-bg', '--neutral-bg', '--info-bg', '--success-bg', '--danger-bg', '--progress-bg'],
  '--text-soft': ['--bg', '--surface', '--surface-alt', '--neutral-bg'],
  '--muted': ['--bg', '--surface', '--surface-alt', '--hover'],
  '--link': ['--bg', '--surface', '--surface-alt'],
  '--on-accent': ['--accent', '--accent-strong'],
  '--accent-strong': ['--info-bg'],
  '--danger': ['--bg', '--surface', '--danger-bg'],
  '--success': ['--surface', '--success-bg'],
  '--progress': ['--surface', '--progress-bg'],
  '--topbar-text': ['--topbar-bg'],
  '--topbar-link': ['--topbar-bg'],
  '--topbar-muted': ['--topbar-bg'],
};

/** Every text pair of `theme` below `min`, as readable strings (so a failure names the pair and its ratio). */
function lowContrast(theme: Theme, min = 4.5): string[] {
  const pairs = Object.entries(TEXT_ON).flatMap(([fg, bgs]) => bgs!.map((bg) => [fg as ThemeCssVar, bg] as const));
  return pairs
    .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(theme.css[fg], theme.css[bg]) }))
    .filter(({ ratio }) => ratio < min)
    .map(({ pair, ratio }) => `${theme.id}: ${pair} ${ratio.toFixed(2)}`);
}

describe('the contrast computation', () => {
  it('matches WCAG’s known values', () => {
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#3f5bd9', '#3f5bd9')).toBe(1);
  });

  it('reports a pair below AA', () => {
    const grey = { ...SYSTEM_THEMES[0]!, id: 'grey', css: { ...SYSTEM_THEMES[0]!.css, '--muted': '#777777', '--bg': '#ffffff' } };
    expect(lowContrast(grey)).toContain('grey: --muted on --bg 4.48');
  });
});

describe('system themes', () => {
  it('ships the seed’s twelve themes with unique slugs', () => {
    expect(SYSTEM_THEMES.map((t) => t.name).sort()).toEqual(
      [
        'Midnight Hacker Den', 'Sunset Beach Studio', 'Cyberpunk Rush', 'Forest Sanctuary', 'Coffee Shop Co-work', 'Space Station Lab',
        'Tokyo Night', 'Nordic Minimal', 'Corporate Professional', 'Deep Focus', 'Creative Studio', 'Night Owl',
      ].sort(),
    );
    expect(SYSTEM_THEMES.filter((t) => !/^[a-z]+(-[a-z]+)*$/.test(t.id))).toEqual([]);
    expect(new Set(SYSTEM_THEMES.map((t) => t.id)).size).toBe(12);
  });

  it('finds themes by id, the default among them', () => {
    expect(themeById(DEFAULT_THEME_ID)?.name).toBe('Corporate Professional');
    expect(themeById('tokyo-night')?.dark).toBe(true);
    expect(themeById('no-such-theme')).toBeUndefined();
    expect(themeById(null)).toBeUndefined();
  });

  it('sets every colour property of the stylesheet, as #rrggbb', () => {
    for (const theme of SYSTEM_THEMES) {
      expect(Object.keys(theme.css).sort()).toEqual([...THEME_CSS_VARS].sort());
      expect(Object.entries(theme.css).filter(([, value]) => !HEX.test(value))).toEqual([]);
    }
  });

  it('is what the stylesheet’s :root declares, with the default theme’s values', () => {
    const css = readFileSync(join(__dirname, '..', 'client', 'src', 'styles.css'), 'utf8');
    const root = /:root\s*{([^}]*)}/.exec(css)![1]!;
    const declared = Object.fromEntries([...root.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1], longHex(m[2]!)]));
    expect(declared).toEqual(themeById(DEFAULT_THEME_ID)!.css);
  });

  it('says dark only of themes with a dark page', () => {
    expect(SYSTEM_THEMES.filter((t) => t.dark !== luminance(t.css['--bg']) < 0.2).map((t) => t.id)).toEqual([]);
    expect(SYSTEM_THEMES.filter((t) => t.monaco.base !== (t.dark ? 'vs-dark' : 'vs')).map((t) => t.id)).toEqual([]);
  });

  it('meets WCAG AA (4.5:1) for every text pair, and 3:1 for the brand mark', () => {
    expect(SYSTEM_THEMES.flatMap((t) => lowContrast(t))).toEqual([]);
    expect(SYSTEM_THEMES.filter((t) => contrast(t.css['--topbar-accent'], t.css['--topbar-bg']) < 3).map((t) => t.id)).toEqual([]);
  });

  it('gives the editor readable text and syntax colours (4.5:1 on its background)', () => {
    const low = SYSTEM_THEMES.flatMap((t) => {
      const background = t.monaco.colors['editor.background']!;
      const foreground = t.monaco.colors['editor.foreground']!;
      const colours = [['editor.foreground', foreground], ...t.monaco.rules.filter((r) => r.foreground).map((r) => [r.token, `#${r.foreground}`])];
      return colours.filter(([, c]) => contrast(c!, background) < 4.5).map(([name, c]) => `${t.id}: ${name} ${c} ${contrast(c!, background).toFixed(2)}`);
    });
    expect(low).toEqual([]);
    for (const t of SYSTEM_THEMES) expect(Object.values(t.monaco.colors).filter((c) => !/^#[0-9a-f]{6}([0-9a-f]{2})?$/.test(c))).toEqual([]);
  });

  it('keeps particles and sound in range', () => {
    for (const { particles, sound } of SYSTEM_THEMES) {
      if (particles) expect([particles.density > 0 && particles.density <= 1, HEX.test(particles.color)]).toEqual([true, true]);
      if (sound) expect(sound.volume > 0 && sound.volume <= 1).toBe(true);
    }
  });

  it('looks different from each other: page, panel and accent colours are never all alike', () => {
    const distance = (a: string, b: string) =>
      Math.hypot(...[0, 1, 2].map((i) => parseInt(a.slice(1 + 2 * i, 3 + 2 * i), 16) - parseInt(b.slice(1 + 2 * i, 3 + 2 * i), 16)));
    const alike = SYSTEM_THEMES.flatMap((a, i) =>
      SYSTEM_THEMES.slice(i + 1)
        .filter((b) => (['--bg', '--accent', '--topbar-bg'] as const).every((v) => distance(a.css[v], b.css[v]) < 40))
        .map((b) => `${a.id} ~ ${b.id}`),
    );
    expect(alike).toEqual([]);
  });
});
