/** One jest run for the whole repo: the server side (real services) and the Angular client. */
module.exports = {
  projects: ['<rootDir>/test/jest.server.config.js', '<rootDir>/client/jest.config.js'],
  // Global options: jest ignores these inside project configs.
  testTimeout: 120_000,
  // The run ends when the last test file ends, even if a handle is still open: after the merge of issue 11 one
  // in-process loopback socket outlived the in-band run and held CI until its time limit (each suite alone exits).
  forceExit: true,
};
