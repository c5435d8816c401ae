import { defineConfig } from 'vitest/config';

// One config for the tab's build (from #5 on) and for Vitest.
export default defineConfig({
  root: '.',
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Emulator tests start real servers on loopback ports; files run in parallel workers.
    pool: 'forks',
  },
});
