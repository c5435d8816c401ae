/**
 * The server in a tenant (`npm run serve` after `npm run build`): configuration from the environment, validated
 * at start — in production every missing or invalid variable is named and the process exits.
 */
import { ConfigError, loadConfig } from './config';
import { startStagemap } from './compose';

try {
  const config = loadConfig(process.env);
  const app = await startStagemap(config);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
}
