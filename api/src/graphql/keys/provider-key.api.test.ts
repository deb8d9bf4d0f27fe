import { randomBytes } from 'node:crypto';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';
import { AuditEvent } from '../../../../core/audit/audit.entity';
import { ProviderKey } from '../../../../core/keys/provider-key.entity';
import { ProviderKeyService } from '../../../../core/keys/provider-key.service';
import { SecretBox, SecretDecryptionError, parseKeyring } from '../../../../core/keys/secret-box';

/** Users' own provider keys: sealed at rest, never returned, revealed only server-side, rotatable. */
const k1 = `k1:${randomBytes(32).toString('base64')}`;
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack({ masterKeys: k1 });
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const SET = 'mutation($p: String!, $k: String!, $b: String) { setProviderKey(provider: $p, key: $k, baseUrl: $b) { provider hint baseUrl } }';
const secret = 'sk-proj-THISISASECRETKEY1234';

it('stores a key sealed, shows only a hint, reveals it only to the server, and survives a master-key rotation', async () => {
  const admin = await signUp('Ada');
  const user = await signUp('Bob');

  const set = await gql(user.cookie, SET, { p: 'openai', k: secret });
  expect(set.data).toEqual({ setProviderKey: { provider: 'openai', hint: 'sk-…1234', baseUrl: null } });
  const listed = await gql(user.cookie, '{ providerKeys { provider hint lastUsedAt } }');
  expect(listed.data).toEqual({ providerKeys: [{ provider: 'openai', hint: 'sk-…1234', lastUsedAt: null }] });
  for (const reply of [set, listed]) expect(reply.text).not.toContain('THISISASECRET');
  expect((await gql(admin.cookie, '{ providerKeys { provider } }')).data).toEqual({ providerKeys: [] });

  const bad = await gql(user.cookie, SET, { p: 'openai-compatible', k: 'local-key-123' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'baseUrl' });
  expect((await gql(user.cookie, SET, { p: 'cohere', k: secret })).errors?.[0]?.extensions).toMatchObject({ field: 'provider' });

  const em = stack.db.orm.em.fork();
  const row = await em.findOneOrFail(ProviderKey, { user: user.id, provider: 'openai' });
  expect(row.sealed).toMatch(/^v1\.k1\./);
  expect(row.sealed).not.toContain('THISISASECRET');

  const keysOnK1 = new ProviderKeyService(stack.db.orm.em.fork(), new SecretBox(parseKeyring(k1)));
  expect(await keysOnK1.reveal(user.id, 'openai', 'test')).toEqual({ key: secret, baseUrl: null });
  expect(await stack.db.orm.em.fork().count(AuditEvent, { action: 'keys.used', actorId: user.id })).toBe(1);

  // A sealed key copied onto another user's row does not open: it is bound to its owner.
  await gql(admin.cookie, SET, { p: 'openai', k: 'sk-admin-own-key-0000' });
  await stack.db.orm.em.fork().nativeUpdate(ProviderKey, { user: admin.id }, { sealed: row.sealed });
  await expect(new ProviderKeyService(stack.db.orm.em.fork(), new SecretBox(parseKeyring(k1))).reveal(admin.id, 'openai', 'test')).rejects.toBeInstanceOf(SecretDecryptionError);

  // Rotation: a new key in front; the admin re-seals; the old key can then go.
  const k2 = `k2:${randomBytes(32).toString('base64')}`;
  const rotated = new ProviderKeyService(stack.db.orm.em.fork(), new SecretBox(parseKeyring(`${k2},${k1}`)));
  expect(await rotated.rotateAll(admin.id)).toBe(1);
  const audit = await stack.db.orm.em.fork().findOneOrFail(AuditEvent, { action: 'keys.rotated' });
  expect(audit.data).toMatchObject({ moved: 1, unreadable: [expect.any(String)], keyId: 'k2' });
  const onlyK2 = new ProviderKeyService(stack.db.orm.em.fork(), new SecretBox(parseKeyring(k2)));
  expect((await onlyK2.reveal(user.id, 'openai', 'test')).key).toBe(secret);
  expect((await gql(user.cookie, 'mutation { rotateProviderKeys }')).errors?.[0]?.extensions.code).toBe('FORBIDDEN');

  expect((await gql(user.cookie, 'mutation { deleteProviderKey(provider: "openai") }')).data).toEqual({ deleteProviderKey: true });
  expect((await gql(user.cookie, '{ providerKeys { provider } }')).data).toEqual({ providerKeys: [] });
});

it('refuses to store keys when no master key is configured, with a readable reason', async () => {
  const service = new ProviderKeyService(stack.db.orm.em.fork(), null);
  await expect(service.set('00000000-0000-4000-8000-000000000001', { provider: 'openai', key: secret })).rejects.toThrow(/set ATELIER_MASTER_KEYS/);
});
