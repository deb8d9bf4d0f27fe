import { AuditEvent } from '../../../../core/audit/audit.entity';
import { DeployEnvVar } from '../../../../core/deploy/deploy.entities';
import { codeOf, createDeployKit, DELETE_ENV, ENV, fieldOf, SET_ENV, type DeployKit } from '../../../../test/fixtures/deploy';

/** Deployment env vars and secrets over GraphQL: validated, sealed, masked, per target, and only for configurers. */
let kit: DeployKit;
beforeAll(async () => {
  kit = await createDeployKit();
});
afterAll(() => kit?.dispose());

const SECRET = 'sk-live-THISISTHESECRET-42';
const envOf = async (projectId: string, viewerId: string) =>
  ((await kit.ok(ENV, { p: projectId }, viewerId)).projectDeployments as { env: unknown[]; canDeploy: boolean; canConfigure: boolean });

it('stores a secret sealed and shows only its hint; a plain variable shows its value; a target’s own value wins over *', async () => {
  const ada = await kit.person('Ada');
  const project = await kit.project(ada);
  const set = await kit.gql(SET_ENV, { i: { projectId: project, target: '*', key: 'API_KEY', value: SECRET } }, ada);
  expect(set.data).toEqual({
    setDeployEnvVar: { target: '*', key: 'API_KEY', secret: true, value: null, hint: '••••42', updatedAt: expect.any(String) },
  });
  expect(JSON.stringify(set)).not.toContain('THISISTHESECRET');
  await kit.ok(SET_ENV, { i: { projectId: project, target: '*', key: 'NODE_ENV', value: 'production', secret: false } }, ada);
  await kit.ok(SET_ENV, { i: { projectId: project, target: '*', key: 'API_URL', value: 'https://api.example.com', secret: false } }, ada);
  await kit.ok(SET_ENV, { i: { projectId: project, target: 'vercel', key: 'API_URL', value: 'https://vercel.example.com', secret: false } }, ada);
  await kit.ok(SET_ENV, { i: { projectId: project, target: 'local', key: 'PIN', value: 'abc' } }, ada);

  const listed = await envOf(project, ada);
  expect(listed).toEqual({
    canDeploy: true,
    canConfigure: true,
    env: [
      { target: '*', key: 'API_KEY', secret: true, value: null, hint: '••••42' },
      { target: '*', key: 'API_URL', secret: false, value: 'https://api.example.com', hint: '' },
      { target: '*', key: 'NODE_ENV', secret: false, value: 'production', hint: '' },
      // Too short to show any of it.
      { target: 'local', key: 'PIN', secret: true, value: null, hint: '••••' },
      { target: 'vercel', key: 'API_URL', secret: false, value: 'https://vercel.example.com', hint: '' },
    ],
  });
  expect(JSON.stringify(listed)).not.toContain('THISISTHESECRET');

  const rows = await kit.stack.db.orm.em.fork().find(DeployEnvVar, { project });
  for (const row of rows) expect(row.sealed).toMatch(/^v1\.k1\./);
  expect(JSON.stringify(rows.map((r) => r.sealed))).not.toContain('THISISTHESECRET');

  const secrets = kit.stack.app.createContext(null).deploySecrets;
  expect(await secrets.envFor(project, 'vercel')).toEqual({ API_KEY: SECRET, NODE_ENV: 'production', API_URL: 'https://vercel.example.com' });
  expect(await secrets.envFor(project, 'netlify')).toEqual({ API_KEY: SECRET, NODE_ENV: 'production', API_URL: 'https://api.example.com' });
  expect(await secrets.envFor(project, 'local')).toEqual({ API_KEY: SECRET, NODE_ENV: 'production', API_URL: 'https://api.example.com', PIN: 'abc' });

  // Replacing keeps one row; turning a plain variable into a secret hides it from then on.
  await kit.ok(SET_ENV, { i: { projectId: project, target: '*', key: 'NODE_ENV', value: 'staging-value', secret: true } }, ada);
  expect((await envOf(project, ada)).env).toContainEqual({ target: '*', key: 'NODE_ENV', secret: true, value: null, hint: '••••ue' });
  expect(await kit.stack.db.orm.em.fork().count(DeployEnvVar, { project, key: 'NODE_ENV' })).toBe(1);

  expect(await kit.ok(DELETE_ENV, { p: project, t: 'vercel', k: 'API_URL' }, ada)).toEqual({ deleteDeployEnvVar: true });
  expect(await kit.ok(DELETE_ENV, { p: project, t: 'vercel', k: 'API_URL' }, ada)).toEqual({ deleteDeployEnvVar: false });
  expect((await secrets.envFor(project, 'vercel')).API_URL).toBe('https://api.example.com');

  // The audit trail names the keys, never a value.
  const audit = await kit.stack.db.orm.em.fork().find(AuditEvent, { target: `project:${project}` });
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['deploy-env.added', 'deploy-env.replaced', 'deploy-env.removed']));
  expect(JSON.stringify(audit)).not.toContain('THISISTHESECRET');
});

it('refuses bad keys, targets, oversized values and a 101st variable with BAD_USER_INPUT naming the field', async () => {
  const ada = await kit.person('Ada');
  const project = await kit.project(ada);
  const attempt = (i: Record<string, unknown>) => kit.gql(SET_ENV, { i: { projectId: project, target: '*', key: 'OK', value: 'v', ...i } }, ada);
  for (const key of ['1ST', 'WITH-DASH', 'with space', '', 'K'.repeat(129)]) {
    const reply = await attempt({ key });
    expect([key, codeOf(reply), fieldOf(reply)]).toEqual([key, 'BAD_USER_INPUT', 'key']);
  }
  const badTarget = await attempt({ target: 'heroku' });
  expect([codeOf(badTarget), fieldOf(badTarget)]).toEqual(['BAD_USER_INPUT', 'target']);
  const tooBig = await attempt({ value: 'x'.repeat(32 * 1024 + 1) });
  expect([codeOf(tooBig), fieldOf(tooBig)]).toEqual(['BAD_USER_INPUT', 'value']);
  // Multi-byte characters count in bytes: 16 Ki two-byte characters is exactly 32 KiB, one more is over.
  expect(codeOf(await attempt({ value: 'é'.repeat(16 * 1024) }))).toBeUndefined();
  expect(fieldOf(await attempt({ value: 'é'.repeat(16 * 1024 + 1) }))).toBe('value');
  expect(fieldOf(await kit.gql(DELETE_ENV, { p: project, t: 'nowhere', k: 'OK' }, ada))).toBe('target');

  for (let i = 1; i < 99; i++) await kit.ok(SET_ENV, { i: { projectId: project, target: '*', key: `K${i}`, value: `v${i}` } }, ada);
  expect(await kit.stack.db.orm.em.fork().count(DeployEnvVar, { project })).toBe(99);
  // Two new variables at once with room for one: the project's lock lets exactly one in.
  const race = await Promise.all(['RACE_A', 'RACE_B'].map((key) => attempt({ key })));
  expect(race.map(codeOf).sort()).toEqual(['BAD_USER_INPUT', undefined]);
  expect(await kit.stack.db.orm.em.fork().count(DeployEnvVar, { project })).toBe(100);
  const over = await attempt({ key: 'ONE_MORE' });
  expect([codeOf(over), fieldOf(over)]).toEqual(['BAD_USER_INPUT', 'key']);
  expect(over.errors?.[0]?.message).toMatch(/at most 100/);
  // Replacing one of the hundred is still fine.
  expect(codeOf(await attempt({ key: 'K1', value: 'again' }))).toBeUndefined();
  expect(await kit.stack.db.orm.em.fork().count(DeployEnvVar, { project })).toBe(100);
});

it('lets a team project’s owners and admins configure; members read names only; others get NOT_FOUND', async () => {
  const [olga, adam, mia, stranger, reader, guest] = await Promise.all(['Olga', 'Adam', 'Mia', 'Sten', 'Rita', 'Gus'].map((n) => kit.person(n)));
  const team = await kit.team(olga, { [adam]: 'admin', [mia]: 'member' });
  const project = await kit.project(mia, { teamId: team, visibility: 'public' });
  await kit.roomGuest(project, mia, guest);
  const input = (key: string) => ({ i: { projectId: project, target: '*', key, value: 'plain-value', secret: false } });

  expect(codeOf(await kit.gql(SET_ENV, input('BY_OWNER'), olga))).toBeUndefined();
  expect(codeOf(await kit.gql(SET_ENV, input('BY_ADMIN'), adam))).toBeUndefined();
  // A plain member (even the project's creator) deploys but does not configure.
  expect(codeOf(await kit.gql(SET_ENV, input('BY_MEMBER'), mia))).toBe('FORBIDDEN');
  expect(codeOf(await kit.gql(DELETE_ENV, { p: project, t: '*', k: 'BY_OWNER' }, mia))).toBe('FORBIDDEN');
  expect(await envOf(project, mia)).toEqual({
    canDeploy: true,
    canConfigure: false,
    env: [
      { target: '*', key: 'BY_ADMIN', secret: false, value: null, hint: '' },
      { target: '*', key: 'BY_OWNER', secret: false, value: null, hint: '' },
    ],
  });
  expect((await envOf(project, adam)).env).toContainEqual({ target: '*', key: 'BY_ADMIN', secret: false, value: 'plain-value', hint: '' });

  // A public project's reader, a room guest, a stranger and an anonymous visitor: as if there were no project.
  for (const who of [reader, guest, stranger]) {
    expect(codeOf(await kit.gql(ENV, { p: project }, who))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(SET_ENV, input('X'), who))).toBe('NOT_FOUND');
    expect(codeOf(await kit.gql(DELETE_ENV, { p: project, t: '*', k: 'BY_OWNER' }, who))).toBe('NOT_FOUND');
  }
  expect(codeOf(await kit.gql(ENV, { p: project }, null))).toBe('NOT_FOUND');
  expect(codeOf(await kit.gql(SET_ENV, input('X'), null))).toBe('UNAUTHENTICATED');
  expect(codeOf(await kit.gql(ENV, { p: 'not-a-uuid' }, olga))).toBe('NOT_FOUND');
});

it('refuses changes to an archived project with PROJECT_ARCHIVED', async () => {
  const ada = await kit.person('Ada');
  const project = await kit.project(ada, { archivedAt: new Date() });
  const reply = await kit.gql(SET_ENV, { i: { projectId: project, target: '*', key: 'A', value: 'b' } }, ada);
  expect(codeOf(reply)).toBe('PROJECT_ARCHIVED');
  expect(codeOf(await kit.gql(DELETE_ENV, { p: project, t: '*', k: 'A' }, ada))).toBe('PROJECT_ARCHIVED');
  expect(await envOf(project, ada)).toEqual({ env: [], canDeploy: false, canConfigure: false });
});
