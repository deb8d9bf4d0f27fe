import { slugify, type StarterTemplate } from './template';

/** Express 5 HTTP API with node:test; runs with `npm install && npm test`. */
export const expressTemplate: StarterTemplate = {
  framework: 'express',
  render(project) {
    const slug = slugify(project.name);
    const pkg = {
      name: slug,
      version: '0.1.0',
      private: true,
      description: project.description,
      main: 'src/server.js',
      scripts: { start: 'node src/server.js', test: 'node --test test/' },
      engines: { node: '>=20' },
      dependencies: { express: '5.2.1' },
    };
    return [
      { path: 'package.json', content: `${JSON.stringify(pkg, null, 2)}\n` },
      {
        path: 'src/app.js',
        content: `const express = require('express');

/** Builds the app without listening, so tests can start it on a free port. */
function createApp() {
  const app = express();
  app.use(express.json());
  app.get('/health', (_req, res) => res.json({ status: 'ok' }));
  app.get('/', (_req, res) => res.json({ name: ${JSON.stringify(project.name)} }));
  return app;
}

module.exports = { createApp };
`,
      },
      {
        path: 'src/server.js',
        content: `const { createApp } = require('./app');

const port = Number(process.env.PORT || 3000);
createApp().listen(port, () => console.log(\`${slug} listening on http://localhost:\${port}\`));
`,
      },
      {
        path: 'test/app.test.js',
        content: `const assert = require('node:assert/strict');
const { test } = require('node:test');
const { createApp } = require('../src/app');

test('GET /health answers ok', async (t) => {
  const server = createApp().listen(0);
  t.after(() => server.close());
  await new Promise((resolve) => server.once('listening', resolve));
  const res = await fetch(\`http://127.0.0.1:\${server.address().port}/health\`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
});
`,
      },
      { path: '.gitignore', content: 'node_modules/\n' },
      {
        path: 'README.md',
        content: `# ${project.name}\n\n${project.description || 'An Express API.'}\n\n\`\`\`sh\nnpm install\nnpm test\nnpm start\n\`\`\`\n`,
      },
    ];
  },
};
