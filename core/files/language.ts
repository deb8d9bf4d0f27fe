/** Monaco language ids by file name, for the editor and the file tree (the client falls back to plaintext). */
const languages: Record<string, string> = {
  '.ts': 'typescript',
  '.tsx': 'typescript',
  '.jsx': 'javascript',
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.json': 'json',
  '.py': 'python',
  '.md': 'markdown',
  '.txt': 'plaintext',
  '.toml': 'ini',
  '.cfg': 'ini',
  '.ini': 'ini',
  '.html': 'html',
  '.css': 'css',
  '.scss': 'scss',
  '.less': 'less',
  '.xml': 'xml',
  '.svg': 'xml',
  '.sh': 'shell',
  '.sql': 'sql',
  '.yml': 'yaml',
  '.yaml': 'yaml',
};

/** Monaco language id for a path. */
export function languageOf(path: string): string {
  const base = path.split('/').pop() ?? path;
  if (base === 'Dockerfile') return 'dockerfile';
  if (base.startsWith('.')) return 'plaintext';
  const dot = base.lastIndexOf('.');
  return (dot >= 0 && languages[base.slice(dot)]) || 'plaintext';
}
