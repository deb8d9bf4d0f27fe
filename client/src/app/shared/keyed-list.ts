import { computed, signal } from '@angular/core';

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

/** A call's outcome as the panels read it: a value, or a failure with words for people. */
type Outcome<V> =
  | { readonly ok: true; readonly value: V }
  | { readonly ok: false; readonly error: { readonly message: string } };

/**
 * Secrets listed one per provider (model keys, deployment tokens) as a panel holds them: the loaded list,
 * the provider whose delete is in flight, and why the last delete failed. The calls stay the panel's.
 */
export class ProviderList<T extends { readonly provider: string }> {
  /** Null while loading, else what the list call answered. */
  readonly result = signal<Outcome<readonly T[]> | null>(null);
  /** The entries, none while loading or after a failure. */
  readonly rows = computed(() => {
    const result = this.result();
    return result?.ok ? result.value : [];
  });
  readonly deleting = signal<string | null>(null);
  readonly listError = signal<string | null>(null);

  async load(list: () => Promise<Outcome<readonly T[]>>): Promise<void> {
    this.result.set(null);
    this.result.set(await list());
  }

  /** The list after an add-or-replace answered `saved`. */
  saved(saved: T): void {
    this.result.update((list) => withSaved(list, saved));
  }

  /** Deletes the provider's entry through `remove`: true once deleted; a failure shows as the list error. */
  async remove(provider: string, remove: () => Promise<Outcome<unknown>>): Promise<boolean> {
    this.listError.set(null);
    this.deleting.set(provider);
    const result = await remove();
    this.deleting.set(null);
    if (!result.ok) {
      this.listError.set(result.error.message);
      return false;
    }
    this.result.update((list) => withoutProvider(list, provider));
    return true;
  }
}
