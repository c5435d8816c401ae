import { exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from 'jose';
import type { Db } from '../store/db';
import { kvGet, kvSet } from '../store/db';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The tenant's RS256 signing key, kept in the data directory so tokens stay valid across restarts. */
export async function loadOrCreateSigningKey(db: Db): Promise<SigningKey> {
  const stored = kvGet(db, 'identity.signingKey');
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
  const kid = `local-${Date.now().toString(36)}`;
  Object.assign(publicJwk, { kid, use: 'sig', alg: 'RS256' });
  kvSet(db, 'identity.signingKey', JSON.stringify({ kid, pkcs8: await exportPKCS8(privateKey), publicJwk }));
  return { kid, privateKey, publicJwk };
}
