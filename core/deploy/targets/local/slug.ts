import { APP_SLUG } from './apps-origin';

/** Longest slug: a DNS label is 63, and the suffixes `-2`, `-3` … need room. */
export const SLUG_MAX = 40;

/**
 * A project name as a host label: lower-case ASCII letters and digits, other runs become one dash, at most
 * {@link SLUG_MAX} characters; `app` when nothing is left (a name of emoji or CJK only).
 */
export function slugify(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, SLUG_MAX).replace(/-+$/, '');
  return slug || 'app';
}

/** The `n`th candidate for `base` (1: `base`, 2: `base-2` …), still within {@link SLUG_MAX}. */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
}

export const isAppSlug = (value: string): boolean => APP_SLUG.test(value);
