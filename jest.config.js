/**
 * One jest run over every workspace. TypeScript is transpiled by ts-jest (tsc keeps the decorator
 * metadata that type-graphql and TypeORM need); type errors are caught by `tsc -b` in `npm test`.
 * Workspace packages map to their sources so tests never run stale builds.
 */
const path = require('node:path');

const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(__dirname, 'tsconfig.jest.json') }] };
const moduleNameMapper = {
  '^@sangathan/common$': path.join(__dirname, 'services/common/src/index.ts'),
  '^@sangathan/membership$': path.join(__dirname, 'services/membership/src/service.ts'),
  '^@sangathan/membership/test-support$': path.join(__dirname, 'services/membership/src/test-support.ts'),
  '^@sangathan/itcell$': path.join(__dirname, 'services/itcell/src/service.ts'),
  '^@sangathan/itcell/test-support$': path.join(__dirname, 'services/itcell/src/test-support.ts'),
  '^@sangathan/training$': path.join(__dirname, 'services/training/src/service.ts'),
  '^@sangathan/training/test-support$': path.join(__dirname, 'services/training/src/test-support.ts'),
  '^@sangathan/gateway$': path.join(__dirname, 'gateway/src/index.ts'),
};

const project = (name, dir) => ({
  displayName: name,
  rootDir: path.join(__dirname, dir),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts'],
  transform,
  moduleNameMapper,
});

module.exports = {
  globalSetup: '<rootDir>/scripts/jest-global-setup.js',
  globalTeardown: '<rootDir>/scripts/jest-global-teardown.js',
  testTimeout: 60000,
  projects: [
    project('common', 'services/common'),
    project('membership', 'services/membership'),
    project('itcell', 'services/itcell'),
    project('training', 'services/training'),
    project('gateway', 'gateway'),
    project('tests', 'tests'),
    {
      // The console's pure modules (i18n completeness); its sources are ESM TypeScript for Vite, compiled to CJS here.
      displayName: 'admin',
      rootDir: path.join(__dirname, 'admin'),
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: path.join(__dirname, 'admin/tsconfig.jest.json') }] },
    },
  ],
};
