/**
 * Inside a coding room, its project's files are the room's: a member who is not on the project reads them, a
 * participant edits them (and nothing else of the project), a viewer only reads, and leaving or a kick ends it.
 */
import { randomUUID } from 'node:crypto';
import { KICK, LEAVE, SET_ROLE, codeOf, createRoomsKit, type RoomsKit } from '../../../../test/fixtures/rooms';

let kit: RoomsKit;
let host: string;
let projectId: string;

beforeAll(async () => {
  kit = await createRoomsKit();
  host = await kit.person('Hana', 'pro');
  projectId = await kit.project(host);
});
afterAll(() => kit?.dispose());

const PROJECT = 'query($id: ID!) { project(id: $id) { id name myAccess { canEdit canManage } files { path } } }';
const CREATE_FILE = 'mutation($p: ID!, $path: String!) { createFile(projectId: $p, path: $path) { path } }';
const RENAME = 'mutation($id: ID!, $n: String!) { renameProject(id: $id, name: $n) { name } }';

it('a participant who is not on the project reads and edits its files while inside, and loses both on leaving', async () => {
  const roomId = await kit.room(host, { projectId, name: `Files ${randomUUID()}`, visibility: 'public' });
  const guest = await kit.person('Guest');
  expect((await kit.gql(PROJECT, { id: projectId }, guest)).data?.project).toBeNull();

  await kit.join(guest, roomId);
  const inside = await kit.gql(PROJECT, { id: projectId }, guest);
  expect(inside.data?.project).toMatchObject({ id: projectId, myAccess: { canEdit: true, canManage: false } });
  expect((await kit.gql(CREATE_FILE, { p: projectId, path: 'notes/guest.md' }, guest)).data).toEqual({ createFile: { path: 'notes/guest.md' } });
  // The room shares the files, not the project: its settings stay its editors'.
  expect(codeOf(await kit.gql(RENAME, { id: projectId, n: 'Taken over' }, guest))).toBe('FORBIDDEN');

  await kit.gql(LEAVE, { r: roomId }, guest);
  expect((await kit.gql(PROJECT, { id: projectId }, guest)).data?.project).toBeNull();
  expect(codeOf(await kit.gql(CREATE_FILE, { p: projectId, path: 'notes/after.md' }, guest))).toBe('NOT_FOUND');
});

it('a viewer reads but does not edit; a kicked member neither', async () => {
  const roomId = await kit.room(host, { projectId, name: `Files ${randomUUID()}`, visibility: 'public' });
  const viewer = await kit.person('Vera');
  await kit.join(viewer, roomId);
  expect((await kit.gql(SET_ROLE, { r: roomId, u: viewer, role: 'viewer' }, host)).errors).toBeUndefined();
  expect((await kit.gql(PROJECT, { id: projectId }, viewer)).data?.project).toMatchObject({ myAccess: { canEdit: false } });
  expect(codeOf(await kit.gql(CREATE_FILE, { p: projectId, path: 'notes/viewer.md' }, viewer))).toBe('FORBIDDEN');

  expect((await kit.gql(KICK, { r: roomId, u: viewer }, host)).data).toEqual({ kickRoomMember: true });
  expect((await kit.gql(PROJECT, { id: projectId }, viewer)).data?.project).toBeNull();
});
