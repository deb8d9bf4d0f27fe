import { Session } from '../../core/auth/auth.entity';
import { tokenId } from '../../core/auth/secrets';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, type Stack } from '../harness';
import { subscribeAndSettle, wsClient, type WsErrors } from './ws-client';

/**
 * Issue 11, item 8: a live `projectEvents` stream is authorised for as long as it runs, not only when it
 * starts. A revoked session or a removed team member loses the stream within a second.
 */
let stack: Stack;
let http: string;
let ws: string;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
beforeAll(async () => {
  stack = await createStack();
  http = await stack.app.listen(0, '127.0.0.1');
  ws = `${http.replace('http', 'ws')}/graphql`;
  ({ gql, signUp } = graphqlOver(http));
});
afterAll(() => stack?.dispose());

const EVENTS = 'subscription($p: ID!) { projectEvents(projectId: $p) { id type } }';
const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';

/** Ms from now until the subscription ends (an error or completion), or 'still open' after `timeoutMs`. */
async function endsWithin(sub: ReturnType<typeof subscribeAndSettle>, timeoutMs = 3000): Promise<{ ms: number; errors?: WsErrors } | 'still open'> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const errors = sub.received.find((r) => r.errors)?.errors;
    if (errors || sub.isCompleted()) return { ms: Date.now() - start, errors };
    await new Promise((r) => setTimeout(r, 20));
  }
  return 'still open';
}

it('closes the stream of a session revoked elsewhere within a second', async () => {
  const ada = await signUp('Ada');
  const project = (await gql<{ createProject: { id: string } }>(ada.cookie, CREATE, { i: { name: 'Mine', framework: 'express' } })).data!.createProject;
  const client = wsClient(ws, ada.cookie);
  const sub = subscribeAndSettle(client, EVENTS, { p: project.id });
  expect(await sub.settled).toBe('accepted');
  expect(sub.received.map((r) => r.errors)).not.toContainEqual(expect.anything());

  expect((await gql(ada.cookie, 'mutation { logOutEverywhere }')).data).toEqual({ logOutEverywhere: true });
  const ended = await endsWithin(sub);
  expect(ended).not.toBe('still open');
  const { ms, errors } = ended as { ms: number; errors?: WsErrors };
  expect(ms).toBeLessThan(1000);
  expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await client.dispose();
});

it("closes a removed member's stream of a team project within a second; the owner's stays open", async () => {
  const owner = await signUp('Olga');
  const member = await signUp('Mats');
  const team = (await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Crew") { id } }')).data!.createTeam;
  const token = (await gql<{ inviteToTeam: { token: string } }>(owner.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }', { t: team.id })).data!.inviteToTeam.token;
  await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: token });
  const project = (await gql<{ createProject: { id: string } }>(owner.cookie, CREATE, { i: { name: 'Shared', framework: 'express', teamId: team.id, visibility: 'team' } })).data!
    .createProject;

  const memberClient = wsClient(ws, member.cookie);
  const ownerClient = wsClient(ws, owner.cookie);
  const memberSub = subscribeAndSettle(memberClient, EVENTS, { p: project.id });
  const ownerSub = subscribeAndSettle(ownerClient, EVENTS, { p: project.id });
  expect(await memberSub.settled).toBe('accepted');
  expect(await ownerSub.settled).toBe('accepted');

  const removed = await gql(owner.cookie, 'mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) }', { t: team.id, u: member.id });
  expect(removed.data).toEqual({ removeTeamMember: true });
  const ended = await endsWithin(memberSub);
  expect(ended).not.toBe('still open');
  expect((ended as { ms: number }).ms).toBeLessThan(1000);
  expect((ended as { errors?: WsErrors }).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  // The owner keeps receiving events.
  await stack.events.append({ projectId: project.id, type: 'note', message: 'still here' });
  const start = Date.now();
  const types = () => ownerSub.received.map((r) => (r.data as { projectEvents?: { type: string } } | undefined)?.projectEvents?.type);
  while (!types().includes('note') && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 20));
  expect(types()).toContain('note');
  expect(ownerSub.received.filter((r) => r.errors)).toEqual([]);
  expect(ownerSub.isCompleted()).toBe(false);
  await memberClient.dispose();
  await ownerClient.dispose();
});

it("keeps the stream of a session replaced by the daily rotation, until the successor is logged out", async () => {
  const rita = await signUp('Rita');
  const project = (await gql<{ createProject: { id: string } }>(rita.cookie, CREATE, { i: { name: 'Rotating', framework: 'express' } })).data!.createProject;
  const client = wsClient(ws, rita.cookie);
  const sub = subscribeAndSettle(client, EVENTS, { p: project.id });
  expect(await sub.settled).toBe('accepted');
  // A day later the next HTTP request rotates the token; the old one expires (here: at once, not after a minute).
  const oldId = tokenId(rita.cookie.split('=')[1]!);
  const em = stack.db.orm.em.fork();
  await em.nativeUpdate(Session, { id: oldId }, { issuedAt: new Date(Date.now() - 2 * 86_400_000) });
  const rotated = await gql(rita.cookie, '{ viewer { id } }');
  expect(rotated.cookie).toBeDefined();
  expect(rotated.cookie).not.toBe(rita.cookie);
  await em.nativeUpdate(Session, { id: oldId }, { expiresAt: new Date(Date.now() - 1000) });
  expect(await endsWithin(sub, 1500)).toBe('still open');
  await gql(rotated.cookie, 'mutation { logOut }');
  const ended = await endsWithin(sub);
  expect(ended).not.toBe('still open');
  expect((ended as { errors?: WsErrors }).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  await client.dispose();
});
