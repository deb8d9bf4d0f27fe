/** Frameworks a project can start from. `scaffolded` says whether the built-in starter exists today. */
export const frameworks = [
  { id: 'nextjs', label: 'Next.js', language: 'typescript', scaffolded: false },
  { id: 'react', label: 'React', language: 'typescript', scaffolded: false },
  { id: 'vue', label: 'Vue', language: 'typescript', scaffolded: false },
  { id: 'express', label: 'Express', language: 'javascript', scaffolded: true },
  { id: 'fastapi', label: 'FastAPI', language: 'python', scaffolded: true },
  { id: 'django', label: 'Django', language: 'python', scaffolded: false },
] as const;

export type FrameworkId = (typeof frameworks)[number]['id'];
export const frameworkIds = frameworks.map((f) => f.id) as [FrameworkId, ...FrameworkId[]];
export const databaseOptions = ['none', 'postgresql', 'mysql', 'sqlite', 'mongodb'] as const;
export const stylingOptions = ['none', 'css', 'scss', 'tailwind'] as const;
export const visibilityOptions = ['private', 'team', 'public'] as const;
