/**
 * `npm start`: the whole of Stagemap on one machine, against the built-in Microsoft 365 emulator.
 * This launcher is the only place that knows about local mode; the app itself only gets base URLs.
 */
import { EMULATOR_MODULES } from '../src/emulator/modules';
import { startEmulator } from '../src/emulator/server';

const port = Number(process.env.EMULATOR_PORT ?? 5100);
const emu = await startEmulator(
  { port, dataDir: process.env.DATA_DIR ?? '.data/emulator', log: true },
  EMULATOR_MODULES,
);
console.log(`Microsoft 365 emulator: ${emu.url} (Graph ${emu.url}/v1.0)`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
