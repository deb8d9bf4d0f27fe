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

/** Monaco language id for a path (moved to core: people's file operations need it too). */
export { languageOf } from '../../../core/files/language';
