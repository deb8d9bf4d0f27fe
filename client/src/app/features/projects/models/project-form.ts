/** The create-project form's values and the client-side mirror of the server's validation rules. */

export const DATABASES = ['none', 'postgresql', 'mysql', 'sqlite', 'mongodb'] as const;
export const STYLINGS = ['none', 'css', 'scss', 'tailwind'] as const;
export const VISIBILITIES = ['private', 'team', 'public'] as const;

export interface ProjectFormValue {
  name: string;
  description: string;
  framework: string;
  /** Comma- or space-separated tags, as typed. */
  features: string;
  database: string;
  styling: string;
  visibility: string;
  /** The owning team's id; empty for a personal project. */
  teamId: string;
}

export type ProjectFormField = keyof ProjectFormValue;
export type ProjectFormErrors = Partial<Record<ProjectFormField, string>>;

export const EMPTY_PROJECT_FORM: ProjectFormValue = {
  name: '',
  description: '',
  framework: '',
  features: '',
  database: 'none',
  styling: 'none',
  visibility: 'private',
  teamId: '',
};

/** The server's rule (core/project/project-input.ts): a letter of any alphabet first, accents as marks allowed. */
const NAME = /^\p{L}[\p{L}\p{M}\p{N} _-]*$/u;
const TAG = /^[a-z][a-z0-9-]{0,31}$/;

/** Splits the features text into tags, dropping empties and repeats. */
export function parseFeatures(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter((tag) => tag.length > 0))];
}

/**
 * Errors the server would report for these values, except name uniqueness (only the server knows).
 * `frameworks` is the list from the `frameworks` query; while it is loading any framework is accepted.
 */
export function validateProjectForm(
  value: ProjectFormValue,
  frameworks: readonly string[],
): ProjectFormErrors {
  const errors: ProjectFormErrors = {};
  const name = value.name.trim();
  if (!name) errors.name = 'Name is required.';
  else if (name.length < 2 || name.length > 64) errors.name = 'Name must be 2 to 64 characters.';
  else if (!NAME.test(name.normalize('NFC'))) {
    errors.name =
      "Start with a letter (any alphabet), then use letters, digits, spaces, '-' or '_'.";
  }
  if (value.description.length > 500)
    errors.description = 'Description must be at most 500 characters.';
  if (!value.framework) errors.framework = 'Choose a framework.';
  else if (frameworks.length > 0 && !frameworks.includes(value.framework))
    errors.framework = 'Unknown framework.';
  const tags = parseFeatures(value.features);
  const bad = tags.find((tag) => !TAG.test(tag));
  if (tags.length > 10) errors.features = 'At most 10 features.';
  else if (bad)
    errors.features = `"${bad}": use lowercase letters, digits and '-', starting with a letter.`;
  if (!(DATABASES as readonly string[]).includes(value.database))
    errors.database = 'Unknown database.';
  if (!(STYLINGS as readonly string[]).includes(value.styling)) errors.styling = 'Unknown styling.';
  if (!(VISIBILITIES as readonly string[]).includes(value.visibility))
    errors.visibility = 'Unknown visibility.';
  return errors;
}
