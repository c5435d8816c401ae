import { z } from 'zod';

/**
 * Stagemap's whole configuration: one validated environment schema. With nothing set, local mode: the built-in
 * emulator's tenant, app registration and site. In production every tenant-specific variable is required and the
 * server refuses to start, naming each one that is missing or invalid.
 */

/** Fixed identities of the local tenant (mirrors src/emulator/config.ts, which the server may not import). */
export const LOCAL_DEFAULTS = {
  tenantId: '7e1f0b5c-3c1d-4c55-9a57-5be1a3a1e001',
  clientId: '5f6a1d2e-0b7c-4e0f-8d3a-2c1b9e7a5001',
  clientSecret: 'local-dev-secret-not-for-production',
  emulatorUrl: 'http://127.0.0.1:5100',
  siteUrl: 'http://stagemap.sharepoint.local/sites/Stages',
  /** The demo organisation's coordinator mailbox stands in for the central internship mailbox (toolbox B2). */
  senderMailbox: 'els.verstraeten@stagemap.local',
  teamsCatalogAppId: '3c0e5f2a-7b1d-4e8c-a6f9-1d2b3c4e5001',
} as const;

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const httpsUrl = z.url({ protocol: /^https$/ }).refine((u) => !u.endsWith('/'), 'must not end with a slash');
const anyUrl = z.url({ protocol: /^https?$/ }).refine((u) => !u.endsWith('/'), 'must not end with a slash');

const productionSchema = z.object({
  NODE_ENV: z.literal('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** Public HTTPS origin of the tab, API and bot endpoint, e.g. https://stagemap.example.be */
  PUBLIC_URL: httpsUrl,
  TENANT_ID: guid,
  /** Client id of Stagemap's app registration (API, tab SSO, Graph app identity). */
  CLIENT_ID: guid,
  CLIENT_SECRET: z.string().min(16, 'must be the client secret (at least 16 characters)'),
  /** Application id URI of the API, e.g. api://stagemap.example.be/<client id> */
  API_ID_URI: z.string().regex(/^api:\/\/.+/, 'must start with api://'),
  /** The Azure Bot / Teams bot registration. */
  BOT_ID: guid,
  BOT_PASSWORD: z.string().min(16, 'must be the bot secret (at least 16 characters)'),
  /** Id of the Teams app in the manifest. */
  TEAMS_APP_ID: guid,
  /** The organisation's "Stages" site, e.g. https://contoso.sharepoint.com/sites/Stages */
  SITE_URL: httpsUrl,
  GRAPH_BASE_URL: httpsUrl.default('https://graph.microsoft.com'),
  LOGIN_AUTHORITY: httpsUrl.default('https://login.microsoftonline.com'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** Mailbox decision mails and card fallbacks are sent from (Mail.Send, limited to it by an access policy). */
  SENDER_MAILBOX: z.email('must be an e-mail address').optional(),
  /** Catalog id of the Stagemap app in the tenant's app catalog: lets the bot install itself for a mentor. */
  TEAMS_CATALOG_APP_ID: guid.optional(),
  /** Run the scheduler in this process (set 0 when `npm run worker` runs it apart). */
  SCHEDULER: z.enum(['0', '1']).default('1'),
});

const localSchema = z.object({
  NODE_ENV: z.enum(['development', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(5200),
  PUBLIC_URL: anyUrl.default('http://127.0.0.1:5200'),
  EMULATOR_URL: anyUrl.default(LOCAL_DEFAULTS.emulatorUrl),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  SCHEDULER: z.enum(['0', '1']).default('1'),
});

export interface StagemapConfig {
  mode: 'local' | 'production';
  port: number;
  publicUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  apiIdUri: string;
  botId: string;
  botPassword: string;
  teamsAppId: string;
  siteUrl: string;
  graphBaseUrl: string;
  /** Authority host; the tenant's issuer is `${authority}/${tenantId}/v2.0`. */
  authority: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  senderMailbox?: string;
  teamsCatalogAppId?: string;
  scheduler: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Stagemap cannot start: the configuration is incomplete or invalid.\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map(
    (i) =>
      `${i.path.join('.')}: ${i.code === 'invalid_type' && i.input === undefined ? 'is missing' : i.message}`,
  );

/** Reads the configuration from an environment; throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): StagemapConfig {
  if (env.NODE_ENV === 'production') {
    const r = productionSchema.safeParse(env);
    if (!r.success) throw new ConfigError(describeIssues(r.error.issues));
    const c = r.data;
    return {
      mode: 'production',
      port: c.PORT,
      publicUrl: c.PUBLIC_URL,
      tenantId: c.TENANT_ID,
      clientId: c.CLIENT_ID,
      clientSecret: c.CLIENT_SECRET,
      apiIdUri: c.API_ID_URI,
      botId: c.BOT_ID,
      botPassword: c.BOT_PASSWORD,
      teamsAppId: c.TEAMS_APP_ID,
      siteUrl: c.SITE_URL,
      graphBaseUrl: c.GRAPH_BASE_URL,
      authority: c.LOGIN_AUTHORITY,
      logLevel: c.LOG_LEVEL,
      ...(c.SENDER_MAILBOX ? { senderMailbox: c.SENDER_MAILBOX } : {}),
      ...(c.TEAMS_CATALOG_APP_ID ? { teamsCatalogAppId: c.TEAMS_CATALOG_APP_ID } : {}),
      scheduler: c.SCHEDULER === '1',
    };
  }
  const r = localSchema.safeParse(env);
  if (!r.success) throw new ConfigError(describeIssues(r.error.issues));
  const c = r.data;
  return {
    mode: 'local',
    port: c.PORT,
    publicUrl: c.PUBLIC_URL,
    tenantId: LOCAL_DEFAULTS.tenantId,
    clientId: LOCAL_DEFAULTS.clientId,
    clientSecret: LOCAL_DEFAULTS.clientSecret,
    apiIdUri: `api://${LOCAL_DEFAULTS.clientId}`,
    botId: LOCAL_DEFAULTS.clientId,
    botPassword: LOCAL_DEFAULTS.clientSecret,
    teamsAppId: 'b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001',
    siteUrl: LOCAL_DEFAULTS.siteUrl,
    graphBaseUrl: c.EMULATOR_URL,
    authority: c.EMULATOR_URL,
    logLevel: c.LOG_LEVEL,
    senderMailbox: LOCAL_DEFAULTS.senderMailbox,
    teamsCatalogAppId: LOCAL_DEFAULTS.teamsCatalogAppId,
    scheduler: c.SCHEDULER === '1',
  };
}
