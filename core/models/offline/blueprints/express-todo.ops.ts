/** What devops and the optimizer do on the todo API: the container files, the check devops runs, the store benchmark. */
import type { Benchmark, BlueprintFile } from '../blueprint';

const dockerfile = `FROM node:22-alpine
WORKDIR /app
ENV NODE_ENV=production
COPY package.json ./
RUN npm install --omit=dev
COPY src ./src
COPY public ./public
USER node
EXPOSE 3000
CMD ["node", "src/server.js"]
`;

// Tests and local installs stay out of the image; the image installs its own node_modules.
const dockerignore = `node_modules
npm-debug.log
test
.git
Dockerfile
.dockerignore
`;

/** Dockerfile and .dockerignore of the todo API. */
export const expressTodoDeployFiles: BlueprintFile[] = [
  { path: 'Dockerfile', content: dockerfile },
  { path: '.dockerignore', content: dockerignore },
];

/** A one-line `node -e` program; single-quoted for the shell, so the JS uses double quotes only. */
function nodeEval(lines: readonly string[]): string {
  return `node -e '${lines.join(' ')}'`;
}

/**
 * Devops' check: the server parses, and `npm start` runs what the image's CMD runs (a drift between the two
 * is the usual way a container starts something other than what was tested).
 */
export const expressTodoDeployCheck = `node --check src/server.js && node --check src/app.js && ${nodeEval([
  'const start = require("./package.json").scripts.start;',
  'const cmd = require("node:fs").readFileSync("Dockerfile", "utf8").match(/^CMD (.+)$/m);',
  'const image = cmd ? JSON.parse(cmd[1]).join(" ") : "nothing";',
  'if (start !== image) { console.error("npm start runs " + start + " but the image runs " + image); process.exit(1); }',
  'console.log("npm start and the image both run: " + start);',
])}`;

/** The optimizer's measurement: 10,000 todos created, read by id, and listed 100 times through TodoStore. */
export const expressTodoBenchmark: Benchmark = {
  what: '10000 todos created, read by id and listed 100 times through TodoStore',
  command: nodeEval([
    'const { TodoStore } = require("./src/store");',
    'const store = new TodoStore();',
    'const n = 10000;',
    'const time = (fn) => { const t = process.hrtime.bigint(); fn(); return Math.round(Number(process.hrtime.bigint() - t) / 1e4) / 100; };',
    'const createMs = time(() => { for (let i = 0; i < n; i++) store.create({ title: "todo " + i }); });',
    'const getMs = time(() => { for (let i = 1; i <= n; i++) if (!store.get(i)) throw new Error("lost todo " + i); });',
    'const list100Ms = time(() => { for (let i = 0; i < 100; i++) if (store.list().length !== n) throw new Error("list lost todos"); });',
    'console.log(JSON.stringify({ createMs, getMs, list100Ms }));',
  ]),
  // Generous: a shared CI machine must not turn a fine store into a reported regression.
  budgetMs: { createMs: 1000, getMs: 1000, list100Ms: 5000 },
};
