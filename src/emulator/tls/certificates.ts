import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import forge from 'node-forge';

/**
 * The emulator's HTTPS mode: a local certificate authority and one server certificate it signed, kept in
 * `DATA_DIR/tls/`. The CA's private key is never written anywhere: it signs the server certificate once and is
 * dropped, so trusting `ca.pem` (NODE_EXTRA_CA_CERTS, a browser's store) cannot let anyone mint certificates for
 * other hosts. When the server certificate must change (expired, other host names, files missing or damaged), a
 * new CA is made with it and `ca.pem` has to be trusted again.
 */
export interface TlsMaterial {
  /** Absolute path of the CA certificate to trust (`NODE_EXTRA_CA_CERTS`). */
  caPath: string;
  caPem: string;
  certPem: string;
  keyPem: string;
  /** True when this call made a new CA and certificate, false when the stored ones were reused. */
  created: boolean;
}

/** The names every server certificate covers; the bind host is added when it is a specific name or address. */
export const DEFAULT_TLS_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

const CA_YEARS = 10;
const SERVER_YEARS = 2;
/** Replace the server certificate this long before it expires rather than serve one about to lapse. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;

export const tlsFiles = (dir: string) => ({
  ca: join(dir, 'ca.pem'),
  cert: join(dir, 'server.pem'),
  key: join(dir, 'server-key.pem'),
});

/** Host names and addresses the certificate must cover for an emulator bound to `host`. */
export function tlsHostsFor(host: string): string[] {
  const hosts = [...DEFAULT_TLS_HOSTS];
  const bare = host.replace(/^\[|\]$/g, '');
  const unspecified = bare === '0.0.0.0' || bare === '::' || bare === '';
  if (!unspecified && !hosts.includes(bare.toLowerCase())) hosts.push(bare.toLowerCase());
  return hosts;
}

/**
 * Loads `tls/` from the data directory, or creates it. For `dataDir: ':memory:'` the material goes to a fresh
 * temporary directory (a new CA on every start, like the rest of an in-memory emulator).
 */
export function loadOrCreateTls(dataDir: string, host: string, now: Date = new Date()): TlsMaterial {
  const dir =
    dataDir === ':memory:' ? mkdtempSync(join(tmpdir(), 'stagemap-emu-tls-')) : join(dataDir, 'tls');
  const files = tlsFiles(resolve(dir));
  const hosts = tlsHostsFor(host);
  if (existsSync(files.ca) && existsSync(files.cert) && existsSync(files.key)) {
    const stored = {
      caPem: readFileSync(files.ca, 'utf8'),
      certPem: readFileSync(files.cert, 'utf8'),
      keyPem: readFileSync(files.key, 'utf8'),
    };
    if (isUsable(stored, hosts, now)) return { caPath: files.ca, ...stored, created: false };
  }
  const made = createCertificates(hosts, now);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(files.key, made.keyPem, { mode: 0o600 });
  chmodSync(files.key, 0o600); // an existing file keeps its mode on write
  writeFileSync(files.cert, made.certPem);
  writeFileSync(files.ca, made.caPem);
  return { caPath: files.ca, ...made, created: true };
}

/** Whether stored material still serves: the key fits, the CA signed it, it covers the hosts and is in date. */
function isUsable(
  m: { caPem: string; certPem: string; keyPem: string },
  hosts: string[],
  now: Date,
): boolean {
  try {
    const ca = new X509Certificate(m.caPem);
    const cert = new X509Certificate(m.certPem);
    const t = now.getTime();
    const inDate = (c: X509Certificate, margin: number) =>
      Date.parse(c.validFrom) <= t && t + margin < Date.parse(c.validTo);
    if (!ca.ca || !inDate(ca, RENEW_BEFORE_MS) || !inDate(cert, RENEW_BEFORE_MS)) return false;
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
    if (!cert.checkPrivateKey(createPrivateKey(m.keyPem))) return false;
    return hosts.every((h) =>
      isIP(h) ? cert.checkIP(h) !== undefined : cert.checkHost(h, { wildcards: false }) !== undefined,
    );
  } catch {
    return false;
  }
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive INTEGER
  return bytes.toString('hex');
}

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

const addYears = (d: Date, years: number) => {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
};

/** A new CA (10 years) and a server certificate it signs (2 years) for `hosts`; only the server key is kept. */
export function createCertificates(
  hosts: string[],
  now: Date = new Date(),
): { caPem: string; certPem: string; keyPem: string } {
  // An hour back: a client whose clock runs slightly behind still accepts a certificate made just now.
  const notBefore = new Date(now.getTime() - 3600 * 1000);

  const caKeys = rsaKeyPair();
  const ca = forge.pki.createCertificate();
  ca.publicKey = caKeys.publicKey;
  ca.serialNumber = serialNumber();
  ca.validity.notBefore = notBefore;
  ca.validity.notAfter = addYears(now, CA_YEARS);
  const caName = [
    {
      name: 'commonName',
      value: `Stagemap local Microsoft 365 emulator CA ${now.toISOString().slice(0, 10)}`,
    },
    { name: 'organizationName', value: 'Stagemap (local development only)' },
  ];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const serverKeys = rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = serverKeys.publicKey;
  cert.serialNumber = serialNumber();
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = addYears(now, SERVER_YEARS);
  cert.setSubject([
    { name: 'commonName', value: 'localhost' },
    { name: 'organizationName', value: 'Stagemap (local development only)' },
  ]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map((h) => (isIP(h) ? { type: 7, ip: h } : { type: 2, value: h })),
    },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(serverKeys.privateKey),
  };
}
