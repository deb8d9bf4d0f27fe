/** A loaded list as a page holds it: null while loading, else the call's outcome. */
type Loaded<T> =
  | { readonly ok: true; readonly value: readonly T[] }
  | { readonly ok: false }
  | null;

/**
 * The list with `saved` in place of the entry of the same provider (or added), sorted by provider, as the
 * panels show it after an add-or-replace; a list that failed or is loading stays as it is.
 */
export function withSaved<T extends { readonly provider: string }, L extends Loaded<T>>(
  list: L,
  saved: T,
): L {
  if (!list?.ok) return list;
  const value = [...list.value.filter((item) => item.provider !== saved.provider), saved].sort(
    (a, b) => a.provider.localeCompare(b.provider),
  );
  return { ...list, value };
}

/** The list without the entry of `provider`; a list that failed or is loading stays as it is. */
export function withoutProvider<T extends { readonly provider: string }, L extends Loaded<T>>(
  list: L,
  provider: string,
): L {
  if (!list?.ok) return list;
  return { ...list, value: list.value.filter((item) => item.provider !== provider) };
}
