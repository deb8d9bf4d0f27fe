/** Source files of the express todo blueprint (tests are in express-todo.tests.ts). Kept as the project would have them. */
import type { BlueprintFile } from '../blueprint';

const packageJson = {
  name: 'todo-api',
  version: '0.1.0',
  private: true,
  description: 'A todo REST API in Express with an in-memory store.',
  main: 'src/server.js',
  scripts: { start: 'node src/server.js', test: 'node --test test/' },
  engines: { node: '>=20' },
  dependencies: { express: '5.2.1' },
};

const store = `/** In-memory todo store; ids count up from 1 and are never reused, so a deleted todo stays gone. */
class TodoStore {
  #todos = new Map();
  #nextId = 1;

  list() {
    return [...this.#todos.values()];
  }

  get(id) {
    return this.#todos.get(id);
  }

  create({ title, completed = false }) {
    const todo = { id: this.#nextId++, title, completed };
    this.#todos.set(todo.id, todo);
    return todo;
  }

  update(id, changes) {
    const todo = this.#todos.get(id);
    if (!todo) return undefined;
    const updated = { ...todo, ...changes, id };
    this.#todos.set(id, updated);
    return updated;
  }

  remove(id) {
    return this.#todos.delete(id);
  }
}

module.exports = { TodoStore };
`;

const validate = `const MAX_TITLE = 200;
const FIELDS = ['title', 'completed'];

/**
 * Checks a todo body and lists every problem at once. With \`partial\` (PATCH) fields may be absent,
 * but at least one must be given. Returns { value } or { errors }.
 */
function validateTodo(body, { partial = false } = {}) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errors: ['body must be a JSON object'] };
  }
  const errors = Object.keys(body)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => \`unknown field: \${key}\`);
  const value = {};
  if (body.title === undefined) {
    if (!partial) errors.push('title is required');
  } else if (typeof body.title !== 'string' || body.title.trim() === '') {
    errors.push('title must be a non-empty string');
  } else if (body.title.trim().length > MAX_TITLE) {
    errors.push(\`title must be at most \${MAX_TITLE} characters\`);
  } else {
    value.title = body.title.trim();
  }
  if (body.completed !== undefined) {
    if (typeof body.completed === 'boolean') value.completed = body.completed;
    else errors.push('completed must be a boolean');
  }
  if (partial && errors.length === 0 && Object.keys(value).length === 0) errors.push('give title or completed');
  return errors.length > 0 ? { errors } : { value };
}

/** A positive integer id from a path segment, or undefined. */
function parseId(raw) {
  return /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : undefined;
}

module.exports = { validateTodo, parseId, MAX_TITLE };
`;

const app = `const path = require('node:path');
const express = require('express');
const { TodoStore } = require('./store');
const { parseId, validateTodo } = require('./validate');

/** Builds the app without listening, so tests can start it on a free port with a fresh store. */
function createApp({ store = new TodoStore() } = {}) {
  const app = express();
  app.use(express.json());
  // The todo page (public/index.html) at /, from the project's public folder wherever the app is started.
  app.use(express.static(path.join(__dirname, '..', 'public')));

  // Resolves :id to a stored todo or answers 404 itself.
  const withTodo = (handler) => (req, res) => {
    const id = parseId(req.params.id);
    const todo = id === undefined ? undefined : store.get(id);
    if (!todo) return res.status(404).json({ error: 'todo not found' });
    return handler(req, res, todo);
  };

  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.get('/todos', (_req, res) => res.json(store.list()));

  app.post('/todos', (req, res) => {
    const { value, errors } = validateTodo(req.body);
    if (errors) return res.status(400).json({ errors });
    const todo = store.create(value);
    return res.status(201).location(\`/todos/\${todo.id}\`).json(todo);
  });

  app.get('/todos/:id', withTodo((_req, res, todo) => res.json(todo)));

  app.patch(
    '/todos/:id',
    withTodo((req, res, todo) => {
      const { value, errors } = validateTodo(req.body, { partial: true });
      if (errors) return res.status(400).json({ errors });
      return res.json(store.update(todo.id, value));
    }),
  );

  app.delete(
    '/todos/:id',
    withTodo((_req, res, todo) => {
      store.remove(todo.id);
      return res.status(204).end();
    }),
  );

  app.use((_req, res) => res.status(404).json({ error: 'not found' }));

  // Four parameters mark an error handler; a body express.json cannot parse arrives here as a 400.
  app.use((err, _req, res, _next) => {
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    const error = err.type === 'entity.parse.failed' ? 'body is not valid JSON' : status === 500 ? 'internal error' : err.message;
    res.status(status).json({ error });
  });

  return app;
}

module.exports = { createApp };
`;

const server = `const { createApp } = require('./app');

const port = Number(process.env.PORT || 3000);
createApp().listen(port, () => console.log(\`todo-api listening on http://localhost:\${port}\`));
`;

/** package.json, src/ and .gitignore of the todo API. */
export const expressTodoSource: BlueprintFile[] = [
  { path: 'package.json', content: `${JSON.stringify(packageJson, null, 2)}\n` },
  { path: 'src/store.js', content: store },
  { path: 'src/validate.js', content: validate },
  { path: 'src/app.js', content: app },
  { path: 'src/server.js', content: server },
  { path: '.gitignore', content: 'node_modules/\n' },
];
