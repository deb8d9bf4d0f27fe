import { slugify } from './targets/local/slug';

/**
 * A project's default name on deploy targets (`TargetContext.projectSlug`): the provider-side name unless the
 * target's `name` setting says otherwise, and the base of the local app's host name (the local target makes it
 * unique among apps with `-2`, `-3` … suffixes).
 */
export function deploySlug(project: { name: string }): string {
  return slugify(project.name);
}
