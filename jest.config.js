/** One jest run for the whole repo: the server side (real services) and the Angular client. */
module.exports = {
  projects: ['<rootDir>/test/jest.server.config.js', '<rootDir>/client/jest.config.js'],
  // Global options: jest ignores these inside project configs.
  testTimeout: 120_000,
};
