/**
 * What Stagemap's server passes to the Teams SDK (`@microsoft/teams.apps` `App`) in local mode, so that the real SDK
 * talks to the emulator with configuration only. Plain values and a fetch: this file imports nothing, so the server
 * (which may not import the emulator) can mirror it line for line. See docs/emulator-bot.md.
 */

/** The `Partial<CloudEnvironment>` for `withOverrides(PUBLIC, localBotCloud(url))`. */
export interface LocalBotCloud {
  loginEndpoint: string;
  loginTenant: string;
  botScope: string;
  tokenServiceUrl: string;
  openIdMetadataUrl: string;
  tokenIssuer: string;
  graphScope: string;
}

export function localBotCloud(emulatorUrl: string): LocalBotCloud {
  const base = emulatorUrl.replace(/\/+$/, '');
  return {
    // Entra ID is the emulator: `${base}/botframework.com/oauth2/v2.0/token` and `${base}/{tenant}/…`.
    loginEndpoint: base,
    loginTenant: 'botframework.com',
    botScope: 'https://api.botframework.com/.default',
    // User OAuth (token service) is not emulated; it only matters for bots with an OAuth connection.
    tokenServiceUrl: `${base}/botframework`,
    // The SDK derives the JWKS from this URL (`/openidconfiguration` → `/keys`) to check activities from Teams.
    openIdMetadataUrl: `${base}/botframework/v1/.well-known/openidconfiguration`,
    tokenIssuer: `${base}/botframework`,
    graphScope: 'https://graph.microsoft.com/.default',
  };
}

/**
 * The SDK's `token` option for local mode. MSAL (which the SDK uses for `clientSecret`) refuses any authority that
 * is not https (`authority_uri_insecure`), and the emulator speaks http, so the bot's client-credentials request is
 * made here with plain fetch, against the same token endpoint and with the same secret.
 */
export function localBotTokenProvider(options: {
  emulatorUrl: string;
  clientId: string;
  clientSecret: string;
  /** The tenant for Graph tokens the SDK asks with tenant "common" (the local tenant id). */
  tenantId?: string;
}): (scope: string | string[], tenantId?: string) => Promise<string> {
  const base = options.emulatorUrl.replace(/\/+$/, '');
  return async (scope, tenantId) => {
    const scopes = Array.isArray(scope) ? scope.join(' ') : scope;
    const tenant =
      !tenantId || ['common', 'organizations'].includes(tenantId)
        ? scopes.startsWith('https://api.botframework.com/')
          ? 'botframework.com'
          : (options.tenantId ?? 'common')
        : tenantId;
    const res = await fetch(`${base}/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: options.clientId,
        client_secret: options.clientSecret,
        scope: scopes,
      }),
    });
    const body = (await res.json()) as { access_token?: string; error_description?: string };
    if (!res.ok || !body.access_token)
      throw new Error(
        `token request to ${base}/${tenant} failed: ${res.status} ${body.error_description ?? ''}`,
      );
    return body.access_token;
  };
}
