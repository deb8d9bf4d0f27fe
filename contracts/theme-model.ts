/**
 * The shape of a theme and how its Monaco data follows from its colours; the themes themselves are in
 * themes-light.ts and themes-dark.ts, the list in themes.ts.
 */
/**
 * The colour properties of `client/src/styles.css` (`:root` holds the default theme's values). Every theme
 * sets each one, as `#rrggbb`, so Monaco can take the same values.
 */
export const THEME_CSS_VARS = [
  '--bg', // the page
  '--surface', // cards, panels, the editor
  '--surface-alt', // table heads, forms inside panels
  '--hover', // a row under the pointer
  '--selected', // the chosen row
  '--border',
  '--border-strong', // inputs, dashed outlines
  '--input-bg',
  '--text',
  '--text-soft', // secondary text that still reads as content (badges, labels)
  '--muted', // hints and metadata
  '--link',
  '--accent', // primary buttons
  '--accent-strong', // the primary button under the pointer; accent-coloured text on --info-bg
  '--on-accent', // text on --accent and --accent-strong
  '--focus-ring',
  '--danger',
  '--danger-bg',
  '--success',
  '--success-bg',
  '--progress',
  '--progress-bg',
  '--neutral-bg',
  '--info-bg',
  '--topbar-bg',
  '--topbar-text',
  '--topbar-link',
  '--topbar-muted',
  '--topbar-accent', // the brand mark
] as const;

export type ThemeCssVar = (typeof THEME_CSS_VARS)[number];

/** One syntax colouring rule, as Monaco's `ITokenThemeRule` (colours without `#`). */
export interface MonacoTokenRule {
  readonly token: string;
  readonly foreground?: string;
  readonly background?: string;
  readonly fontStyle?: string;
}

/** Monaco's `IStandaloneThemeData`, spelled out so contracts need not import Monaco. */
export interface MonacoThemeData {
  readonly base: 'vs' | 'vs-dark' | 'hc-black';
  readonly inherit: boolean;
  readonly rules: readonly MonacoTokenRule[];
  /** Workbench colour ids (`editor.background` …) → `#rrggbb` or `#rrggbbaa`. */
  readonly colors: Readonly<Record<string, string>>;
}

export type ParticleKind = 'stars' | 'rain' | 'bubbles' | 'leaves' | 'embers' | 'snow';

/** Particles drawn on a canvas behind the app, when the user turned effects on. */
export interface ThemeParticles {
  readonly kind: ParticleKind;
  /** 0–1: the share of the client's particle budget this theme uses. */
  readonly density: number;
  /** `#rrggbb`. */
  readonly color: string;
}

/** Ambient sounds are synthesised in the browser (WebAudio noise and oscillators): no audio files. */
export type SoundKind = 'rain' | 'cafe' | 'hum' | 'waves' | 'keys';

export interface ThemeSound {
  readonly kind: SoundKind;
  /** 0–1 of the client's (quiet) maximum. */
  readonly volume: number;
}

export interface Theme {
  /** A slug, stored as `users.theme_id`. */
  readonly id: string;
  readonly name: string;
  /** Sets `color-scheme` (form controls, scrollbars) and picks Monaco's base. */
  readonly dark: boolean;
  readonly css: Readonly<Record<ThemeCssVar, string>>;
  readonly monaco: MonacoThemeData;
  readonly particles?: ThemeParticles;
  readonly sound?: ThemeSound;
}

/** The syntax colours of a theme's editor (`#rrggbb`). */
export interface SyntaxPalette {
  readonly comment: string;
  readonly keyword: string;
  readonly string: string;
  readonly number: string;
  readonly type: string;
  readonly function: string;
}

/** What a theme file spells out; the Monaco theme follows from its colours. */
export interface ThemeSpec extends Omit<Theme, 'monaco'> {
  readonly syntax: SyntaxPalette;
}

const bare = (hex: string) => hex.slice(1);

/** Builds a theme's Monaco data from its stylesheet colours and syntax palette: the editor sits on `--surface`. */
export function defineTheme({ syntax, ...theme }: ThemeSpec): Theme {
  const c = theme.css;
  const rules: MonacoTokenRule[] = [
    { token: '', foreground: bare(c['--text']) },
    { token: 'comment', foreground: bare(syntax.comment), fontStyle: 'italic' },
    ...['keyword', 'tag', 'attribute.name.html'].map((token) => ({ token, foreground: bare(syntax.keyword) })),
    ...['string', 'attribute.value', 'regexp'].map((token) => ({ token, foreground: bare(syntax.string) })),
    ...['number', 'constant'].map((token) => ({ token, foreground: bare(syntax.number) })),
    ...['type', 'type.identifier', 'key'].map((token) => ({ token, foreground: bare(syntax.type) })),
    ...['identifier.function', 'predefined'].map((token) => ({ token, foreground: bare(syntax.function) })),
    ...['delimiter', 'identifier', 'variable'].map((token) => ({ token, foreground: bare(c['--text']) })),
  ];
  const colors = {
    'editor.background': c['--surface'],
    'editor.foreground': c['--text'],
    'editorLineNumber.foreground': c['--muted'],
    'editorLineNumber.activeForeground': c['--text'],
    'editor.lineHighlightBackground': c['--hover'],
    'editor.selectionBackground': `${c['--accent']}55`,
    'editor.inactiveSelectionBackground': `${c['--accent']}30`,
    'editorCursor.foreground': c['--link'],
    'editorIndentGuide.background1': c['--border'],
    'editorWhitespace.foreground': c['--border-strong'],
    'editorGutter.background': c['--surface'],
    'editorWidget.background': c['--surface-alt'],
    'editorWidget.border': c['--border-strong'],
    'editorSuggestWidget.selectedBackground': c['--selected'],
    'diffEditor.insertedTextBackground': `${c['--success']}33`,
    'diffEditor.removedTextBackground': `${c['--danger']}33`,
  };
  return { ...theme, monaco: { base: theme.dark ? 'vs-dark' : 'vs', inherit: true, rules, colors } };
}
