import { randomUUID } from 'node:crypto';

/** Fixed ids of the local tenant, so tokens, site ids and URLs are stable across restarts and machines. */
export const LOCAL_TENANT_ID = '7e1f0b5c-3c1d-4c55-9a57-5be1a3a1e001';
export const LOCAL_HOSTNAME = 'stagemap.sharepoint.local';
/** The Stagemap server's own app registration in the local tenant. */
export const LOCAL_APP_ID = '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001';
export const LOCAL_APP_SECRET = 'local-dev-secret-not-for-production';
/** Application id URI of Stagemap's own API (the tab asks tokens for it). */
export const LOCAL_API_ID_URI = `api://${LOCAL_APP_ID}`;
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

export interface EmulatorConfig {
  port: number;
  /** Directory holding the SQLite database and keys, or ':memory:'. */
  dataDir: string;
  tenantId: string;
  hostname: string;
  /** Host name the server binds to. */
  host: string;
  /** Access token lifetime in seconds. */
  tokenLifetimeSeconds: number;
  /** Log one line per request to stdout. */
  log: boolean;
}

export function defaultConfig(overrides: Partial<EmulatorConfig> = {}): EmulatorConfig {
  return {
    port: 5100,
    dataDir: '.data/emulator',
    tenantId: LOCAL_TENANT_ID,
    hostname: LOCAL_HOSTNAME,
    host: '127.0.0.1',
    tokenLifetimeSeconds: 3600,
    log: false,
    ...overrides,
  };
}

export const newGuid = (): string => randomUUID();
