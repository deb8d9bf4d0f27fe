/** Fallback blueprints: any Express API, any FastAPI service, and a minimal Node module for everything else. */
import type { Blueprint } from '../blueprint';
import { simplePlan } from './simple-plan';

const nodeTest = (name: string, body: string) => `const assert = require('node:assert/strict');
const { test } = require('node:test');
${body}
test(${JSON.stringify(name)}, async (t) => {
  await run(t);
});
`;

const pkg = (name: string, main: string, dependencies?: Record<string, string>) =>
  `${JSON.stringify({ name, version: '0.1.0', private: true, main, scripts: { test: 'node --test test/' }, engines: { node: '>=20' }, ...(dependencies && { dependencies }) }, null, 2)}\n`;

/** Dockerfile and .dockerignore, for the blueprints whose plan has a deploy task. */
const containerFiles = (dockerfile: string, dockerignore: string) => [
  { path: 'Dockerfile', content: dockerfile },
  { path: '.dockerignore', content: dockerignore },
];

/** An Express 5 API with a health route and its test, for Express/Node API requests the todo blueprint does not fit. */
export const expressApiBlueprint: Blueprint = {
  id: 'express-api',
  name: 'Express API',
  testCommand: 'node --test test/',
  deployCheck: 'node --check src/server.js && node --check src/app.js',
  files: [
    { path: 'package.json', content: pkg('express-api', 'src/server.js', { express: '5.2.1' }) },
    {
      path: 'src/app.js',
      content: `const express = require('express');

/** Builds the app without listening, so tests can start it on a free port. */
function createApp() {
  const app = express();
  app.use(express.json());
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.use((_req, res) => res.status(404).json({ error: 'not found' }));
  return app;
}

module.exports = { createApp };
`,
    },
    {
      path: 'src/server.js',
      content: "const { createApp } = require('./app');\n\ncreateApp().listen(Number(process.env.PORT || 3000));\n",
    },
    { path: '.gitignore', content: 'node_modules/\n' },
    ...containerFiles(
      'FROM node:22-alpine\nWORKDIR /app\nENV NODE_ENV=production\nCOPY package.json ./\nRUN npm install --omit=dev\nCOPY src ./src\nUSER node\nEXPOSE 3000\nCMD ["node", "src/server.js"]\n',
      'node_modules\ntest\n.git\n',
    ),
    {
      path: 'test/app.test.js',
      content: nodeTest(
        'GET /health answers ok and unknown paths 404',
        `const { createApp } = require('../src/app');

async function run(t) {
  const server = createApp().listen(0);
  t.after(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const base = \`http://127.0.0.1:\${server.address().port}\`;
  assert.deepEqual(await (await fetch(\`\${base}/health\`)).json(), { status: 'ok' });
  assert.equal((await fetch(\`\${base}/nope\`)).status, 404);
}
`,
      ),
    },
  ],
  readme: '# Express API\n\n```sh\nnpm install\nnpm test\nnpm start\n```\n',
  plan: simplePlan({
    summary: 'An Express 5 API with a health route, tested with node:test.',
    build: 'createApp() with GET /health and JSON 404s; server.js listens on PORT.',
    sourceFiles: ['package.json', 'src/app.js', 'src/server.js', '.gitignore'],
    testFiles: ['test/app.test.js'],
    acceptance: ['GET /health answers { status: "ok" }', 'Unknown paths answer 404 in JSON'],
    deployFiles: ['Dockerfile', '.dockerignore'],
  }),
};

/** A FastAPI service with a health route and a pytest test. */
export const fastapiBlueprint: Blueprint = {
  id: 'fastapi-service',
  name: 'FastAPI service',
  testCommand: 'pytest -q',
  // Parses without writing __pycache__ into the project.
  deployCheck: `python3 -c 'import ast; ast.parse(open("app/main.py").read(), "app/main.py")'`,
  files: [
    { path: 'requirements.txt', content: 'fastapi==0.115.6\nuvicorn==0.32.1\nhttpx==0.28.1\npytest==8.3.4\n' },
    { path: 'app/__init__.py', content: '' },
    {
      path: 'app/main.py',
      content:
        'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/health")\ndef health() -> dict[str, str]:\n    return {"status": "ok"}\n',
    },
    { path: '.gitignore', content: '__pycache__/\n.venv/\n' },
    ...containerFiles(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY app ./app\nUSER nobody\nEXPOSE 8000\nCMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000"]\n',
      '__pycache__\n.venv\ntests\n.git\n',
    ),
    { path: 'tests/__init__.py', content: '' },
    {
      path: 'tests/test_main.py',
      content:
        'from fastapi.testclient import TestClient\n\nfrom app.main import app\n\nclient = TestClient(app)\n\n\ndef test_health_answers_ok() -> None:\n    response = client.get("/health")\n    assert response.status_code == 200\n    assert response.json() == {"status": "ok"}\n',
    },
  ],
  readme:
    '# FastAPI service\n\n```sh\npython3 -m venv .venv && . .venv/bin/activate\npip install -r requirements.txt\npytest\nuvicorn app.main:app --reload\n```\n',
  plan: simplePlan({
    summary: 'A FastAPI service with a health route, tested with pytest.',
    build: 'app/main.py with GET /health; pinned requirements.',
    sourceFiles: ['requirements.txt', 'app/__init__.py', 'app/main.py', '.gitignore'],
    testFiles: ['tests/__init__.py', 'tests/test_main.py'],
    acceptance: ['GET /health answers { "status": "ok" }'],
    deployFiles: ['Dockerfile', '.dockerignore'],
  }),
};

/** A dependency-free Node module with one function and its test: the answer when nothing else matches. */
export const minimalBlueprint: Blueprint = {
  id: 'minimal-node',
  name: 'Minimal Node project',
  testCommand: 'node --test test/',
  files: [
    { path: 'package.json', content: pkg('app', 'src/index.js') },
    {
      path: 'src/index.js',
      content:
        "/** Greets someone by name; an empty name greets the world. */\nfunction greet(name) {\n  return `Hello, ${name.trim() || 'world'}!`;\n}\n\nmodule.exports = { greet };\n",
    },
    {
      path: 'test/index.test.js',
      content: nodeTest(
        'greet names someone, or the world',
        "const { greet } = require('../src/index');\n\nasync function run() {\n  assert.equal(greet(' Ada '), 'Hello, Ada!');\n  assert.equal(greet(''), 'Hello, world!');\n}\n",
      ),
    },
  ],
  readme: '# App\n\nA minimal Node project (the offline provider had no blueprint closer to the request).\n\n```sh\nnpm test\n```\n',
  plan: simplePlan({
    summary: 'A minimal Node module with one tested function: the offline provider has no closer blueprint.',
    build: 'src/index.js exporting greet(name).',
    sourceFiles: ['package.json', 'src/index.js'],
    testFiles: ['test/index.test.js'],
    acceptance: ['greet trims the name and falls back to "world"'],
  }),
};
