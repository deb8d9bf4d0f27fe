/**
 * The todo API's plan: all ten roles, each on work it can check. Implementation is split so routing
 * (workflows/agent-team/plan.ts routeTask) gives the manifest to the coder, src/ to the backend and public/
 * to the frontend. Tasks that may run side by side never share a file; the ones that do are ordered.
 */
import type { Plan } from '../blueprint';

const SOURCES = ['src/store.js', 'src/validate.js', 'src/app.js', 'src/server.js'];
const TESTS = ['test/store.test.js', 'test/todos.test.js'];

/** api-design → (project-setup | todo-store → todo-routes | todo-page) → todo-tests → (store-performance | deploy) → suite-check → code-review; readme after deploy. */
export const expressTodoPlan: Plan = {
  summary:
    'An Express 5 REST API for todos: CRUD on /todos with validation and an in-memory store, a static page at /, tested with node:test, measured, and packaged as a container.',
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
      id: 'project-setup',
      title: 'Project manifest and ignore rules',
      type: 'implement',
      role: 'coder',
      description:
        'package.json with the start and test scripts, the Node engine and the pinned express dependency; .gitignore keeps node_modules out.',
      priority: 2,
      dependencies: ['api-design'],
      files: ['package.json', '.gitignore'],
      acceptanceCriteria: ['`npm test` runs node --test test/', '`npm start` runs the app', 'express is pinned'],
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
      id: 'todo-page',
      title: 'Todo page',
      type: 'implement',
      role: 'frontend',
      description: 'public/index.html: lists, adds, completes and deletes todos with fetch; no build step.',
      priority: 2,
      dependencies: ['api-design'],
      files: ['public/index.html'],
      acceptanceCriteria: ['The page lists todos and adds one', 'Errors from the API are shown'],
    },
    {
      id: 'todo-routes',
      title: 'Express app and routes',
      type: 'implement',
      role: 'backend',
      description: 'createApp() with CRUD routes on /todos, the page from public/ at /, JSON 404s and a JSON error for malformed bodies.',
      priority: 2,
      dependencies: ['todo-store'],
      files: ['src/app.js', 'src/server.js'],
      acceptanceCriteria: [
        'POST answers 201 with Location',
        'Invalid bodies answer 400 with reasons',
        'Unknown ids answer 404',
        'GET / serves the page',
      ],
    },
    {
      id: 'todo-tests',
      title: 'Tests for store, routes and page',
      type: 'test',
      role: 'tester',
      description: 'node:test unit tests of the store and validator, HTTP tests of every route and of the page on port 0.',
      priority: 3,
      dependencies: ['project-setup', 'todo-routes', 'todo-page'],
      files: TESTS,
      acceptanceCriteria: ['`npm test` passes', 'Every route and error status is covered', 'GET / answers HTML'],
    },
    {
      id: 'store-performance',
      title: 'Measure the store',
      type: 'optimize',
      role: 'optimizer',
      description: 'Create, read and list 10,000 todos through TodoStore and time it; rewrite only what is over budget.',
      priority: 4,
      dependencies: ['todo-tests'],
      files: ['src/store.js'],
      acceptanceCriteria: ['The numbers are reported', 'Behaviour is unchanged (the tests pass)'],
    },
    {
      id: 'deploy',
      title: 'Container image',
      type: 'deploy',
      role: 'devops',
      description: 'A Dockerfile running the app as `npm start` does, a .dockerignore, and a check that the server parses.',
      priority: 4,
      dependencies: ['todo-tests'],
      files: ['Dockerfile', '.dockerignore'],
      acceptanceCriteria: ['The image runs what `npm start` runs', 'Tests and node_modules stay out of the image'],
    },
    {
      id: 'suite-check',
      title: 'Run the whole suite; fix anything failing',
      type: 'debug',
      role: 'debugger',
      description: 'Run every test after all changes; restore whatever breaks them.',
      priority: 5,
      dependencies: ['store-performance'],
      files: ['package.json', '.gitignore', ...SOURCES, 'public/index.html', ...TESTS],
      acceptanceCriteria: ['`npm test` passes'],
    },
    {
      id: 'code-review',
      title: 'Review the implementation',
      type: 'review',
      role: 'reviewer',
      description: 'Read the source against the design and the acceptance criteria.',
      priority: 6,
      dependencies: ['suite-check'],
      files: ['src/app.js', 'src/validate.js', 'src/store.js', 'public/index.html'],
      acceptanceCriteria: ['No route misses validation or a 404'],
    },
    {
      id: 'readme',
      title: 'Write the README',
      type: 'docs',
      role: 'documentation',
      description: 'How to install, test, run and containerise, and a table of the routes.',
      priority: 5,
      dependencies: ['todo-routes', 'deploy'],
      files: ['README.md'],
      acceptanceCriteria: ['Every route is documented with its statuses'],
    },
  ],
};
