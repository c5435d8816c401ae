import type { TokenProvider } from './token-provider';

/** Seconds before expiry at which a cached host token is asked for again. */
const MARGIN_S = 300;

/** The `exp` claim of a JWT (seconds), or 0 when the token cannot be read (then it is not cached). */
function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : 0;
  } catch {
    return 0;
  }
}

/**
 * Inside Teams, Outlook or the Microsoft 365 app the host signs the user in for us (`authentication.getAuthToken`,
 * the app's `webApplicationInfo`): no MSAL download, no popup. When the host cannot (no consent yet, an older
 * client), the fallback provider — MSAL with nested app authentication in a tenant — is loaded and used from then on.
 */
export function hostFirstTokenProvider(
  hostToken: () => Promise<string>,
  fallback: () => Promise<TokenProvider>,
  now: () => number = () => Date.now(),
): TokenProvider {
  let cached: { token: string; exp: number } | undefined;
  let fallen: Promise<TokenProvider> | undefined;
  return {
    async getToken() {
      if (!fallen) {
        if (cached && cached.exp - MARGIN_S > now() / 1000) return cached.token;
        try {
          const token = await hostToken();
          cached = { token, exp: expiryOf(token) };
          return token;
        } catch {
          fallen = fallback();
        }
      }
      return (await fallen).getToken();
    },
    async signOut() {
      cached = undefined;
      if (fallen) await (await fallen).signOut();
    },
  };
}
