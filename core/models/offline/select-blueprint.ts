import type { Blueprint } from './blueprint';
import { expressTodoBlueprint } from './blueprints/express-todo.blueprint';
import { expressApiBlueprint, fastapiBlueprint, minimalBlueprint } from './blueprints/generic.blueprints';

/** A blueprint and when it fits: every `allOf` group has a word in the description and `noneOf` has none. */
interface BlueprintRule {
  blueprint: Blueprint;
  allOf: RegExp[];
  noneOf?: RegExp;
}

const PYTHON = /\b(fastapi|python|flask|django|pytest)\b/;

// Ordered most specific first; the first rule that fits wins. A request naming Python never gets an
// Express project, even for todos: a different stack is worse than a smaller app.
const RULES: readonly BlueprintRule[] = [
  { blueprint: expressTodoBlueprint, allOf: [/\bto-?dos?\b/, /\b(express|rest|api|node(\.?js)?|javascript|http)\b/], noneOf: PYTHON },
  { blueprint: fastapiBlueprint, allOf: [PYTHON] },
  { blueprint: expressApiBlueprint, allOf: [/\b(express|rest|api|node(\.?js)?|http server|backend)\b/] },
];

/** Every blueprint the offline provider can build, the fallback last. */
export const BLUEPRINTS: readonly Blueprint[] = [...RULES.map((r) => r.blueprint), minimalBlueprint];

/** The blueprint for a project description, by keyword; the minimal Node project when nothing fits. */
export function selectBlueprint(description: string): Blueprint {
  const text = description.toLowerCase();
  return RULES.find((rule) => rule.allOf.every((group) => group.test(text)) && !rule.noneOf?.test(text))?.blueprint ?? minimalBlueprint;
}
