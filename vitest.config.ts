import { defineConfig } from 'vitest/config';

/**
 * Four projects: unit tests (plain Node, `electron` mocked, no system program),
 * system tests (real ping and snmpsimd on loopback), lab tests (need root and
 * the simulated office) and renderer E2E (Debian's Chromium through
 * playwright-core). Outside CI a missing program skips its tests with one line
 * saying what to install; with CI=true nothing may skip.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/mocks/setup-electron-mock.ts'],
          // electron-store imports `electron` itself: inline it so the mock applies there too.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        test: {
          name: 'system',
          include: ['tests/system/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'lab',
          include: ['tests/lab/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/lab/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // The renderer build, then the simulated office (E2E scans the lab through the bridge).
          globalSetup: ['tests/e2e/global-setup.ts', 'tests/lab/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
