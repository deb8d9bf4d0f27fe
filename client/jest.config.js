/** Component tests of the Angular client: jsdom, zoneless, fakes injected for Monaco and the network. */
module.exports = {
  displayName: 'client',
  rootDir: __dirname,
  preset: 'jest-preset-angular',
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/setup-jest.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|js|mjs|html|svg)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: [
    'node_modules/(?!(@angular|@apollo|apollo-angular|graphql-ws|rxjs|tslib|@wry|optimism|.*\\.mjs$))',
  ],
  moduleFileExtensions: ['ts', 'html', 'js', 'json', 'mjs'],
  // The repository's contracts module (client/tsconfig.json `paths`).
  moduleNameMapper: { '^@contracts/(.*)$': '<rootDir>/../contracts/$1' },
};
