import { defineConfig } from 'vitest/config';

// One runner for every tier: pure modules, real-server integration, browser (e2e).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
