/**
 * Renaming, archiving, restoring and deleting projects through the API, against real PostgreSQL, Redis and
 * Temporal: happy paths, typed refusals and the authorization matrix. Deleting with live work:
 * project-delete.api.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { Project } from '../../../../core/project/project.entity';
import { Team, TeamMember } from '../../../../core/team/team.entity';
import { User } from '../../../../core/user/user.entity';
import { createStack, type Stack } from '../../../../test/harness';

let stack: Stack;
beforeAll(async () => {
  stack = await createStack({ live: false });
});
afterAll(() => stack?.dispose());

type Reply = { data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

async function as(viewerId: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Reply> {
  const response = await stack.app.apollo.executeOperation({ query, variables }, { contextValue: stack.app.createContext(viewerId) });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult as Reply;
}
const code = (reply: Reply) => (reply.errors?.[0]?.extensions?.code as string | undefined) ?? 'ok';

const RENAME = 'mutation($id: ID!, $name: String!) { renameProject(id: $id, name: $name) { id name } }';
const ARCHIVE = 'mutation($id: ID!) { archiveProject(id: $id) { id archivedAt myAccess { canEdit canManage canDelete } } }';
const RESTORE = 'mutation($id: ID!) { restoreProject(id: $id) { id archivedAt myAccess { canEdit } } }';
const DELETE = 'mutation($id: ID!, $confirm: String!) { deleteProject(id: $id, confirmName: $confirm) }';
const ACCESS = 'query($id: ID!) { project(id: $id) { myAccess { canEdit canManage canDelete } } }';

const seed = {
  user: async (name: string) => {
    const em = stack.db.orm.em.fork();
    const user = em.create(User, { email: `${randomUUID()}@example.com`, displayName: name });
    await em.flush();
    return user.id;
  },
  project: async (owner: string, fields: Partial<Pick<Project, 'name' | 'visibility'>> & { teamId?: string } = {}) => {
    const em = stack.db.orm.em.fork();
    const project = em.create(Project, {
      owner,
      ownerTeam: fields.teamId ?? null,
      name: fields.name ?? `P ${randomUUID().slice(0, 8)}`,
      framework: 'express',
      visibility: fields.visibility ?? 'private',
    });
    await em.flush();
    return project;
  },
};

describe('renameProject', () => {
  it('renames with the createProject rules and records an event and an audit entry', async () => {
    const owner = await seed.user('Ren');
    const { id } = await seed.project(owner, { name: 'Old name' });
    expect((await as(owner, RENAME, { id, name: '  Cafe\u0301 Två ' })).data?.renameProject).toEqual({ id, name: 'Café Två' });
    const bad = await as(owner, RENAME, { id, name: '9 lives' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(bad.errors?.[0]?.message).toContain('Name must start with a letter');
    const events = await stack.events.read(id);
    expect(events.map((e) => [e.type, e.data])).toEqual([['project.renamed', { from: 'Old name', to: 'Café Två', by: owner }]]);
    const audit = await stack.db.orm.em.fork().find(AuditEvent, { target: `project:${id}` });
    expect(audit.map((a) => a.action)).toEqual(['project.renamed']);
  });

  it('refuses the name of another project of the same owner with CONFLICT and a clear message', async () => {
    const owner = await seed.user('Clash');
    await seed.project(owner, { name: 'Taken' });
    const { id } = await seed.project(owner, { name: 'Free' });
    const reply = await as(owner, RENAME, { id, name: 'Taken' });
    expect(code(reply)).toBe('CONFLICT');
    expect(reply.errors?.[0]?.message).toBe('You already have a project named "Taken"');
    // Its own name again is no change, and another owner may use the name.
    expect(code(await as(owner, RENAME, { id, name: 'Free' }))).toBe('ok');
    const other = await seed.user('Other');
    expect(code(await as(other, RENAME, { id: (await seed.project(other)).id, name: 'Taken' }))).toBe('ok');
  });
});

describe('archiveProject and restoreProject', () => {
  it('archives: read-only, hidden from the list unless asked for, and restorable', async () => {
    const owner = await seed.user('Arch');
    const { id } = await seed.project(owner, { name: 'Shelved' });
    const archived = (await as(owner, ARCHIVE, { id })).data?.archiveProject as { archivedAt: string | null; myAccess: unknown };
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.myAccess).toEqual({ canEdit: false, canManage: true, canDelete: true });
    const list = async (includeArchived?: boolean) =>
      (
        (await as(owner, 'query($a: Boolean) { projects(includeArchived: $a) { id archivedAt } }', { a: includeArchived })).data
          ?.projects as { id: string }[]
      ).map((p) => p.id);
    expect(await list()).toEqual([]);
    expect(await list(false)).toEqual([]);
    expect(await list(true)).toEqual([id]);

    const renamed = await as(owner, RENAME, { id, name: 'Renamed' });
    expect(code(renamed)).toBe('PROJECT_ARCHIVED');
    expect(renamed.errors?.[0]?.message).toBe('This project is archived, so it is read-only: restore it first');
    const rebuild = await as(owner, 'mutation($id: ID!) { startTeamRun(projectId: $id) { id } }', { id });
    expect(code(rebuild)).toBe('PROJECT_ARCHIVED');
    expect(code(await as(owner, ARCHIVE, { id }))).toBe('ok'); // archiving twice changes nothing

    expect((await as(owner, RESTORE, { id })).data?.restoreProject).toEqual({ id, archivedAt: null, myAccess: { canEdit: true } });
    expect(await list()).toEqual([id]);
    expect((await stack.events.read(id)).map((e) => e.type)).toEqual(['project.archived', 'project.restored']);
  });

  it('refuses to archive while a build is in progress', async () => {
    const owner = await seed.user('Busy');
    const project = await seed.project(owner);
    const em = stack.db.orm.em.fork();
    em.create('ProjectRun', { project: project.id, workflowId: `project-build:${project.id}`, status: 'RUNNING' });
    await em.flush();
    const reply = await as(owner, ARCHIVE, { id: project.id });
    expect(code(reply)).toBe('CONFLICT');
    expect(reply.errors?.[0]?.message).toContain('cancel it or wait for it to end');
  });
});

describe('deleteProject', () => {
  it('needs the exact name, then deletes the rows, appends project.deleted and an audit entry', async () => {
    const owner = await seed.user('Del');
    const { id } = await seed.project(owner, { name: 'Doomed App' });
    for (const confirm of ['doomed app', 'Doomed', ' Doomed App', '']) {
      const reply = await as(owner, DELETE, { id, confirm });
      expect(code(reply)).toBe('CONFIRMATION_MISMATCH');
      expect(reply.errors?.[0]?.message).toBe('Type the project\'s name exactly ("Doomed App") to confirm');
    }
    expect(await stack.db.orm.em.fork().count(Project, { id })).toBe(1);
    expect((await as(owner, DELETE, { id, confirm: 'Doomed App' })).data?.deleteProject).toBe(true);
    expect(await stack.db.orm.em.fork().count(Project, { id })).toBe(0);
    expect((await as(owner, 'query($id: ID!) { project(id: $id) { id } }', { id })).data?.project).toBeNull();
    expect((await stack.events.read(id)).map((e) => e.type)).toEqual(['project.deleted']);
    expect(await stack.redis.ttl(`atelier:{project:${id}}:events`)).toBeGreaterThan(3600);
    const audit = await stack.db.orm.em.fork().find(AuditEvent, { target: `project:${id}` });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['project.deleted', owner]]);
    expect(code(await as(owner, DELETE, { id, confirm: 'Doomed App' }))).toBe('NOT_FOUND');
  });
});

/**
 * The matrix at the API: a team project (visibility `team`, created by its member) and a public personal
 * project. Refusals: NOT_FOUND to those who cannot read it, FORBIDDEN to readers, UNAUTHENTICATED to nobody.
 */
describe('authorization', () => {
  let actors: Record<'owner' | 'admin' | 'member' | 'stranger' | 'alice', string>;
  let teamId: string;
  beforeAll(async () => {
    const ids = await Promise.all(['owner', 'admin', 'member', 'stranger', 'alice'].map((n) => seed.user(n)));
    const [owner, admin, member, stranger, alice] = ids as [string, string, string, string, string];
    actors = { owner, admin, member, stranger, alice };
    const em = stack.db.orm.em.fork();
    const team = em.create(Team, { name: 'Matrix' });
    for (const [user, role] of [
      [owner, 'owner'],
      [admin, 'admin'],
      [member, 'member'],
    ] as const)
      em.create(TeamMember, { team, user, role });
    await em.flush();
    teamId = team.id;
  });
  const who = () => ({ ...actors, anonymous: null });

  it('myAccess follows the policy for every kind of viewer', async () => {
    const team = await seed.project(actors.member, { teamId, visibility: 'team' });
    const shown = await seed.project(actors.alice, { visibility: 'public' });
    const all = { canEdit: true, canManage: true, canDelete: true };
    const none = { canEdit: false, canManage: false, canDelete: false };
    // [the team project (null: not readable), the public project]
    const expected: Record<string, [unknown, unknown]> = {
      owner: [all, none],
      admin: [all, none],
      member: [{ canEdit: true, canManage: true, canDelete: false }, none],
      stranger: [null, none],
      alice: [null, all],
      anonymous: [null, none],
    };
    for (const [name, viewer] of Object.entries(who())) {
      const seen = await Promise.all(
        [team, shown].map(
          async (p) => ((await as(viewer, ACCESS, { id: p.id })).data?.project as { myAccess: unknown } | null)?.myAccess ?? null,
        ),
      );
      expect({ name, seen }).toEqual({ name, seen: expected[name] });
    }
  });

  const TEAM_EXPECTED = {
    rename: { owner: 'ok', admin: 'ok', member: 'ok', stranger: 'NOT_FOUND', alice: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
    archive: { owner: 'ok', admin: 'ok', member: 'FORBIDDEN', stranger: 'NOT_FOUND', alice: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
    restore: { owner: 'ok', admin: 'ok', member: 'FORBIDDEN', stranger: 'NOT_FOUND', alice: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
    delete: { owner: 'ok', admin: 'ok', member: 'FORBIDDEN', stranger: 'NOT_FOUND', alice: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
  };
  const PUBLIC_EXPECTED = {
    rename: { alice: 'ok', stranger: 'FORBIDDEN', member: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    archive: { alice: 'ok', stranger: 'FORBIDDEN', member: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    restore: { alice: 'ok', stranger: 'FORBIDDEN', member: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
    delete: { alice: 'ok', stranger: 'FORBIDDEN', member: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  };

  /** Each viewer acts on a fresh project, so one allowed action never hides the next viewer's answer. */
  async function attempt(action: keyof typeof TEAM_EXPECTED, viewer: string | null, target: () => Promise<Project>): Promise<string> {
    const project = await target();
    const id = project.id;
    if (action === 'restore') await stack.db.orm.em.fork().nativeUpdate(Project, { id }, { archivedAt: new Date() });
    const reply =
      action === 'rename'
        ? await as(viewer, RENAME, { id, name: `Renamed ${randomUUID().slice(0, 6)}` })
        : action === 'archive'
          ? await as(viewer, ARCHIVE, { id })
          : action === 'restore'
            ? await as(viewer, RESTORE, { id })
            : await as(viewer, DELETE, { id, confirm: project.name });
    const after = await stack.db.orm.em.fork().findOne(Project, { id });
    const changed = !after || after.name !== project.name || Boolean(after.archivedAt) !== (action === 'restore');
    // A refusal changes nothing.
    expect({ action, viewer, changed }).toEqual({ action, viewer, changed: code(reply) === 'ok' });
    return code(reply);
  }

  it.each(Object.keys(TEAM_EXPECTED) as (keyof typeof TEAM_EXPECTED)[])('%s on a team project', async (action) => {
    const seen: Record<string, string> = {};
    for (const [name, viewer] of Object.entries(who())) {
      seen[name] = await attempt(action, viewer, () => seed.project(actors.member, { teamId, visibility: 'team' }));
    }
    expect(seen).toEqual(TEAM_EXPECTED[action]);
  });

  it.each(Object.keys(PUBLIC_EXPECTED) as (keyof typeof PUBLIC_EXPECTED)[])('%s on a public personal project', async (action) => {
    const seen: Record<string, string> = {};
    for (const name of Object.keys(PUBLIC_EXPECTED[action])) {
      seen[name] = await attempt(action, name === 'anonymous' ? null : actors[name as keyof typeof actors], () =>
        seed.project(actors.alice, { visibility: 'public' }),
      );
    }
    expect(seen).toEqual(PUBLIC_EXPECTED[action]);
  });
});
