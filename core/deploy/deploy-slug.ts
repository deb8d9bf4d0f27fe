/**
 * A project's name on deploy targets: its default provider-side name and the local app's host name
 * (`<slug>.apps.localhost`). Lowercase letters, digits and dashes (a DNS label), from the project's name, with the
 * start of its id so two projects of one name never share a slug.
 */
export function deploySlug(project: { id: string; name: string }): string {
  const base = project.name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return `${base || 'app'}-${project.id.replace(/-/g, '').slice(0, 6)}`;
}
