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

/** The blueprint for a project description, and whether a rule fitted it (else the minimal Node project). */
export function matchBlueprint(description: string): { blueprint: Blueprint; matched: boolean } {
  const text = description.toLowerCase();
  const rule = RULES.find((r) => r.allOf.every((group) => group.test(text)) && !r.noneOf?.test(text));
  return rule ? { blueprint: rule.blueprint, matched: true } : { blueprint: minimalBlueprint, matched: false };
}

/** The blueprint for a project description, by keyword; the minimal Node project when nothing fits. */
export function selectBlueprint(description: string): Blueprint {
  return matchBlueprint(description).blueprint;
}

/** What an offline team run builds instead of calling a model, in words a person can act on. */
export interface OfflineBuildNote {
  blueprintId: string;
  blueprintName: string;
  /** False when no blueprint fits the description, so the run builds the fallback, not what was described. */
  matched: boolean;
  note: string;
}

/** Says plainly what offline mode builds for a description: a blueprint, which may not be what was asked for. */
export function offlineBuildNote(description: string): OfflineBuildNote {
  const { blueprint, matched } = matchBlueprint(description);
  const note = matched
    ? `Offline mode: no model is configured, so the team builds its built-in "${blueprint.name}" blueprint, the closest match to the description.`
    : `Offline mode: no model is configured and no built-in blueprint fits this description, so the team will build the "${blueprint.name}" blueprint, not what the description asks for. Add a provider key to build the description itself.`;
  return { blueprintId: blueprint.id, blueprintName: blueprint.name, matched, note };
}
