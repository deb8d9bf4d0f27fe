import WebSocket from 'ws';
import { ProjectFile, Project } from '../../core/project/project.entity';
import { projectRoomId } from '../../contracts/collab';
import { graphqlOver, type Gql } from '../graphql-http';
import { createStack, type Stack } from '../harness';
import { testLiveblocks } from '../services';
import { joinRoom, until, type Peer } from './liveblocks-peer';

/**
 * Issue 13: `/liveblocks-auth` mints write tokens for editors only, read tokens (with presence) for readers,
 * none for anyone else; and Liveblocks itself, reached through the app's origin, refuses a reader's edit.
 */
let stack: Stack;
let http: string;
let gql: Gql;
let users: Record<'owner' | 'member' | 'reader', { id: string; cookie: string }>;
let projects: Record<'private' | 'public' | 'team' | 'archived', string>;

const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }';

beforeAll(async () => {
  stack = await createStack({ config: testLiveblocks() });
  http = await stack.app.listen(0, '127.0.0.1');
  let signUp;
  ({ gql, signUp } = graphqlOver(http));
  users = { owner: await signUp('Olga'), member: await signUp('Mats'), reader: await signUp('Rita') };
  const { owner, member } = users;
  const team = (await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Crew") { id } }')).data!.createTeam;
  const invite = await gql<{ inviteToTeam: { token: string } }>(
    owner.cookie,
    'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }',
    { t: team.id },
  );
  await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: invite.data!.inviteToTeam.token });
  const create = async (name: string, extra: Record<string, unknown> = {}) =>
    (await gql<{ createProject: { id: string } }>(owner.cookie, CREATE, { i: { name, framework: 'express', ...extra } })).data!
      .createProject.id;
  projects = {
    private: await create('Private'),
    public: await create('Public', { visibility: 'public' }),
    team: await create('Shared', { teamId: team.id, visibility: 'team' }),
    archived: await create('Old'),
  };
  await stack.db.orm.em.fork().nativeUpdate(Project, { id: projects.archived }, { archivedAt: new Date() });
});
afterAll(() => stack?.dispose());

/** Asks for a token for `room` as the holder of `cookie`; `scopes` are what the token grants in that room. */
async function auth(cookie: string | undefined, room: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${http}/liveblocks-auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...headers },
    body: JSON.stringify({ room }),
  });
  const body = (await res.json()) as { token?: string; error?: string; code?: string };
  const payload = body.token
    ? (JSON.parse(Buffer.from(body.token.split('.')[1]!, 'base64url').toString()) as { uid: string; perms: Record<string, string[]> })
    : null;
  return {
    status: res.status,
    body,
    scopes: payload?.perms[String(room)],
    uid: payload?.uid,
    cacheControl: res.headers.get('cache-control'),
  };
}

const WRITE = ['room:write'];
const READ = ['room:read', 'room:presence:write'];

describe('POST /liveblocks-auth', () => {
  it('gives the owner and a team member write access, uncached', async () => {
    const owner = await auth(users.owner.cookie, projectRoomId(projects.private));
    expect(owner).toMatchObject({ status: 200, scopes: WRITE, uid: users.owner.id, cacheControl: 'no-store' });
    expect(await auth(users.member.cookie, projectRoomId(projects.team))).toMatchObject({
      status: 200,
      scopes: WRITE,
      uid: users.member.id,
    });
  });

  it('gives a signed-in reader and an anonymous visitor of a public project read access with presence', async () => {
    expect(await auth(users.reader.cookie, projectRoomId(projects.public))).toMatchObject({
      status: 200,
      scopes: READ,
      uid: users.reader.id,
    });
    const anon = await auth(undefined, projectRoomId(projects.public));
    expect(anon).toMatchObject({ status: 200, scopes: READ });
    expect(anon.uid).toMatch(/^anon:[\w-]{12}$/);
    expect((await auth(undefined, projectRoomId(projects.public))).uid).not.toBe(anon.uid);
  });

  it('refuses a stranger, an anonymous visitor and a non-member on private and team projects with 403', async () => {
    for (const [cookie, id] of [
      [users.reader.cookie, projects.private],
      [undefined, projects.private],
      [users.reader.cookie, projects.team],
      [users.member.cookie, projects.private],
    ] as const) {
      expect(await auth(cookie, projectRoomId(id))).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' }, scopes: undefined });
    }
  });

  it('answers a project that does not exist exactly like one the caller may not see', async () => {
    const missing = await auth(users.reader.cookie, projectRoomId('00000000-0000-4000-8000-00000000abcd'));
    const hidden = await auth(users.reader.cookie, projectRoomId(projects.private));
    expect(missing).toEqual(hidden);
  });

  it('gives even the owner only read access to an archived project', async () => {
    expect(await auth(users.owner.cookie, projectRoomId(projects.archived))).toMatchObject({ status: 200, scopes: READ });
  });

  it('refuses a room that is not project:<uuid> with 400, and a body that is not JSON', async () => {
    for (const room of ['project:123', `project:${projects.private}*`, 'project:*', `other:${projects.private}`, '', 42, null]) {
      expect(await auth(users.owner.cookie, room)).toMatchObject({ status: 400, body: { code: 'BAD_USER_INPUT' } });
    }
    const res = await fetch(`${http}/liveblocks-auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: users.owner.cookie },
      body: '{"room":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('a reader cannot change a document, whatever their client does', () => {
  let editor: Peer;
  let viewer: Peer;
  afterAll(() => {
    editor?.leave();
    viewer?.leave();
  });

  it("refuses the reader's Yjs edit on the server, while the editor's lands", async () => {
    const em = stack.db.orm.em.fork();
    const content = 'export const answer = 41;\n';
    const file = em.create(ProjectFile, {
      project: projects.public,
      path: 'src/answer.ts',
      content,
      language: 'typescript',
      size: content.length,
    });
    await em.flush();
    const opened = await gql<{ openFile: { readOnly: boolean } }>(
      users.owner.cookie,
      'mutation($p: ID!, $f: ID!) { openFile(projectId: $p, fileId: $f) { readOnly } }',
      { p: projects.public, f: file.id },
    );
    expect(opened.data).toEqual({ openFile: { readOnly: false } });

    const room = projectRoomId(projects.public);
    editor = await joinRoom(http, users.owner.cookie, room);
    viewer = await joinRoom(http, users.reader.cookie, room);
    const viewerText = await viewer.text(file.id);
    const editorText = await editor.text(file.id);
    expect(viewerText.toString()).toBe(content);

    expect(viewer.room.getSelf()?.canWrite).toBe(false);
    expect(editor.room.getSelf()?.canWrite).toBe(true);
    // Both edits take the same path, straight onto the socket; only the token differs.
    viewer.forceEdit(file.id, (text) => text.insert(0, '// the reader was here\n'));
    await new Promise((r) => setTimeout(r, 500));
    editor.forceEdit(file.id, (text) => text.insert(text.length, 'export const question = 6 * 7;\n'));
    const stored = async () => (await stack.live!.read(projects.public, file.id)) ?? '';
    const deadline = Date.now() + 10_000;
    while (!(await stored()).includes('question') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await stored()).toBe(`${content}export const question = 6 * 7;\n`);
    // The editor never saw the reader's change either.
    expect(editorText.toString()).not.toContain('the reader was here');
  });

  it("shows the reader's presence (name, colour, open file) to the editor: read access still writes presence", async () => {
    viewer.room.updatePresence({ fileId: 'f-1' });
    const rita = () => editor.room.getOthers().find((o) => o.id === users.reader.id);
    await until('the reader’s presence', () => rita()?.presence.fileId === 'f-1');
    expect(rita()?.info).toEqual({ name: 'Rita', color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
    expect(rita()?.canWrite).toBe(false);
  });
});

/** The first thing the room socket at the app's origin answers `token` with: a message type or a close code. */
function roomSocket(token: string, room: string): Promise<{ message?: number; close?: number }> {
  const url = `${http.replace('http', 'ws')}/v8?roomId=${encodeURIComponent(room)}&tok=${token}&version=3.24.2`;
  const ws = new WebSocket(url, { headers: { origin: new URL(http).origin } });
  return new Promise((resolve) => {
    ws.once('message', (data) => {
      resolve({ message: (JSON.parse(String(data)) as { type: number }).type });
      ws.close();
    });
    ws.once('close', (code) => resolve({ close: code }));
    ws.once('error', () => resolve({}));
  });
}

/** `token` with its payload rewritten (the dev server's tokens are unsigned JWTs, `alg: none`). */
function forge(token: string, change: (payload: { perms: Record<string, string[]> }) => void): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as { perms: Record<string, string[]> };
  change(claims);
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('the room socket through the app admits only tokens the app minted, for their own room', () => {
  it('opens the room for a genuine token (ROOM_STATE, 104)', async () => {
    const { body } = await auth(users.reader.cookie, projectRoomId(projects.public));
    expect(await roomSocket(body.token!, projectRoomId(projects.public))).toEqual({ message: 104 });
  });

  it('closes for a forged token: a reader promoting themselves, or reaching a private project (4109, fetch a new token)', async () => {
    const { body } = await auth(users.reader.cookie, projectRoomId(projects.public));
    const promoted = forge(body.token!, (claims) => void (claims.perms[projectRoomId(projects.public)] = ['room:write']));
    expect(await roomSocket(promoted, projectRoomId(projects.public))).toEqual({ close: 4109 });
    const elsewhere = forge(body.token!, (claims) => void (claims.perms = { [projectRoomId(projects.private)]: ['room:write'] }));
    expect(await roomSocket(elsewhere, projectRoomId(projects.private))).toEqual({ close: 4109 });
  });

  it('closes for a genuine token used on another room (4001, not allowed)', async () => {
    const { body } = await auth(users.owner.cookie, projectRoomId(projects.public));
    expect(await roomSocket(body.token!, projectRoomId(projects.private))).toEqual({ close: 4001 });
  });
});

describe('an open room socket follows the access of its holder', () => {
  it('cuts a member removed from the team within seconds: their next edit never lands, and their new token is refused', async () => {
    const em = stack.db.orm.em.fork();
    const content = 'export const shared = 1;\n';
    const file = em.create(ProjectFile, {
      project: projects.team,
      path: 'src/shared.ts',
      content,
      language: 'typescript',
      size: content.length,
    });
    await em.flush();
    await gql(users.owner.cookie, 'mutation($p: ID!, $f: ID!) { openFile(projectId: $p, fileId: $f) { readOnly } }', {
      p: projects.team,
      f: file.id,
    });
    const room = projectRoomId(projects.team);
    const member = await joinRoom(http, users.member.cookie, room);
    try {
      await member.text(file.id);
      expect(member.room.getSelf()?.canWrite).toBe(true);

      const teamId = (await em.findOneOrFail(Project, projects.team)).ownerTeam!.id;
      const removed = await gql(users.owner.cookie, 'mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) }', {
        t: teamId,
        u: users.member.id,
      });
      expect(removed.errors).toBeUndefined();

      // The socket is closed (4001: the client stops), and a new token is refused.
      await until('the member disconnected', () => member.room.getStatus() === 'disconnected', 5_000);
      member.forceEdit(file.id, (text) => text.insert(0, '// written after removal\n'));
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await stack.live!.read(projects.team, file.id)).toBe(content);
      expect((await auth(users.member.cookie, room)).status).toBe(403);
    } finally {
      member.leave();
    }
  });

  it('turns an editor of a project that gets archived into a reader', async () => {
    // A project with no build in progress (archiving waits for builds to end).
    const em = stack.db.orm.em.fork();
    const { id } = em.create(Project, { owner: users.owner.id, name: 'Soon archived', framework: 'express', status: 'READY' });
    const content = 'let x = 1;\n';
    const file = em.create(ProjectFile, { project: id, path: 'x.js', content, language: 'javascript', size: content.length });
    await em.flush();
    await gql(users.owner.cookie, 'mutation($p: ID!, $f: ID!) { openFile(projectId: $p, fileId: $f) { readOnly } }', { p: id, f: file.id });
    const owner = await joinRoom(http, users.owner.cookie, projectRoomId(id));
    try {
      await owner.text(file.id);
      expect(owner.room.getSelf()?.canWrite).toBe(true);
      const archived = await gql(users.owner.cookie, 'mutation($p: ID!) { archiveProject(id: $p) { id } }', { p: id });
      expect(archived.errors).toBeUndefined();
      // Closed with 4001 (the client stops rather than retry its cached write token) …
      await until('the socket closed', () => owner.room.getStatus() === 'disconnected', 5_000);
      owner.forceEdit(file.id, (text) => text.insert(0, '// archived\n'));
      await new Promise((r) => setTimeout(r, 500));
      expect(await stack.live!.read(id, file.id)).toBe(content);
      // … and entering anew, as the app does, gives a read-only seat.
      const again = await joinRoom(http, users.owner.cookie, projectRoomId(id));
      try {
        expect(again.room.getSelf()?.canWrite).toBe(false);
      } finally {
        again.leave();
      }
    } finally {
      owner.leave();
    }
  });
});
