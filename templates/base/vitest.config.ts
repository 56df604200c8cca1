import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Vitest runs as many files at once as the machine has cores less one, which it keeps for itself:
    // one file at a time on 2 cores (many CI runners), though its own process needs little of its core.
    // Two at least, then; bigger machines keep Vitest's number.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Infrastructure tests build the whole app in memory; give slow machines room.
    testTimeout: 60_000,
  },
});
