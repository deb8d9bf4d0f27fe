/** Test files of the express todo blueprint: node:test and fetch against the app on port 0, no extra packages. */
import type { BlueprintFile } from '../blueprint';

const storeTest = `const assert = require('node:assert/strict');
const { test } = require('node:test');
const { TodoStore } = require('../src/store');
const { parseId, validateTodo, MAX_TITLE } = require('../src/validate');

test('the store creates, updates and removes todos with ids that are never reused', () => {
  const store = new TodoStore();
  const first = store.create({ title: 'a' });
  assert.deepEqual(first, { id: 1, title: 'a', completed: false });
  assert.deepEqual(store.update(1, { completed: true }), { id: 1, title: 'a', completed: true });
  assert.equal(store.remove(1), true);
  assert.equal(store.remove(1), false);
  assert.equal(store.create({ title: 'b' }).id, 2);
  assert.deepEqual(store.list().map((t) => t.title), ['b']);
  assert.equal(store.update(99, { title: 'x' }), undefined);
});

test('validation lists every problem and trims titles', () => {
  assert.deepEqual(validateTodo({ title: '  milk ' }), { value: { title: 'milk' } });
  assert.deepEqual(validateTodo({}).errors, ['title is required']);
  assert.deepEqual(validateTodo({ title: '', completed: 'yes', extra: 1 }).errors, [
    'unknown field: extra',
    'title must be a non-empty string',
    'completed must be a boolean',
  ]);
  assert.deepEqual(validateTodo({ title: 'x'.repeat(MAX_TITLE + 1) }).errors, [\`title must be at most \${MAX_TITLE} characters\`]);
  assert.deepEqual(validateTodo([]).errors, ['body must be a JSON object']);
  assert.deepEqual(validateTodo({}, { partial: true }).errors, ['give title or completed']);
  assert.deepEqual(validateTodo({ completed: true }, { partial: true }), { value: { completed: true } });
});

test('ids are positive integers', () => {
  assert.equal(parseId('12'), 12);
  for (const raw of ['0', '-1', '1.5', 'abc', '01']) assert.equal(parseId(raw), undefined);
});
`;

const apiTest = `const assert = require('node:assert/strict');
const { beforeEach, afterEach, test } = require('node:test');
const { createApp } = require('../src/app');

let server;
let base;

beforeEach(async () => {
  server = createApp().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = \`http://127.0.0.1:\${server.address().port}\`;
});

afterEach(() => new Promise((resolve) => server.close(resolve)));

async function call(method, path, body) {
  const init = { method };
  if (typeof body === 'string') init.body = body;
  else if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) init.headers = { 'content-type': 'application/json' };
  const res = await fetch(base + path, init);
  const text = await res.text();
  return { status: res.status, location: res.headers.get('location'), body: text ? JSON.parse(text) : undefined };
}

test('a new API has no todos', async () => {
  assert.deepEqual(await call('GET', '/todos'), { status: 200, location: null, body: [] });
});

test('POST creates a todo that GET then returns', async () => {
  const created = await call('POST', '/todos', { title: 'Buy milk' });
  assert.equal(created.status, 201);
  assert.deepEqual(created.body, { id: 1, title: 'Buy milk', completed: false });
  assert.equal(created.location, '/todos/1');
  assert.deepEqual((await call('GET', '/todos/1')).body, created.body);
  assert.deepEqual((await call('GET', '/todos')).body, [created.body]);
});

test('POST rejects invalid todos with 400 and the reasons', async () => {
  assert.deepEqual(await call('POST', '/todos', { completed: 'no' }), {
    status: 400,
    location: null,
    body: { errors: ['title is required', 'completed must be a boolean'] },
  });
  assert.equal((await call('POST', '/todos', '{"title":')).status, 400);
  assert.deepEqual((await call('POST', '/todos', '{"title":')).body, { error: 'body is not valid JSON' });
  assert.deepEqual((await call('GET', '/todos')).body, []);
});

test('PATCH updates only the fields given', async () => {
  await call('POST', '/todos', { title: 'Walk' });
  assert.deepEqual((await call('PATCH', '/todos/1', { completed: true })).body, { id: 1, title: 'Walk', completed: true });
  assert.equal((await call('PATCH', '/todos/1', {})).status, 400);
  assert.equal((await call('PATCH', '/todos/2', { completed: true })).status, 404);
});

test('DELETE removes a todo once', async () => {
  await call('POST', '/todos', { title: 'Read' });
  assert.equal((await call('DELETE', '/todos/1')).status, 204);
  assert.equal((await call('GET', '/todos/1')).status, 404);
  assert.equal((await call('DELETE', '/todos/1')).status, 404);
});

test('GET / serves the todo page', async () => {
  const res = await fetch(\`\${base}/\`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\\/html/);
  const html = await res.text();
  assert.match(html, /<title>Todos<\\/title>/);
  assert.match(html, /fetch\\(/);
});

test('unknown ids and paths answer 404 in JSON', async () => {
  assert.deepEqual(await call('GET', '/todos/abc'), { status: 404, location: null, body: { error: 'todo not found' } });
  assert.deepEqual(await call('GET', '/nope'), { status: 404, location: null, body: { error: 'not found' } });
});
`;

/** The todo API's tests: unit tests of store and validation, HTTP tests of every route. */
export const expressTodoTests: BlueprintFile[] = [
  { path: 'test/store.test.js', content: storeTest },
  { path: 'test/todos.test.js', content: apiTest },
];
