import { randomBytes } from 'node:crypto';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { DeploySecrets } from '../../../../core/deploy/deploy-secrets';
import { SecretBox, parseKeyring } from '../../../../core/keys/secret-box';
import { User } from '../../../../core/user/user.entity';
import { DeployEnvVar, DeployToken } from '../../../../core/deploy/deploy.entities';
import { FAKE_VERCEL_TEAM } from '../../../../test/fakes/deploy/vercel-fake';
import {
  codeOf,
  fieldOf,
  SET_ENV,
  SET_TEAM_TOKEN,
  SET_TOKEN,
  TEAM_TOKENS,
  TOKENS,
  useVercelDeployKit,
} from '../../../../test/fixtures/deploy';

/**
 * Deployment provider tokens over GraphQL, checked by Vercel's real adapter against its wire fake: sealed, shown
 * as a hint, refused tokens never stored, a team's managed by its owners and admins, and a team project deploys
 * with the team's token only.
 */
const t = useVercelDeployKit();
beforeEach(() => t.fake.reset());

const TARGETS = 'query($p: ID!) { projectDeployments(projectId: $p) { targets { target ready missingTokens } } }';

it('checks a token with the provider, stores it sealed and shows a hint; a refused one is never stored', async () => {
  const ada = await t.kit.person('Ada');
  const token = t.fake.token.value;
  const set = await t.kit.gql(SET_TOKEN, { p: 'vercel', t: token }, ada);
  expect(set.data).toEqual({ setDeployToken: { provider: 'vercel', hint: `${token.slice(0, 3)}…${token.slice(-4)}`, account: 'ada-vercel', scope: null, lastUsedAt: null } });
  expect(JSON.stringify(set)).not.toContain(token);
  const row = await t.kit.stack.db.orm.em.fork().findOneOrFail(DeployToken, { user: ada, provider: 'vercel' });
  expect(row.sealed).toMatch(/^v1\.k1\./);
  expect(row.sealed).not.toContain(token);

  // Vercel answers 403 for a token it does not know, and for a team the token cannot open.
  const refused = await t.kit.gql(SET_TOKEN, { p: 'vercel', t: 'vercel-token-nobody-knows' }, ada);
  expect(codeOf(refused)).toBe('DEPLOY_TOKEN_REFUSED');
  expect(JSON.stringify(refused)).not.toContain('vercel-token-nobody-knows');
  expect(codeOf(await t.kit.gql(SET_TOKEN, { p: 'vercel', t: token, s: 'team_someone_else' }, ada))).toBe('DEPLOY_TOKEN_REFUSED');
  // The earlier token stays as it was.
  expect((await t.kit.ok(TOKENS, {}, ada)).deployTokens).toEqual([{ provider: 'vercel', hint: (set.data!.setDeployToken as { hint: string }).hint, account: 'ada-vercel', scope: null }]);

  const bob = await t.kit.person('Bob');
  expect(codeOf(await t.kit.gql(SET_TOKEN, { p: 'vercel', t: 'vercel-token-nobody-knows' }, bob))).toBe('DEPLOY_TOKEN_REFUSED');
  expect((await t.kit.ok(TOKENS, {}, bob)).deployTokens).toEqual([]);
  expect(await t.kit.stack.db.orm.em.fork().count(DeployToken, { user: bob })).toBe(0);

  // A scope is checked too and kept.
  expect((await t.kit.ok(SET_TOKEN, { p: 'vercel', t: token, s: FAKE_VERCEL_TEAM }, ada)).setDeployToken).toMatchObject({ scope: FAKE_VERCEL_TEAM });

  expect(fieldOf(await t.kit.gql(SET_TOKEN, { p: 'heroku', t: token }, ada))).toBe('provider');
  expect(fieldOf(await t.kit.gql(SET_TOKEN, { p: 'vercel', t: 'short' }, ada))).toBe('token');
  // A provider whose target this platform does not offer cannot be checked, so nothing is stored.
  expect(codeOf(await t.kit.gql(SET_TOKEN, { p: 'netlify', t: 'netlify-token-123' }, ada))).toBe('DEPLOY_TARGET_UNAVAILABLE');
  expect(codeOf(await t.kit.gql(SET_TOKEN, { p: 'vercel', t: token }, null))).toBe('UNAUTHENTICATED');

  expect(await t.kit.ok('mutation { deleteDeployToken(provider: "vercel") }', {}, ada)).toEqual({ deleteDeployToken: true });
  expect(await t.kit.ok('mutation { deleteDeployToken(provider: "vercel") }', {}, ada)).toEqual({ deleteDeployToken: false });
  expect((await t.kit.ok(TOKENS, {}, ada)).deployTokens).toEqual([]);

  const audit = await t.kit.stack.db.orm.em.fork().find(AuditEvent, { target: `user:${ada}` }, { orderBy: { at: 'asc' } });
  expect(audit.map((a) => [a.action, a.data])).toEqual([
    ['deploy-tokens.added', { provider: 'vercel' }],
    ['deploy-tokens.replaced', { provider: 'vercel' }],
    ['deploy-tokens.removed', { provider: 'vercel' }],
  ]);
});

it("lets a team's owners and admins manage its tokens, and deploys a team project with the team's token, never a member's", async () => {
  const [olga, adam, mia, stranger] = await Promise.all(['Olga', 'Adam', 'Mia', 'Sten'].map((n) => t.kit.person(n)));
  const team = await t.kit.team(olga, { [adam]: 'admin', [mia]: 'member' });
  const teamProject = await t.kit.project(mia, { teamId: team });
  const personal = await t.kit.project(mia);
  const secrets = t.kit.stack.app.createContext(null).deploySecrets;

  // Mia's own token serves her personal project only.
  await t.kit.ok(SET_TOKEN, { p: 'vercel', t: t.fake.token.value }, mia);
  expect(await secrets.missingTokens(personal, 'vercel')).toEqual([]);
  expect(await secrets.missingTokens(teamProject, 'vercel')).toEqual(['vercel']);
  expect(await secrets.tokensFor(teamProject, 'vercel')).toEqual({ tokens: {}, scopes: {} });
  expect(await secrets.missingTokens(teamProject, 'local')).toEqual([]);
  expect((await t.kit.ok(TARGETS, { p: teamProject }, mia)).projectDeployments).toEqual({ targets: [{ target: 'vercel', ready: false, missingTokens: ['vercel'] }] });
  expect(codeOf(await t.kit.gql('mutation($i: DeployInput!) { deploy(input: $i) { id } }', { i: { projectId: teamProject, target: 'vercel' } }, mia))).toBe(
    'DEPLOY_TOKEN_MISSING',
  );

  const teamSet = { team, p: 'vercel', t: t.fake.token.value, s: FAKE_VERCEL_TEAM };
  expect(codeOf(await t.kit.gql(SET_TEAM_TOKEN, teamSet, mia))).toBe('FORBIDDEN');
  expect(codeOf(await t.kit.gql(TEAM_TOKENS, { team }, mia))).toBe('FORBIDDEN');
  expect(codeOf(await t.kit.gql('mutation($team: ID!) { deleteTeamDeployToken(teamId: $team, provider: "vercel") }', { team }, mia))).toBe('FORBIDDEN');
  expect(codeOf(await t.kit.gql(SET_TEAM_TOKEN, teamSet, stranger))).toBe('NOT_FOUND');
  expect(codeOf(await t.kit.gql(TEAM_TOKENS, { team }, stranger))).toBe('NOT_FOUND');
  expect(codeOf(await t.kit.gql(SET_TEAM_TOKEN, { ...teamSet, t: 'vercel-token-refused' }, adam))).toBe('DEPLOY_TOKEN_REFUSED');
  expect(await t.kit.stack.db.orm.em.fork().count(DeployToken, { team })).toBe(0);

  expect((await t.kit.ok(SET_TEAM_TOKEN, teamSet, adam)).setTeamDeployToken).toMatchObject({ provider: 'vercel', account: 'ada-vercel', scope: FAKE_VERCEL_TEAM });
  expect((await t.kit.ok(TEAM_TOKENS, { team }, olga)).teamDeployTokens).toEqual([
    { provider: 'vercel', hint: expect.stringMatching(/^ver…/), account: 'ada-vercel', scope: FAKE_VERCEL_TEAM },
  ]);
  // The team's token, with its scope, for the team's project; Mia's, without one, for hers.
  expect(await secrets.tokensFor(teamProject, 'vercel')).toEqual({ tokens: { vercel: t.fake.token.value }, scopes: { vercel: FAKE_VERCEL_TEAM } });
  expect(await secrets.tokensFor(personal, 'vercel')).toEqual({ tokens: { vercel: t.fake.token.value }, scopes: {} });
  expect((await t.kit.stack.db.orm.em.fork().findOneOrFail(DeployToken, { team })).lastUsedAt).toBeInstanceOf(Date);
  expect((await t.kit.ok(TARGETS, { p: teamProject }, mia)).projectDeployments).toEqual({ targets: [{ target: 'vercel', ready: true, missingTokens: [] }] });

  expect(await t.kit.ok('mutation($team: ID!) { deleteTeamDeployToken(teamId: $team, provider: "vercel") }', { team }, olga)).toEqual({
    deleteTeamDeployToken: true,
  });
  expect(await secrets.missingTokens(teamProject, 'vercel')).toEqual(['vercel']);
  const audit = await t.kit.stack.db.orm.em.fork().find(AuditEvent, { target: `team:${team}` });
  expect(audit.map((a) => [a.action, a.actorId]).sort()).toEqual([
    ['deploy-tokens.added', adam],
    ['deploy-tokens.removed', olga],
  ]);
});

it('re-seals env vars, secrets and tokens under a new master key, with the model keys', async () => {
  const [ada, root] = await Promise.all([t.kit.person('Ada'), t.kit.person('Root')]);
  await t.kit.stack.db.orm.em.fork().nativeUpdate(User, { id: root }, { platformRole: 'admin' });
  const project = await t.kit.project(ada);
  await t.kit.ok(SET_TOKEN, { p: 'vercel', t: t.fake.token.value }, ada);
  await t.kit.ok(SET_ENV, { i: { projectId: project, target: '*', key: 'API_KEY', value: 'sk-rotate-me-please' } }, ada);

  // The platform admins' rotation covers deployment secrets too (nothing to move while the keyring is unchanged).
  expect(codeOf(await t.kit.gql('mutation { rotateProviderKeys }', {}, ada))).toBe('FORBIDDEN');
  expect(await t.kit.ok('mutation { rotateProviderKeys }', {}, root)).toEqual({ rotateProviderKeys: 0 });

  const k2 = `k2:${randomBytes(32).toString('base64')}`;
  const orm = t.kit.stack.db.orm;
  const before = (await orm.em.fork().count(DeployEnvVar, {})) + (await orm.em.fork().count(DeployToken, {}));
  const rotated = new DeploySecrets({ orm, box: new SecretBox(parseKeyring(`${k2},${t.kit.masterKeys}`)), targets: {} });
  expect(await rotated.rotateAll(root)).toBe(before);
  const onlyK2 = new DeploySecrets({ orm, box: new SecretBox(parseKeyring(k2)), targets: {} });
  expect(await onlyK2.envFor(project, 'local')).toEqual({ API_KEY: 'sk-rotate-me-please' });
  expect((await onlyK2.tokensFor(project, 'vercel')).tokens).toEqual({ vercel: t.fake.token.value });
  const audit = await orm.em.fork().find(AuditEvent, { action: 'deploy-secrets.rotated' }, { orderBy: { at: 'asc' } });
  expect(audit.map((a) => [a.actorId, a.data])).toEqual([
    [root, { moved: 0, unreadable: [], keyId: 'k1' }],
    [root, { moved: before, unreadable: [], keyId: 'k2' }],
  ]);
});
