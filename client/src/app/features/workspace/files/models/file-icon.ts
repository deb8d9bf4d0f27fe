/** A short label and a colour per kind of file, shown as a small chip before its name. */
export interface FileIcon {
  readonly label: string;
  readonly color: string;
  /** What a screen reader hears instead of the chip. */
  readonly kind: string;
}

const BY_EXTENSION: Readonly<Record<string, FileIcon>> = {
  ts: { label: 'TS', color: '#2f6fbf', kind: 'TypeScript' },
  tsx: { label: 'TSX', color: '#2f6fbf', kind: 'TypeScript JSX' },
  js: { label: 'JS', color: '#a07800', kind: 'JavaScript' },
  jsx: { label: 'JSX', color: '#a07800', kind: 'JavaScript JSX' },
  mjs: { label: 'JS', color: '#a07800', kind: 'JavaScript' },
  cjs: { label: 'JS', color: '#a07800', kind: 'JavaScript' },
  json: { label: '{}', color: '#8a6d00', kind: 'JSON' },
  html: { label: '<>', color: '#c2541d', kind: 'HTML' },
  css: { label: '#', color: '#6b46c1', kind: 'CSS' },
  scss: { label: '#', color: '#b83280', kind: 'SCSS' },
  md: { label: 'MD', color: '#4a5568', kind: 'Markdown' },
  py: { label: 'PY', color: '#2b6cb0', kind: 'Python' },
  vue: { label: 'V', color: '#2f855a', kind: 'Vue' },
  sql: { label: 'SQL', color: '#2c7a7b', kind: 'SQL' },
  yml: { label: 'YML', color: '#9b2c2c', kind: 'YAML' },
  yaml: { label: 'YML', color: '#9b2c2c', kind: 'YAML' },
  sh: { label: '$', color: '#2d3748', kind: 'Shell script' },
  txt: { label: 'TXT', color: '#667085', kind: 'Text' },
};

const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'ico', 'bmp', 'svg']);
/** No chip of its own: drawn as a plain page (an empty label). */
const TEXT: FileIcon = { label: '', color: '#7a8599', kind: 'File' };
const IMAGE_ICON: FileIcon = { label: 'IMG', color: '#2f855a', kind: 'Image' };
const BINARY: FileIcon = { label: 'BIN', color: '#667085', kind: 'Binary file' };

export function fileIcon(name: string, binary: boolean): FileIcon {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (IMAGE.has(extension)) return IMAGE_ICON;
  if (binary) return BINARY;
  if (name === 'Dockerfile') return { label: 'DK', color: '#2b6cb0', kind: 'Dockerfile' };
  return BY_EXTENSION[extension] ?? TEXT;
}

/** Up to two initials of a display name ("Ada Lovelace" → "AL", "grace" → "G"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters.map((word) => Array.from(word ?? '')[0]?.toUpperCase() ?? '').join('') || '?';
}
