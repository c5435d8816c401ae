import { build } from 'vite';

/** Builds the tab once before the test files run in parallel (browser tests load dist/app). */
export default async function setup(): Promise<void> {
  await build({ logLevel: 'warn', configFile: new URL('../vite.config.ts', import.meta.url).pathname });
}
