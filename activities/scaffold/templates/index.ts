import { expressTemplate } from './express.template';
import { fastapiTemplate } from './fastapi.template';
import type { StarterTemplate } from './template';

export * from './template';

/** Starters by framework id; frameworks without one fail their build with a readable reason. */
export const starterTemplates: Readonly<Record<string, StarterTemplate>> = {
  express: expressTemplate,
  fastapi: fastapiTemplate,
};
