/** What a starter template needs to know about the project. */
export interface TemplateProject {
  name: string;
  description: string;
  features: readonly string[];
}

export interface TemplateFile {
  path: string;
  content: string;
}

/** A runnable starter: a manifest, an entry point and one passing test. */
export interface StarterTemplate {
  framework: string;
  render(project: TemplateProject): TemplateFile[];
}

/** npm and PyPI friendly slug of a project name: accents dropped ("Café" → "cafe"); "app" when nothing is left. */
export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app'
  );
}

const languages: Record<string, string> = {
  '.ts': 'typescript',
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
