import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Some tests read the whole seed and feed sample; on a shared two-core machine under load
    // they take several times their usual second, which is no failure.
    testTimeout: 30_000,
  },
});
