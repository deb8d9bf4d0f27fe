/** One jest run for the whole repo: the server side (real services) and the Angular client. */
module.exports = {
  projects: ['<rootDir>/test/jest.server.config.js', '<rootDir>/client/jest.config.js'],
  // Global options: jest ignores these inside project configs.
  testTimeout: 120_000,
  // CI has 2 cores, where jest's default (cores - 1) is one worker: ≈31 min in band, ≈19 min with two. Suites share
  // the services global-setup starts, each with its own database, task queue, Redis keys and free ports, so two run at
  // once. Only a root config sets it (jest warns about it in a project config); `--maxWorkers` on the CLI overrides it.
  maxWorkers: 2,
  // The run ends when the last test file ends, even if a handle is still open: after the merge of issue 11 one
  // in-process loopback socket outlived the in-band run and held CI until its time limit (each suite alone exits).
  forceExit: true,
};
