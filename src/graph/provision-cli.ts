import { parseArgs } from 'node:util';
import { isLocale } from '../domain/i18n';
import { createGraph, type Graph } from './client';
import { provision } from './provision';
import { clientCredentials, staticToken } from './token-provider';

/**
 * `npm run provision -- --site <url or id>`: provisions the "Stages" site with the app's own identity.
 *
 * Configuration (flags win over environment):
 *   --site            site URL (https://contoso.sharepoint.com/sites/Stages) or Graph site id, default $SITE_URL
 *   --graph           Graph root, default $GRAPH_BASE_URL/v1.0 or https://graph.microsoft.com/v1.0
 *   --authority       token authority, default $LOGIN_AUTHORITY/$TENANT_ID (https://login.microsoftonline.com/…)
 *   --client-id       default $CLIENT_ID;  client secret from $CLIENT_SECRET only (not a flag: shell history)
 *   --locale          nl|fr|de|en, language of the column display names, default nl
 *   --probe-token     delegated Graph token of a site member who is NOT a coordinator, to verify the confidential
 *                     library is closed to them (or $STAGEMAP_PROBE_TOKEN)
 * Locally: --graph http://127.0.0.1:5100/v1.0 --authority http://127.0.0.1:5100/<tenant id> with the local app.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      graph: { type: 'string' },
      authority: { type: 'string' },
      'client-id': { type: 'string' },
      locale: { type: 'string' },
      'probe-token': { type: 'string' },
      verbose: { type: 'boolean' },
    },
  });
  const env = process.env;
  // The server's variables (src/server/config.ts) are read first, so one environment serves both.
  const site = values.site ?? env.SITE_URL;
  const baseUrl =
    values.graph ?? (env.GRAPH_BASE_URL ? `${env.GRAPH_BASE_URL}/v1.0` : 'https://graph.microsoft.com/v1.0');
  const tenantId = env.TENANT_ID ?? env.AZURE_TENANT_ID;
  const authority =
    values.authority ??
    env.AZURE_AUTHORITY ??
    (tenantId ? `${env.LOGIN_AUTHORITY ?? 'https://login.microsoftonline.com'}/${tenantId}` : undefined);
  const clientId = values['client-id'] ?? env.CLIENT_ID ?? env.AZURE_CLIENT_ID;
  const clientSecret = env.CLIENT_SECRET ?? env.AZURE_CLIENT_SECRET;
  const locale = values.locale ?? 'nl';
  if (!site || !authority || !clientId || !clientSecret || !isLocale(locale)) {
    console.error(
      'usage: npm run provision -- --site <url|id> [--graph <url>] [--authority <url>] [--client-id <id>] [--locale nl|fr|de|en] [--probe-token <token>]\n' +
        "needs CLIENT_SECRET and TENANT_ID (or --authority) in the environment (the server's variables; AZURE_* also accepted).",
    );
    return 2;
  }
  const logger = values.verbose
    ? {
        debug: (m: string, d?: unknown) => console.error(m, d),
        warn: (m: string, d?: unknown) => console.error(m, d),
      }
    : undefined;
  let writes = 0;
  const graph = createGraph({
    baseUrl,
    tokenProvider: clientCredentials({ authority, clientId, clientSecret }),
    ...(logger ? { logger } : {}),
    onRequest: (e) => {
      if (e.method !== 'GET') writes += e.subRequests?.length ?? 1;
    },
  });
  const probeToken = values['probe-token'] ?? env.STAGEMAP_PROBE_TOKEN;
  const probe: Graph | undefined = probeToken
    ? createGraph({ baseUrl, tokenProvider: staticToken(probeToken) })
    : undefined;
  const report = await provision(graph, {
    site,
    locale,
    ...(probe ? { probe } : {}),
    progress: (line) => console.log(line),
  });
  console.log(
    `done: ${report.createdLists.length} list(s), ${report.createdColumns.length} column(s) created, ` +
      `${report.indexedColumns.length} index(es) added, schema version ${report.schemaVersion.after}, ${writes} write(s).`,
  );
  // A confidential library that is not closed is a finding the operator must act on: non-zero exit.
  return report.confidential?.ok === false ? 3 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? `${e.name}: ${e.message}` : e);
    process.exit(1);
  },
);
