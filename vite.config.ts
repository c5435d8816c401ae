import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repo = fileURLToPath(new URL('.', import.meta.url));

// One config: the tab's build (root src/app → dist/app, served by the server under /tab/) and Vitest (repo root).
export default defineConfig({
  root: 'src/app',
  base: '/tab/',
  plugins: [react()],
  build: {
    outDir: `${repo}dist/app`,
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    root: repo,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Emulator tests start real servers on loopback ports; files run in parallel worker processes.
    pool: 'forks',
    globalSetup: ['tests/global-setup.ts'],
  },
});
