/**
 * `npm run emulator`: the local Microsoft 365 emulator alone. PORT (0 = any free port) and DATA_DIR are honoured;
 * the first line on stdout names the base URL, so scripts that start it with PORT=0 can find it. EMULATOR_HTTPS=1
 * serves https with a certificate from a local CA in DATA_DIR/tls (the second line names the CA to trust).
 */
import { EMULATOR_MODULES } from './modules';
import { startEmulator } from './server';

if (process.env.NODE_ENV === 'production') {
  console.error(
    'Refusing to start: the Microsoft 365 emulator is for local use and tests only, and NODE_ENV is "production". Point Stagemap at a real tenant instead.',
  );
  process.exit(1);
}
const port = Number(process.env.PORT ?? 5100);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid PORT '${process.env.PORT}': expected an integer between 0 and 65535.`);
  process.exit(1);
}
const dataDir = process.env.DATA_DIR ?? '.data/emulator';
const httpsFlag = process.env.EMULATOR_HTTPS ?? '';
if (!['', '0', '1', 'true', 'false'].includes(httpsFlag.toLowerCase())) {
  console.error(`Invalid EMULATOR_HTTPS '${httpsFlag}': expected 1 (https) or 0 (http, the default).`);
  process.exit(1);
}
const https = httpsFlag === '1' || httpsFlag.toLowerCase() === 'true';
try {
  const emu = await startEmulator(
    { port, dataDir, https, log: process.env.EMULATOR_LOG !== '0' },
    EMULATOR_MODULES,
  );
  // Handlers first: a supervisor may send SIGTERM as soon as it reads the first line.
  const stop = () => void emu.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  console.log(`Microsoft 365 emulator listening on ${emu.url} (Graph: ${emu.url}/v1.0, data: ${dataDir})`);
  if (emu.tls)
    console.log(
      `TLS: local CA ${emu.tls.created ? 'created' : 'reused'} at ${emu.tls.caPath} — NODE_EXTRA_CA_CERTS=${emu.tls.caPath} trusts it for Node; a browser needs it imported as a trusted authority.`,
    );
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
