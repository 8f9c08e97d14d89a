import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Growth ratios are measured alone (scripts/test.mjs runs them after the rest, one file, no
    // other worker competing for the two cores).
    exclude: ['tests/e2e/**', 'node_modules/**', ...(process.env.FENGONG_TIMING ? [] : ['tests/engine/hostile.test.ts'])],
    testTimeout: 30_000,
    // Set-up builds dist/ and starts servers: on a loaded two-core machine that takes more than 10 s.
    hookTimeout: 60_000,
    setupFiles: ['tests/setup.ts'],
  },
});
