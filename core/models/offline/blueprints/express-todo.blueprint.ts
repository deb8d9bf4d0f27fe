import type { Blueprint } from '../blueprint';
import { expressTodoBenchmark, expressTodoDeployCheck, expressTodoDeployFiles } from './express-todo.ops';
import { expressTodoPage } from './express-todo.page';
import { expressTodoPlan } from './express-todo.plan';
import { expressTodoSource } from './express-todo.source';
import { expressTodoTests } from './express-todo.tests';

const readme = `# Todo API

A todo REST API in Express 5 with an in-memory store (data is lost on restart) and a small page at \`/\`
(\`public/index.html\`) that lists, adds, completes and deletes todos.

\`\`\`sh
npm install
npm test    # node --test test/
npm start   # PORT=3000 by default; open http://localhost:3000/
\`\`\`

| method | path | body | answers |
| --- | --- | --- | --- |
| GET | / | | 200 and the todo page (HTML) |
| GET | /todos | | 200 and every todo |
| POST | /todos | \`{ "title": string, "completed"?: boolean }\` | 201 and the todo, \`Location\` set; 400 with \`errors\` |
| GET | /todos/:id | | 200 and the todo; 404 |
| PATCH | /todos/:id | \`title\` and/or \`completed\` | 200 and the todo; 400; 404 |
| DELETE | /todos/:id | | 204; 404 |
| GET | /health | | 200 \`{ "status": "ok" }\` |

Titles are trimmed and hold 1 to 200 characters; unknown fields are rejected.

## Container

\`\`\`sh
docker build -t todo-api .
docker run -p 3000:3000 todo-api
\`\`\`

The image runs \`node src/server.js\`, the same as \`npm start\`; tests and \`node_modules\` stay out of it.
`;

/** "A todo REST API in Express with tests": CRUD /todos, validation, in-memory store, a page, node:test tests, a container. */
export const expressTodoBlueprint: Blueprint = {
  id: 'express-todo-api',
  name: 'Express todo REST API',
  testCommand: 'node --test test/',
  deployCheck: expressTodoDeployCheck,
  benchmark: expressTodoBenchmark,
  files: [...expressTodoSource, ...expressTodoPage, ...expressTodoTests, ...expressTodoDeployFiles],
  readme,
  plan: expressTodoPlan,
};
