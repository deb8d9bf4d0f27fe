/** Which commands a room's Run and Test buttons type, from real starter files and edge cases. */
import { expressTodoBlueprint } from '../models/offline/blueprints/express-todo.blueprint';
import { expressApiBlueprint, fastapiBlueprint } from '../models/offline/blueprints/generic.blueprints';
import { resolveRoomScripts } from './room-scripts';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: 'x', scripts });
const filesOf = (blueprint: { files: readonly { path: string; content: string }[] }) =>
  new Map(blueprint.files.map((f) => [f.path, f.content]));

test('an express project runs its start script (or its main file) and tests with `npm test`', () => {
  expect(resolveRoomScripts('express', filesOf(expressTodoBlueprint))).toEqual({
    run: { command: 'npm start', source: 'package.json "start"' },
    test: { command: 'npm test', source: 'package.json "test"' },
  });
  expect(resolveRoomScripts('express', filesOf(expressApiBlueprint)).run).toEqual({
    command: 'node src/server.js',
    source: 'package.json "main"',
  });
});

test('a fastapi project runs uvicorn on app.main:app and tests with pytest, with the workspace packages on the path', () => {
  const rendered = filesOf(fastapiBlueprint);
  const scripts = resolveRoomScripts('fastapi', rendered);
  expect(scripts.run).toEqual({
    command:
      'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1 python3 -m uvicorn app.main:app --host 127.0.0.1 --port ${PORT:-3000} --reload',
    source: 'uvicorn app.main:app',
  });
  expect(scripts.test).toEqual({ command: 'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1 python3 -m pytest -q', source: 'pytest' });
});

test('a dev script wins over start; a vite dev server is told the port', () => {
  expect(resolveRoomScripts('nextjs', files({ 'package.json': pkg({ dev: 'next dev', start: 'next start' }) })).run).toEqual({
    command: 'npm run dev',
    source: 'package.json "dev"',
  });
  expect(resolveRoomScripts('react', files({ 'package.json': pkg({ dev: 'vite', build: 'vite build' }) })).run).toEqual({
    command: 'npm run dev -- --host 127.0.0.1 --port ${PORT:-3000} --strictPort',
    source: 'package.json "dev"',
  });
  expect(resolveRoomScripts('vue', files({ 'package.json': pkg({ dev: 'vite --port 4000' }) })).run).toMatchObject({
    command: 'npm run dev',
  });
  expect(resolveRoomScripts('react', files({ 'package.json': pkg({ start: 'vite build && serve dist' }) })).run).toMatchObject({
    command: 'npm start',
  });
});

test('no script means no command, with the reason', () => {
  expect(resolveRoomScripts('express', files({ 'package.json': pkg({ test: 'echo "Error: no test specified" && exit 1' }) }))).toEqual({
    run: { command: null, reason: 'package.json has no "dev" or "start" script' },
    test: { command: null, reason: 'package.json has no "test" script' },
  });
  expect(resolveRoomScripts('express', files({ 'package.json': pkg({}), 'server.js': '' })).run).toEqual({
    command: 'npm start',
    source: 'server.js (npm start)',
  });
  expect(resolveRoomScripts('express', files({ 'package.json': '{ nope' })).run).toEqual({
    command: null,
    reason: 'package.json is not valid JSON',
  });
  expect(resolveRoomScripts('express', files({ 'README.md': '# hi' })).test).toEqual({
    command: null,
    reason: 'The project has no package.json and no Python files',
  });
});

test('python: django through manage.py, plain scripts through main.py, missing pieces explained', () => {
  const django = resolveRoomScripts('django', files({ 'manage.py': '', 'requirements.txt': 'Django==5.1\n' }));
  expect(django.run).toMatchObject({
    command: 'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1 python3 manage.py runserver 127.0.0.1:${PORT:-3000}',
  });
  expect(django.test).toMatchObject({ command: 'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1 python3 manage.py test' });
  expect(resolveRoomScripts('django', files({ 'app/views.py': '' })).run).toEqual({
    command: null,
    reason: 'The Django project has no manage.py',
  });
  const fastapiNoUvicorn = files({ 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n', 'requirements.txt': 'fastapi\n' });
  expect(resolveRoomScripts('fastapi', fastapiNoUvicorn).run).toEqual({ command: null, reason: 'uvicorn is not in requirements.txt' });
  expect(resolveRoomScripts('fastapi', files({ 'main.py': 'print(1)' })).run).toMatchObject({ command: null });
  expect(resolveRoomScripts('fastapi', files({ 'main.py': 'print(1)' })).test).toEqual({
    command: null,
    reason: 'The project has no test files (test_*.py or *_test.py)',
  });
  const script = resolveRoomScripts('express', files({ 'main.py': 'print(1)', 'tests/thing_test.py': '' }));
  expect(script.run).toEqual({ command: 'PYTHONPATH=.python_packages PYTHONUNBUFFERED=1 python3 main.py', source: 'main.py' });
  expect(script.test).toMatchObject({ source: 'pytest' });
});
