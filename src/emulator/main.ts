/** `npm run emulator`: the local Microsoft 365 emulator alone. PORT and DATA_DIR are honoured. */
import { EMULATOR_MODULES } from './modules';
import { startEmulator } from './server';

const port = Number(process.env.PORT ?? 5100);
const dataDir = process.env.DATA_DIR ?? '.data/emulator';
try {
  const emu = await startEmulator({ port, dataDir, log: process.env.EMULATOR_LOG !== '0' }, EMULATOR_MODULES);
  console.log(`Microsoft 365 emulator listening on ${emu.url} (Graph: ${emu.url}/v1.0, data: ${dataDir})`);
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
