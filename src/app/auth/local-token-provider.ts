import { sessionStore } from '../lib/safe-storage';
import type { TokenProvider } from './token-provider';

/**
 * Local mode: the authorization-code flow with PKCE against the emulator's sign-in page (a picker of demo users).
 * MSAL is not used here because it accepts only https authorities; the flow and the tokens are the same.
 */
interface Stored {
  token: string;
  expiresAt: number;
}

const KEY = 'stagemap.local.token';
const VERIFIER = 'stagemap.local.verifier';
const STATE = 'stagemap.local.state';
const RETURN_TO = 'stagemap.local.returnTo';

const b64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes))))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const random = (n = 32) => b64url(crypto.getRandomValues(new Uint8Array(n)));

export interface LocalAuthOptions {
  /** Tenant authority, e.g. http://127.0.0.1:5100/<tenant id>. */
  authority: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  storage?: Storage;
  navigate?: (url: string) => void;
  now?: () => number;
}

export function createLocalTokenProvider(
  o: LocalAuthOptions,
): TokenProvider & { completeRedirect(url: URL): Promise<boolean> } {
  const storage = o.storage ?? sessionStore();
  const navigate = o.navigate ?? ((url: string) => window.location.assign(url));
  const now = o.now ?? (() => Date.now());

  const stored = (): Stored | null => {
    try {
      const s = JSON.parse(storage.getItem(KEY) ?? 'null') as Stored | null;
      return s && s.expiresAt - 60_000 > now() ? s : null;
    } catch {
      return null;
    }
  };

  async function signIn(): Promise<never> {
    const verifier = random(48);
    const challenge = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const state = random(16);
    storage.setItem(VERIFIER, verifier);
    storage.setItem(STATE, state);
    storage.setItem(RETURN_TO, window.location.href);
    const url = new URL(`${o.authority}/oauth2/v2.0/authorize`);
    url.search = new URLSearchParams({
      client_id: o.clientId,
      response_type: 'code',
      redirect_uri: o.redirectUri,
      scope: `${o.scope} openid profile`,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
    }).toString();
    navigate(url.href);
    // The page is leaving; nothing resolves.
    return new Promise<never>(() => undefined);
  }

  // Several queries ask for a token at once on the first screen: one sign-in navigation, one PKCE verifier.
  let signingIn: Promise<never> | undefined;
  return {
    async getToken() {
      const s = stored();
      if (s) return s.token;
      return (signingIn ??= signIn());
    },
    async signOut() {
      storage.removeItem(KEY);
      await signIn();
    },
    /** Handles the redirect back from the sign-in page; true when a token was obtained. */
    async completeRedirect(url: URL) {
      const code = url.searchParams.get('code');
      if (!code) return false;
      if (url.searchParams.get('state') !== storage.getItem(STATE)) throw new Error('Sign-in state mismatch');
      const res = await fetch(`${o.authority}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: o.clientId,
          code,
          redirect_uri: o.redirectUri,
          code_verifier: storage.getItem(VERIFIER) ?? '',
          scope: o.scope,
        }),
      });
      const body = (await res.json()) as {
        access_token?: string;
        expires_in?: number;
        error_description?: string;
      };
      if (!res.ok || !body.access_token)
        throw new Error(body.error_description ?? `Sign-in failed (${res.status})`);
      storage.setItem(
        KEY,
        JSON.stringify({ token: body.access_token, expiresAt: now() + (body.expires_in ?? 3600) * 1000 }),
      );
      storage.removeItem(VERIFIER);
      storage.removeItem(STATE);
      const back = storage.getItem(RETURN_TO);
      storage.removeItem(RETURN_TO);
      window.history.replaceState(null, '', back ?? url.pathname);
      return true;
    },
  };
}
