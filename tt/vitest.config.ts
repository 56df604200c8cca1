import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Infrastructure tests build the whole app in memory; give slow machines room.
    testTimeout: 60_000,
  },
});
