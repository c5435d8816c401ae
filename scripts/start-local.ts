/**
 * `npm start`: Stagemap on one machine against the built-in Microsoft 365 emulator, with no configuration.
 * Builds the tab, starts the emulator (seeding the demo organisation on first start) and the server.
 */
import { build } from 'vite';
import { startLocalStack } from './lib/local-stack';

const say = (line: string) => console.log(line);
say('building the tab…');
// Vite's build sets NODE_ENV=production for this process; the emulator (rightly) refuses to run in production, so
// the variable is put back as it was.
const nodeEnv = process.env.NODE_ENV;
await build({ logLevel: 'warn', configFile: new URL('../vite.config.ts', import.meta.url).pathname });
if (nodeEnv === undefined) delete process.env.NODE_ENV;
else process.env.NODE_ENV = nodeEnv;
const stack = await startLocalStack({
  emulatorPort: Number(process.env.EMULATOR_PORT ?? 5100),
  serverPort: Number(process.env.PORT ?? 5200),
  dataDir: process.env.DATA_DIR ?? '.data/emulator',
  ...(process.env.STAGEMAP_TODAY ? { today: process.env.STAGEMAP_TODAY } : {}),
  log: process.env.STAGEMAP_LOG === '1',
  say,
});
say('');
say(`  Stagemap (tab):        ${stack.stagemap.url}/tab/   — sign in by picking a demo user`);
say(`  Local Teams (cards):   ${stack.emulator.url}/_emulator/teams`);
say(
  `  Microsoft Graph:       ${stack.emulator.url}/v1.0   (emulator; data in ${process.env.DATA_DIR ?? '.data/emulator'})`,
);
say('');
const stop = () => void stack.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
