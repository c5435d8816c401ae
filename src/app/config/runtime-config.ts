/**
 * What the tab learns from the server at start (GET /tab/config.json): where the API is and how to sign in. The
 * same build runs locally (emulator sign-in) and in a tenant (MSAL, nested app authentication); only this
 * document differs.
 */
export interface RuntimeConfig {
  /** API origin; '' for the tab's own origin. */
  apiBaseUrl: string;
  auth:
    | { mode: 'local'; authority: string; clientId: string; scope: string }
    | { mode: 'msal'; authority: string; clientId: string; scope: string };
  /** Extra host origins teams-js may trust (local Teams simulator only; empty in a tenant). */
  teamsHostOrigins: string[];
}

export async function loadRuntimeConfig(base = import.meta.env.BASE_URL): Promise<RuntimeConfig> {
  const res = await fetch(`${base}config.json`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  return (await res.json()) as RuntimeConfig;
}
