import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, waitFor, type Stack } from '../../../../test/harness';
import { subscribeAndSettle, wsClient } from '../../../../test/security/ws-client';
import { Project } from '../../../../core/project/project.entity';
import { Room, RoomMember } from '../../../../core/rooms/room.entities';

/**
 * Deployments' events are the project's collaborators' alone: a public project's readers (signed in or not) and
 * people inside a coding room over it read its stream without `deploy.*` events, live and in the event log.
 */
let stack: Stack;
let ws: string;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];
beforeAll(async () => {
  stack = await createStack({ live: false });
  const http = await stack.app.listen(0, '127.0.0.1');
  ws = `${http.replace('http', 'ws')}/graphql`;
  ({ gql, signUp } = graphqlOver(http));
});
afterAll(() => stack?.dispose());

const EVENTS = 'subscription($p: ID!) { projectEvents(projectId: $p) { id type } }';
const LOG = 'query($p: ID!, $l: Int) { projectEventLog(projectId: $p, limit: $l) { type } }';

async function seedProject(ownerId: string, visibility: 'private' | 'public'): Promise<string> {
  const em = stack.db.orm.em.fork();
  const project = em.create(Project, { owner: ownerId, name: `p-${visibility}`, framework: 'express', visibility });
  await em.flush();
  return project.id;
}

async function seedRoomGuest(projectId: string, hostId: string, guestId: string): Promise<void> {
  const em = stack.db.orm.em.fork();
  const room = em.create(Room, { project: projectId, createdBy: hostId, name: 'pairing', status: 'active' });
  em.create(RoomMember, { room, user: hostId, role: 'host' });
  em.create(RoomMember, { room, user: guestId, role: 'participant' });
  await em.flush();
}

const typesOf = (sub: ReturnType<typeof subscribeAndSettle>) =>
  sub.received.map((r) => (r.data as { projectEvents: { type: string } } | undefined)?.projectEvents.type ?? JSON.stringify(r.errors));

it('sends deploy events to collaborators only; readers and room guests get the rest of the stream', async () => {
  const ada = await signUp('Ada');
  const rita = await signUp('Rita');
  const gus = await signUp('Gus');
  const publicProject = await seedProject(ada.id, 'public');
  const privateProject = await seedProject(ada.id, 'private');
  await seedRoomGuest(privateProject, ada.id, gus.id);

  const subscribe = (cookie: string | undefined, projectId: string) => {
    const client = wsClient(ws, cookie);
    return { client, sub: subscribeAndSettle(client, EVENTS, { p: projectId }) };
  };
  const owner = subscribe(ada.cookie, publicProject);
  const reader = subscribe(rita.cookie, publicProject);
  const anonymous = subscribe(undefined, publicProject);
  const guest = subscribe(gus.cookie, privateProject);
  const ownerOfPrivate = subscribe(ada.cookie, privateProject);
  for (const { sub } of [owner, reader, anonymous, guest, ownerOfPrivate]) expect(await sub.settled).toBe('accepted');

  for (const projectId of [publicProject, privateProject]) {
    await stack.events.append({ projectId, type: 'file.created', message: 'a file' });
    await stack.events.append({ projectId, type: 'deploy.created', message: 'deploying', data: { deploymentId: 'd1', target: 'local' } });
    await stack.events.append({ projectId, type: 'deploy.log', message: 'log', data: { deploymentId: 'd1', lines: [{ seq: 1, text: 'npm ci' }] } });
    await stack.events.append({ projectId, type: 'file.updated', message: 'the last one' });
  }
  const all = ['file.created', 'deploy.created', 'deploy.log', 'file.updated'];
  const visible = ['file.created', 'file.updated'];
  for (const [who, expected] of [
    [owner, all],
    [ownerOfPrivate, all],
    [reader, visible],
    [anonymous, visible],
    [guest, visible],
  ] as const) {
    // Each stream's last event is file.updated: once it arrived, everything before it did (or was filtered out).
    await waitFor('the last event', async () => typesOf(who.sub).includes('file.updated'));
    expect(typesOf(who.sub)).toEqual(expected);
    await who.client.dispose();
  }

  // The event log says the same.
  const log = async (cookie: string | undefined, projectId: string, limit?: number) =>
    ((await gql<{ projectEventLog: { type: string }[] }>(cookie, LOG, { p: projectId, l: limit })).data?.projectEventLog ?? []).map((e) => e.type);
  expect(await log(ada.cookie, publicProject)).toEqual(all);
  expect(await log(rita.cookie, publicProject)).toEqual(visible);
  expect(await log(undefined, publicProject)).toEqual(visible);
  expect(await log(gus.cookie, privateProject)).toEqual(visible);
  // A page of hidden events does not end the log early: the reader still gets `limit` visible ones.
  expect(await log(rita.cookie, publicProject, 2)).toEqual(visible);
});
