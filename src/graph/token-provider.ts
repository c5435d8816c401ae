import { ConfidentialClientApplication } from '@azure/msal-node';

/**
 * Where a Graph call gets its bearer token. One provider per caller: a user's delegated token handed in by the
 * server (on-behalf-of is the server's business), or the app's own token by client credentials.
 */
export interface TokenProvider {
  getToken(): Promise<string>;
  /** Drops a cached token after the service refused it (401), so the next call fetches a fresh one. */
  invalidate?(): void;
}

/** A token the caller already holds (e.g. a delegated token obtained on behalf of the signed-in user). */
export const staticToken = (token: string): TokenProvider => ({ getToken: async () => token });

export interface ClientCredentialsConfig {
  /** `https://login.microsoftonline.com/{tenantId}` for a real tenant, `{emulatorUrl}/{tenantId}` locally. */
  authority: string;
  clientId: string;
  clientSecret: string;
  /** Defaults to Graph's `.default` (application permissions, i.e. Sites.Selected on the site). */
  scope?: string;
  now?: () => number;
  /** Refresh this long before expiry (default 5 minutes). */
  refreshSkewMs?: number;
}

interface Acquired {
  token: string;
  expiresAt: number;
}

/**
 * MSAL refuses an authority that is not https (ClientConfigurationError `authority_uri_insecure`, checked in
 * msal-common's UrlString.validateAsUri), so the emulator's plain-http authority cannot go through MSAL. For http
 * we do the same OAuth2 client-credentials POST ourselves (RFC 6749 §4.4); for https we use MSAL, with instance
 * discovery off when the host is not Entra's, as MSAL would otherwise ask login.microsoftonline.com about it.
 */
function acquirerFor(
  cfg: ClientCredentialsConfig,
  scope: string,
  now: () => number,
): (fresh: boolean) => Promise<Acquired> {
  const url = new URL(cfg.authority);
  if (url.protocol === 'https:') {
    const entra = /(^|\.)login\.microsoftonline\.(com|us)$|(^|\.)login\.partner\.microsoftonline\.cn$/.test(
      url.hostname,
    );
    const app = new ConfidentialClientApplication({
      auth: {
        clientId: cfg.clientId,
        clientSecret: cfg.clientSecret,
        authority: cfg.authority,
        ...(entra ? {} : { knownAuthorities: [url.host] }),
      },
    });
    // MSAL keeps its own cache; after a 401 we must skip it or it hands back the refused token.
    return async (fresh) => {
      const r = await app.acquireTokenByClientCredential({ scopes: [scope], skipCache: fresh });
      if (!r?.accessToken) throw new Error('MSAL returned no access token');
      return { token: r.accessToken, expiresAt: r.expiresOn?.getTime() ?? now() + 3_600_000 };
    };
  }
  const tokenEndpoint = `${cfg.authority.replace(/\/+$/, '')}/oauth2/v2.0/token`;
  return async () => {
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: cfg.clientId,
        client_secret: cfg.clientSecret,
        scope,
      }),
    });
    const body = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !body.access_token)
      throw new Error(
        `token request failed: ${res.status} ${body.error ?? ''} ${body.error_description ?? ''}`,
      );
    return { token: body.access_token, expiresAt: now() + (body.expires_in ?? 3600) * 1000 };
  };
}

/** The app's own token by client credentials, cached until `refreshSkewMs` before expiry; one fetch at a time. */
export function clientCredentials(cfg: ClientCredentialsConfig): TokenProvider & { acquisitions(): number } {
  const now = cfg.now ?? Date.now;
  const skew = cfg.refreshSkewMs ?? 5 * 60_000;
  const acquire = acquirerFor(cfg, cfg.scope ?? 'https://graph.microsoft.com/.default', now);
  let cached: Acquired | undefined;
  let inflight: Promise<Acquired> | undefined;
  let count = 0;
  let fresh = false;
  return {
    async getToken() {
      if (cached && now() < cached.expiresAt - skew) return cached.token;
      inflight ??= acquire(fresh)
        .then((a) => {
          count += 1;
          fresh = false;
          cached = a;
          return a;
        })
        .finally(() => {
          inflight = undefined;
        });
      return (await inflight).token;
    },
    invalidate() {
      cached = undefined;
      fresh = true;
    },
    acquisitions: () => count,
  };
}
