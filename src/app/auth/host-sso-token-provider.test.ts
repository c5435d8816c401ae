import { describe, expect, it } from 'vitest';
import { hostFirstTokenProvider } from './host-sso-token-provider';
import type { TokenProvider } from './token-provider';

const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;

const fallbackOf = (token: string) => {
  let loads = 0;
  const load = async (): Promise<TokenProvider> => {
    loads++;
    return { getToken: async () => token, signOut: async () => undefined };
  };
  return { load, loads: () => loads };
};

describe('host single sign-on first', () => {
  it('uses the host token, cached until five minutes before it expires; the fallback is never loaded', async () => {
    let asked = 0;
    let now = 1_000_000_000_000;
    const token = jwt(now / 1000 + 3600);
    const fb = fallbackOf('msal');
    const p = hostFirstTokenProvider(
      async () => (asked++, token),
      fb.load,
      () => now,
    );
    expect(await p.getToken()).toBe(token);
    expect(await p.getToken()).toBe(token);
    expect(asked).toBe(1);
    now += 56 * 60 * 1000;
    expect(await p.getToken()).toBe(token);
    expect(asked).toBe(2);
    expect(fb.loads()).toBe(0);
  });

  it('falls back (once, for good) when the host cannot sign in, e.g. consent is missing', async () => {
    let asked = 0;
    const fb = fallbackOf('msal-token');
    const p = hostFirstTokenProvider(async () => {
      asked++;
      throw new Error('resourceRequiresConsent');
    }, fb.load);
    expect(await p.getToken()).toBe('msal-token');
    expect(await p.getToken()).toBe('msal-token');
    expect([asked, fb.loads()]).toEqual([1, 1]);
  });

  it('does not cache a token it cannot read', async () => {
    let asked = 0;
    const p = hostFirstTokenProvider(async () => (asked++, 'opaque'), fallbackOf('x').load);
    await p.getToken();
    await p.getToken();
    expect(asked).toBe(2);
  });
});
