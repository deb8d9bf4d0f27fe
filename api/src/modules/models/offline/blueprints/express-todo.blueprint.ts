import type { Blueprint } from '../blueprint';
import { expressTodoSource } from './express-todo.source';
import { expressTodoTests } from './express-todo.tests';

const readme = `# Todo API

A todo REST API in Express 5 with an in-memory store (data is lost on restart).

\`\`\`sh
npm install
npm test    # node --test test/
npm start   # PORT=3000 by default
\`\`\`

| method | path | body | answers |
| --- | --- | --- | --- |
| GET | /todos | | 200 and every todo |
| POST | /todos | \`{ "title": string, "completed"?: boolean }\` | 201 and the todo, \`Location\` set; 400 with \`errors\` |
| GET | /todos/:id | | 200 and the todo; 404 |
| PATCH | /todos/:id | \`title\` and/or \`completed\` | 200 and the todo; 400; 404 |
| DELETE | /todos/:id | | 204; 404 |
| GET | /health | | 200 \`{ "status": "ok" }\` |

Titles are trimmed and hold 1 to 200 characters; unknown fields are rejected.
`;

/** "A todo REST API in Express with tests": CRUD /todos, validation, in-memory store, node:test tests. */
export const expressTodoBlueprint: Blueprint = {
  id: 'express-todo-api',
  name: 'Express todo REST API',
  testCommand: 'node --test test/',
  files: [...expressTodoSource, ...expressTodoTests],
  readme,
  plan: {
    summary: 'An Express 5 REST API for todos: CRUD on /todos with validation and an in-memory store, tested with node:test.',
    tasks: [
      {
        id: 'api-design',
        title: 'Design the todo API',
        type: 'design',
        role: 'architect',
        description: 'Routes, status codes, the todo shape { id, title, completed } and validation rules.',
        priority: 1,
        dependencies: [],
        files: [],
        acceptanceCriteria: ['Every route has its success and error statuses', 'Validation rules are listed'],
      },
      {
        id: 'todo-store',
        title: 'In-memory store and validation',
        type: 'implement',
        role: 'backend',
        description: 'A TodoStore with list/get/create/update/remove and a validator that lists every problem.',
        priority: 2,
        dependencies: ['api-design'],
        files: ['src/store.js', 'src/validate.js'],
        acceptanceCriteria: ['Ids are never reused', 'Titles are trimmed, 1 to 200 characters', 'Unknown fields are rejected'],
      },
      {
        id: 'todo-routes',
        title: 'Express app and routes',
        type: 'implement',
        role: 'backend',
        description: 'createApp() with CRUD routes on /todos, JSON 404s and a JSON error for malformed bodies.',
        priority: 2,
        dependencies: ['todo-store'],
        files: ['package.json', 'src/app.js', 'src/server.js', '.gitignore'],
        acceptanceCriteria: ['POST answers 201 with Location', 'Invalid bodies answer 400 with reasons', 'Unknown ids answer 404'],
      },
      {
        id: 'todo-tests',
        title: 'Tests for store and routes',
        type: 'test',
        role: 'tester',
        description: 'node:test unit tests of the store and validator, HTTP tests of every route on port 0.',
        priority: 3,
        dependencies: ['todo-routes'],
        files: ['test/store.test.js', 'test/todos.test.js'],
        acceptanceCriteria: ['`npm test` passes', 'Every route and error status is covered'],
      },
      {
        id: 'code-review',
        title: 'Review the implementation',
        type: 'review',
        role: 'reviewer',
        description: 'Read the source against the design and the acceptance criteria.',
        priority: 4,
        dependencies: ['todo-tests'],
        files: ['src/app.js', 'src/validate.js', 'src/store.js'],
        acceptanceCriteria: ['No route misses validation or a 404'],
      },
      {
        id: 'readme',
        title: 'Write the README',
        type: 'docs',
        role: 'documentation',
        description: 'How to install, test and run, and a table of the routes.',
        priority: 5,
        dependencies: ['todo-routes'],
        files: ['README.md'],
        acceptanceCriteria: ['Every route is documented with its statuses'],
      },
    ],
  },
};
