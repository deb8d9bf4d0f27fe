import { reasonLabel } from './model-format';
import type { CatalogModel } from './model.models';

/**
 * The models of a chain that a call would skip now, with why ("x (no key for this provider), …"); null
 * when none would be skipped.
 */
export function skippedModels(
  chain: readonly string[],
  catalog: readonly CatalogModel[],
): string | null {
  const byId = new Map(catalog.map((m) => [m.id, m]));
  const skipped = chain.flatMap((id) => {
    const model = byId.get(id);
    return model && !model.available
      ? [`${id} (${reasonLabel(model.unavailableReason).toLowerCase()})`]
      : [];
  });
  return skipped.length ? skipped.join(', ') : null;
}
