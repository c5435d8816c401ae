import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from 'jose';
import type { Db } from '../store/db';
import { kvGet, kvSet } from '../store/db';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * An RS256 signing key kept in the data directory so tokens stay valid across restarts: the tenant's by default;
 * the emulated Bot Framework channel keeps its own under another name (its tokens are checked against its JWKS).
 */
export async function loadOrCreateSigningKey(db: Db, name = 'identity.signingKey'): Promise<SigningKey> {
  const stored = kvGet(db, name);
  if (stored) {
    const { kid, pkcs8, publicJwk } = JSON.parse(stored) as { kid: string; pkcs8: string; publicJwk: JWK };
    const privateKey = await importPKCS8(pkcs8, 'RS256', { extractable: true });
    return { kid, privateKey, publicJwk };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', {
    extractable: true,
    modulusLength: 2048,
  });
  const publicJwk = await exportJWK(publicKey);
  // Distinct kid prefixes: a client that caches keys by kid must never confuse the tenant's and the channel's.
  const kid = `${name === 'identity.signingKey' ? 'local' : name.replace(/\W+/g, '-')}-${Date.now().toString(36)}`;
  Object.assign(publicJwk, { kid, use: 'sig', alg: 'RS256' });
  kvSet(db, name, JSON.stringify({ kid, pkcs8: await exportPKCS8(privateKey), publicJwk }));
  return { kid, privateKey, publicJwk };
}
