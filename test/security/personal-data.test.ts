import { ProjectFile } from '../../core/project/project.entity';
import { UsageLog } from '../../core/models/usage-log.entity';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, type Stack } from '../harness';

/** Issue 11, items 3 and 7: what the GDPR export holds, what deletion erases, who sees whose contact details. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const password = 'a long enough passphrase';
const REPLY = 'the whole model reply: secret plan for the launch';

async function teamWith(owner: { cookie: string }, member: { cookie: string }, name: string): Promise<string> {
  const team = (
    await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation($n: String!) { createTeam(name: $n) { id } }', { n: name })
  ).data!.createTeam.id;
  const invite = await gql<{ inviteToTeam: { token: string } }>(
    owner.cookie,
    'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }',
    { t: team },
  );
  await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: invite.data!.inviteToTeam.token });
  return team;
}
const createProject = async (cookie: string, input: Record<string, unknown>) =>
  (
    await gql<{ createProject: { id: string } }>(cookie, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', {
      i: { framework: 'express', ...input },
    })
  ).data!.createProject.id;

async function seedUsage(userId: string, projectId: string | null, n: number): Promise<void> {
  const em = stack.db.orm.em.fork();
  for (let i = 0; i < n; i++) {
    em.create(UsageLog, {
      callKey: `test:${userId}:${projectId}:${i}`,
      userId,
      projectId,
      agentRole: 'coder',
      model: 'fake/model',
      provider: 'fake',
      promptTokens: 10,
      completionTokens: 20,
      totalTokens: 30,
      costUsdNanos: '1000',
      costInrNanos: '90000',
      response: { text: REPLY },
    });
  }
  await em.flush();
}

type Export = {
  projects: { name: string; files: { path: string; content: string }[] }[];
  usageLogs: { model: string; totalTokens: number; response?: unknown }[];
};

describe('exportMyData and deleteAccount (item 3)', () => {
  it('a member removed from a team exports nothing of its projects, not even files added after the removal', async () => {
    const ada = await signUp('Ada3');
    const bob = await signUp('Bob3');
    const team = await teamWith(ada, bob, 'Studio Three');
    const shared = await createProject(bob.cookie, { name: 'Shared Three', teamId: team, visibility: 'team' });
    await createProject(bob.cookie, { name: 'Own Three' });
    const before = (await gql<{ exportMyData: Export }>(bob.cookie, '{ exportMyData }')).data!.exportMyData;
    expect(before.projects.map((p) => p.name).sort()).toEqual(['Own Three', 'Shared Three']);

    await gql(ada.cookie, 'mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) }', { t: team, u: bob.id });
    const em = stack.db.orm.em.fork();
    em.create(ProjectFile, {
      project: shared,
      path: 'src/after-removal.js',
      content: 'team secret added later',
      language: 'javascript',
      size: 23,
    });
    await em.flush();

    const after = (await gql<{ exportMyData: Export }>(bob.cookie, '{ exportMyData }')).data!.exportMyData;
    expect(after.projects.map((p) => p.name)).toEqual(['Own Three']);
    expect(JSON.stringify(after)).not.toContain('team secret added later');
    expect(JSON.stringify(after)).not.toContain(shared);
  });

  it('exports the caller’s usage logs, and deleteAccount leaves no usage row with the user’s id or reply text', async () => {
    const cy = await signUp('Cy3');
    const own = await createProject(cy.cookie, { name: 'Cy Notes' });
    await seedUsage(cy.id, own, 2);
    const exported = (await gql<{ exportMyData: Export }>(cy.cookie, '{ exportMyData }')).data!.exportMyData;
    expect(exported.usageLogs).toHaveLength(2);
    expect(exported.usageLogs[0]).toMatchObject({ model: 'fake/model', totalTokens: 30, response: { text: REPLY } });

    const deleted = await gql(cy.cookie, 'mutation($p: String!) { deleteAccount(password: $p) }', { p: password });
    expect(deleted.data).toEqual({ deleteAccount: true });
    const connection = stack.db.orm.em.getConnection();
    expect(await connection.execute(`select count(*)::int as n from usage_logs where user_id = ?`, [cy.id])).toEqual([{ n: 0 }]);
    expect(await connection.execute(`select count(*)::int as n from usage_logs where response::text like ?`, [`%${REPLY}%`])).toEqual([
      { n: 0 },
    ]);
  });
});

const FIELDS = '{ owner { displayName email tier platformRole emailVerified } team { members { role user { displayName email tier } } } }';

describe('field-level reads of a public team project (item 7)', () => {
  let ada: { id: string; cookie: string };
  let bob: { id: string; cookie: string };
  let project: string;
  beforeAll(async () => {
    ada = await signUp('Ada7');
    bob = await signUp('Bob7');
    const team = await teamWith(ada, bob, 'Studio Seven');
    project = await createProject(bob.cookie, { name: 'Open Seven', teamId: team, visibility: 'public' });
  });
  type Seen = {
    project: { owner: Record<string, unknown>; team: { members: { role: string | null; user: Record<string, unknown> }[] } } | null;
  };
  const read = (cookie: string | undefined) => gql<Seen>(cookie, `query($id: ID!) { project(id: $id) ${FIELDS} }`, { id: project });

  it.each([
    ['an anonymous viewer', () => undefined],
    ['a signed-in outsider', async () => (await signUp('Eve7')).cookie],
  ])('%s sees display names only', async (_who, cookieOf) => {
    const reply = await read(await cookieOf());
    expect(reply.errors).toBeUndefined();
    expect(reply.text).not.toMatch(/@example\.com/);
    expect(reply.data!.project!.owner).toEqual({ displayName: 'Bob7', email: null, tier: null, platformRole: null, emailVerified: null });
    expect(reply.data!.project!.team.members).toEqual([
      { role: null, user: { displayName: 'Ada7', email: null, tier: null } },
      { role: null, user: { displayName: 'Bob7', email: null, tier: null } },
    ]);
  });

  it('members still see emails, roles and tiers', async () => {
    const reply = await read(ada.cookie);
    expect(reply.errors).toBeUndefined();
    expect(reply.data!.project!.owner).toMatchObject({ email: 'bob7@example.com', tier: 'free' });
    expect(reply.data!.project!.team.members).toEqual([
      { role: 'owner', user: { displayName: 'Ada7', email: 'ada7@example.com', tier: 'free' } },
      { role: 'member', user: { displayName: 'Bob7', email: 'bob7@example.com', tier: 'free' } },
    ]);
  });
});
