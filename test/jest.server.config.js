/** Jest project for server-side code: runs against real Temporal, PostgreSQL and Redis started by global-setup. */
const path = require('node:path');

/** Vendor SDKs shipped only as ES modules, and their ES-module-only dependencies. */
const ESM_PACKAGES = ['@vercel/sdk', '@octokit', 'universal-user-agent', 'before-after-hook', 'fast-content-type-parse', 'json-with-bigint', 'content-type', 'zod'];

module.exports = {
  displayName: 'server',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', decorators: false }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
    // ESM-only vendor SDKs (deploy targets) are compiled to CommonJS like our own code.
    '^.+\\.m?js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  testMatch: ['<rootDir>/{core,contracts,api,activities,workflows,infra,sandbox,test}/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/client/', '<rootDir>/.data/'],
  modulePathIgnorePatterns: ['<rootDir>/.data/', '<rootDir>/infra/liveblocks/'],
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  // Honoured when this file is the root config (`jest -c test/jest.server.config.js`); jest.config.js sets it for the full run.
  testTimeout: 120_000,
};
