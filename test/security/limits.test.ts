import { graphqlOver, type Gql } from '../graphql-http';
import { LOCAL_USER_ID } from '../../core/user/user.entity';
import { createStack, testLimits, type Stack } from '../harness';

/** Issue 11, item 10: the limits a tier shows are the limits it enforces. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

type Errors = { message: string; extensions: Record<string, unknown> }[];
const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';
const create = (cookie: string, input: Record<string, unknown>) =>
  gql<{ createProject: { id: string } | null }>(cookie, CREATE, { i: { framework: 'express', ...input } }) as Promise<{
    data?: { createProject: { id: string } | null } | null;
    errors?: Errors;
  }>;
const USAGE = '{ usage { tier meters { kind used limit percent warning } } }';
type Meter = { kind: string; used: number; limit: number | null; percent: number | null; warning: number | null };

describe('the project cap of the tier (free: 5)', () => {
  it('refuses the 6th personal project with LIMIT_EXCEEDED naming the limit and the cap; a retried key is not counted twice', async () => {
    const uma = await signUp('Capped');
    for (let i = 1; i <= 5; i++)
      expect((await create(uma.cookie, { name: `P${i}`, idempotencyKey: `cap-key-000${i}` })).errors).toBeUndefined();
    // Retrying a create that already happened returns the same project, even at the cap.
    const retried = await create(uma.cookie, { name: 'P5', idempotencyKey: 'cap-key-0005' });
    expect(retried.errors).toBeUndefined();

    const sixth = await create(uma.cookie, { name: 'P6' });
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', kind: 'projects', limit: 5, used: 5, scope: 'user' });
    expect(sixth.errors?.[0]?.message).toMatch(/5 projects/);
    expect(await stack.db.orm.em.fork().count('Project', { owner: uma.id })).toBe(5);
  });

  it('lets exactly one of two concurrent creates at cap - 1 through', async () => {
    const ida = await signUp('Racer');
    for (let i = 1; i <= 4; i++) expect((await create(ida.cookie, { name: `R${i}` })).errors).toBeUndefined();
    const both = await Promise.all([create(ida.cookie, { name: 'R5a' }), create(ida.cookie, { name: 'R5b' })]);
    expect(both.filter((r) => r.data?.createProject).length).toBe(1);
    expect(both.flatMap((r) => r.errors ?? []).map((e) => e.extensions.code)).toEqual(['LIMIT_EXCEEDED']);
    expect(await stack.db.orm.em.fork().count('Project', { owner: ida.id })).toBe(5);
  });

  it('lets two concurrent retries of one create at cap - 1 both answer the same project', async () => {
    const rea = await signUp('Retrier');
    for (let i = 1; i <= 4; i++) expect((await create(rea.cookie, { name: `K${i}` })).errors).toBeUndefined();
    const input = { name: 'K5', idempotencyKey: 'cap-retry-key-01' };
    const both = await Promise.all([create(rea.cookie, input), create(rea.cookie, input)]);
    expect(both.map((r) => r.errors)).toEqual([undefined, undefined]);
    expect(new Set(both.map((r) => r.data?.createProject?.id)).size).toBe(1);
  });

  it("counts a team's projects against the team owner's tier, apart from the members' personal ones", async () => {
    const owner = await signUp('TeamCapOwner');
    const member = await signUp('TeamCapMember');
    const team = (await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Cap Team") { id } }')).data!
      .createTeam;
    const invite = (
      await gql<{ inviteToTeam: { token: string } }>(
        owner.cookie,
        'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "admin") { token } }',
        { t: team.id },
      )
    ).data!.inviteToTeam;
    await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: invite.token });
    // The member fills their own personal cap first: it must not matter for the team.
    for (let i = 1; i <= 5; i++) expect((await create(member.cookie, { name: `Mine ${i}` })).errors).toBeUndefined();
    for (let i = 1; i <= 5; i++) {
      const by = i % 2 ? member : owner;
      expect((await create(by.cookie, { name: `Team ${i}`, teamId: team.id, visibility: 'team' })).errors).toBeUndefined();
    }
    const sixth = await create(member.cookie, { name: 'Team 6', teamId: team.id });
    expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', kind: 'projects', limit: 5, used: 5, scope: 'team' });
    // The owner's personal projects are a separate count.
    expect((await create(owner.cookie, { name: 'Owner personal' })).errors).toBeUndefined();
  });
});

describe('usage right after sign-up', () => {
  it('shows no meter at or near its limit, so the header shows no badge', async () => {
    const fresh = await signUp('Fresh');
    const reply = await gql<{ usage: { tier: string; meters: Meter[] } }>(fresh.cookie, USAGE);
    expect(reply.errors).toBeUndefined();
    const meters = reply.data!.usage.meters;
    expect(meters.filter((m) => m.warning !== null || (m.percent ?? 0) > 0)).toEqual([]);
    expect(meters.every((m) => m.used === 0)).toBe(true);
  });
});

describe('windows for team creation and invitations', () => {
  const free = testLimits.tiers.free;
  const withGrace = (limit: number) => limit + Math.floor((limit * testLimits.gracePercent) / 100);

  it('refuses a free user the team past teams:daily with RATE_LIMIT_EXCEEDED, and counts the attempt nowhere else', async () => {
    const tom = await signUp('TeamSpammer');
    const createTeam = (n: number) =>
      gql<{ createTeam: { id: string } }>(tom.cookie, 'mutation($n: String!) { createTeam(name: $n) { id } }', { n: `Spam ${n}` });
    const allowed = withGrace(free.teamsPerDay!);
    for (let i = 1; i <= allowed; i++) expect((await createTeam(i)).errors).toBeUndefined();
    const refused = await createTeam(allowed + 1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      kind: 'teams:daily',
      limit: free.teamsPerDay,
      remaining: 0,
    });
    expect(refused.errors?.[0]?.extensions.retryAfter).toBeGreaterThan(0);
    expect(await stack.db.orm.em.fork().count('TeamMember', { user: tom.id })).toBe(allowed);
  });

  it('refuses a free user the invitation past invitations:hourly, over all their teams', async () => {
    const ivy = await signUp('InviteSpammer');
    const teams = await Promise.all(
      ['Ivy One', 'Ivy Two'].map(
        async (n) =>
          (await gql<{ createTeam: { id: string } }>(ivy.cookie, 'mutation($n: String!) { createTeam(name: $n) { id } }', { n })).data!
            .createTeam.id,
      ),
    );
    const invite = (t: string) => gql(ivy.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }', { t });
    const allowed = withGrace(free.invitationsPerHour!);
    for (let i = 1; i <= allowed; i++) expect((await invite(teams[i % 2]!)).errors).toBeUndefined();
    const refused = await invite(teams[0]!);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'RATE_LIMIT_EXCEEDED',
      kind: 'invitations:hourly',
      limit: free.invitationsPerHour,
    });
    expect(await stack.db.orm.em.fork().count('TeamInvitation', { invitedBy: ivy.id })).toBe(allowed);
  });
});

describe('the first account, which adopts the projects of single-user mode', () => {
  it('reads those projects in its meter (the "Usage 100%" after sign-up) and is held to the cap from then on', async () => {
    const fresh = await createStack();
    try {
      const local = fresh.app.createContext();
      // Single-user mode (no account yet): the built-in local user has no cap.
      for (let i = 1; i <= 5; i++) await local.projects.create(LOCAL_USER_ID, { name: `Local ${i}`, framework: 'express' });
      const first = graphqlOver(await fresh.app.listen(0, '127.0.0.1'));
      const admin = await first.signUp('FirstAdmin');
      const usage = await first.gql<{ usage: { meters: Meter[] } }>(admin.cookie, USAGE);
      expect(usage.data!.usage.meters.filter((m) => m.warning !== null)).toEqual([
        { kind: 'projects', used: 5, limit: 5, percent: 100, warning: 90 },
      ]);
      const sixth = await first.gql(admin.cookie, CREATE, { i: { name: 'Sixth', framework: 'express' } });
      expect(sixth.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', kind: 'projects', limit: 5, used: 5 });
      // A later sign-up starts from nothing.
      const second = await first.signUp('SecondUser');
      const clean = await first.gql<{ usage: { meters: Meter[] } }>(second.cookie, USAGE);
      expect(clean.data!.usage.meters.filter((m) => m.used > 0 || m.warning !== null)).toEqual([]);
    } finally {
      await fresh.dispose();
    }
  });
});
