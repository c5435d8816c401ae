import { randomUUID } from 'node:crypto';
import { mergeThrottling } from './throttling/budget';

/** Fixed ids of the local tenant, so tokens, site ids and URLs are stable across restarts and machines. */
export const LOCAL_TENANT_ID = '7e1f0b5c-3c1d-4c55-9a57-5be1a3a1e001';
export const LOCAL_HOSTNAME = 'stagemap.sharepoint.local';
/** The Stagemap server's own app registration in the local tenant. */
export const LOCAL_APP_ID = '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001';
export const LOCAL_APP_SECRET = 'local-dev-secret-not-for-production';
/** Application id URI of Stagemap's own API (the tab asks tokens for it). */
export const LOCAL_API_ID_URI = `api://${LOCAL_APP_ID}`;
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
/** Mail domain of the demo organisation (UPNs are firstname.lastname@ this). */
export const LOCAL_MAIL_DOMAIN = 'stagemap.local';

/**
 * SharePoint Online's resource-unit budget as documented in "Avoid getting throttled or blocked in SharePoint
 * Online" (docs/emulator.md cites the figures). Only SharePoint/OneDrive requests are charged.
 */
export interface ThrottlingSettings {
  /** Off: requests are still counted in the stats, never refused. */
  enabled: boolean;
  /** Licences of the tenant; picks the band when the per-app figures are not given explicitly. */
  licenses: number;
  /** Resource units one app may spend in any 60-second window (0–1,000 licences: 1,250). */
  appResourceUnitsPerMinute: number;
  /** Resource units one app may spend in any 24-hour window (0–1,000 licences: 1,200,000). */
  appResourceUnitsPerDay: number;
  /** SharePoint requests one user (delegated token) may make in any 5-minute window (3,000). */
  userRequestsPerFiveMinutes: number;
}

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
  /**
   * Serve over https with a certificate from a local CA kept in `dataDir/tls/` (made on first start); every
   * absolute URL the emulator hands out then starts with `https://`. Default false (plain http).
   */
  https?: boolean;
  /** Log one line per request to stdout. */
  log: boolean;
  /** Load the demo organisation's directory when the users table is empty (and on reset). */
  demoDirectory: boolean;
  throttling: ThrottlingSettings;
  /** Stagemap's bot endpoint (`…/api/messages`) the emulated Teams sends activities to; also `PUT /_emulator/bot`. */
  botEndpoint?: string;
  /** Stagemap's base URL, for the local Teams page's "run the scheduler now" button (`POST {url}/dev/sweep`). */
  stagemapUrl?: string;
  /** Whether the Teams app counts as installed for users the emulator has no installation state for (default true). */
  teamsAppInstalledByDefault?: boolean;
}

/** What callers may override: every field, and any subset of the throttling settings. */
export type EmulatorOverrides = Partial<Omit<EmulatorConfig, 'throttling'>> & {
  throttling?: Partial<ThrottlingSettings>;
};

export const DEFAULT_THROTTLING: ThrottlingSettings = {
  enabled: true,
  licenses: 500,
  appResourceUnitsPerMinute: 1250,
  appResourceUnitsPerDay: 1_200_000,
  userRequestsPerFiveMinutes: 3000,
};

export function defaultConfig(overrides: EmulatorOverrides = {}): EmulatorConfig {
  const { throttling, ...rest } = overrides;
  return {
    port: 5100,
    dataDir: '.data/emulator',
    tenantId: LOCAL_TENANT_ID,
    hostname: LOCAL_HOSTNAME,
    host: '127.0.0.1',
    tokenLifetimeSeconds: 3600,
    log: false,
    demoDirectory: true,
    ...rest,
    throttling: mergeThrottling(DEFAULT_THROTTLING, throttling ?? {}),
  };
}

export const newGuid = (): string => randomUUID();
