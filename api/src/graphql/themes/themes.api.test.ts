import { User } from '../../../../core/user/user.entity';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

/** Themes: the system list, and each user's own saved choice. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack({ live: false });
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const SET = 'mutation($t: ID!) { setTheme(themeId: $t) { id themeId } }';
const storedTheme = async (id: string) => (await stack.db.orm.em.fork().findOneOrFail(User, { id })).themeId;

it('lists the twelve system themes with their colours and editor theme', async () => {
  const reply = await gql<{ themes: { id: string; name: string; dark: boolean; css: Record<string, string>; monaco: { base: string; colors: Record<string, string> }; particles: { kind: string } | null }[] }>(
    undefined,
    '{ themes { id name dark css monaco particles { kind density color } sound { kind volume } } }',
  );
  expect(reply.errors).toBeUndefined();
  const themes = reply.data!.themes;
  expect(themes).toHaveLength(12);
  const tokyo = themes.find((t) => t.id === 'tokyo-night')!;
  expect(tokyo).toMatchObject({ name: 'Tokyo Night', dark: true, monaco: { base: 'vs-dark' }, particles: { kind: 'rain' } });
  expect(tokyo.css['--bg']).toBe('#1a1b26');
  expect(tokyo.monaco.colors['editor.background']).toMatch(/^#[0-9a-f]{6}$/);
  expect(themes.find((t) => t.id === 'corporate-professional')).toMatchObject({ dark: false, particles: null });
});

it('saves the caller’s theme, reads it back, and shows it to nobody else', async () => {
  const ada = await signUp('Ada');
  const bob = await signUp('Bob');
  expect((await gql(ada.cookie, '{ viewer { themeId } }')).data).toEqual({ viewer: { themeId: null } });

  const set = await gql(ada.cookie, SET, { t: 'night-owl' });
  expect(set.data).toEqual({ setTheme: { id: ada.id, themeId: 'night-owl' } });
  expect((await gql(ada.cookie, '{ viewer { themeId } }')).data).toEqual({ viewer: { themeId: 'night-owl' } });
  expect(await storedTheme(ada.id)).toBe('night-owl');
  // Logging in elsewhere answers with the saved theme, so a new browser paints it at once.
  const login = await gql(undefined, 'mutation { logIn(input: { email: "ada@example.com", password: "a long enough passphrase" }) { themeId } }');
  expect(login.data).toEqual({ logIn: { themeId: 'night-owl' } });
  // Choosing again replaces it; Bob's own choice is his.
  await gql(ada.cookie, SET, { t: 'forest-sanctuary' });
  await gql(bob.cookie, SET, { t: 'deep-focus' });
  expect([await storedTheme(ada.id), await storedTheme(bob.id)]).toEqual(['forest-sanctuary', 'deep-focus']);

  // A teammate sees Ada's name and contact details, not her preferences.
  const team = (await gql<{ createTeam: { id: string } }>(ada.cookie, 'mutation { createTeam(name: "Studio") { id } }')).data!.createTeam.id;
  const token = (await gql<{ inviteToTeam: { token: string } }>(ada.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }', { t: team }))
    .data!.inviteToTeam.token;
  await gql(bob.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: token });
  const members = await gql<{ team: { members: { user: { id: string; email: string | null; themeId: string | null } }[] } }>(
    bob.cookie,
    'query($t: ID!) { team(id: $t) { members { user { id email themeId } } } }',
    { t: team },
  );
  expect(members.data!.team.members.find((m) => m.user.id === ada.id)!.user).toEqual({ id: ada.id, email: 'ada@example.com', themeId: null });
});

it('refuses an unknown theme and keeps the saved one', async () => {
  const cara = await signUp('Cara');
  await gql(cara.cookie, SET, { t: 'tokyo-night' });
  const refused = await gql(cara.cookie, SET, { t: 'comic-sans-deluxe' });
  expect(refused.data).toBeNull();
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'themeId' });
  expect(await storedTheme(cara.id)).toBe('tokyo-night');
});

it('refuses a signed-out caller', async () => {
  await signUp('Dan'); // accounts exist: no one is the local user of single-user mode
  const refused = await gql(undefined, SET, { t: 'tokyo-night' });
  expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  expect((await gql(undefined, '{ viewer { themeId } }')).data).toEqual({ viewer: null });
});
