/**
 * Issue #3's claim, "any standard Graph client library works against it with only its base URL and token changed",
 * with the stock `@microsoft/microsoft-graph-client` and no middleware: the emulator in HTTPS mode, a child Node
 * process that trusts the emulator's local CA through NODE_EXTRA_CA_CERTS and nothing else.
 */
import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_TENANT_ID } from '../../src/emulator/config';
import { upsertApp } from '../../src/emulator/identity/directory-store';
import { EMULATOR_MODULES } from '../../src/emulator/modules';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server';
import { loadOrCreateTls } from '../../src/emulator/tls/certificates';
import { tempDataDir } from './support';

const SCRIPT = 'tests/emulator/fixtures/stock-sdk-client.ts';
const APP = { appId: '3c0ffee0-5d4b-4c3a-9e2f-000000000301', secret: 'stock-sdk-secret' };

interface ChildRun {
  code: number | null;
  result: Record<string, unknown> & { ok: boolean };
  stderr: string;
}

/** Runs the fixture in a fresh Node process; `caPath` undefined = no NODE_EXTRA_CA_CERTS at all. */
function runClient(url: string, caPath: string | undefined): Promise<ChildRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_TLS_REJECT_UNAUTHORIZED;
  Object.assign(env, {
    EMU_URL: url,
    TENANT_ID: LOCAL_TENANT_ID,
    APP_ID: APP.appId,
    APP_SECRET: APP.secret,
    ...(caPath ? { NODE_EXTRA_CA_CERTS: caPath } : {}),
  });
  const proc = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  proc.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) reject(new Error(`no RESULT line (exit ${code}): ${stdout}\n${stderr}`));
      else resolve({ code, result: JSON.parse(line.slice(7)) as ChildRun['result'], stderr });
    });
  });
}

/** `npm run emulator` with EMULATOR_HTTPS=1: its first two stdout lines, then SIGTERM and the exit code. */
function spawnHttpsMain(dataDir: string): Promise<{ lines: string[]; code: number | null }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: '0',
      DATA_DIR: dataDir,
      EMULATOR_HTTPS: '1',
      EMULATOR_LOG: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let stopping = false;
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  proc.stdout.on('data', (c: Buffer) => {
    stdout += c.toString('utf8');
    if (!stopping && stdout.split('\n').length > 2) {
      stopping = true;
      proc.kill('SIGTERM');
    }
  });
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('exit', (code) =>
      stopping
        ? resolve({ lines: stdout.split('\n'), code })
        : reject(new Error(`exited ${code}: ${stderr}`)),
    );
  });
}

/** GET over https trusting exactly `ca` (the test process itself has no NODE_EXTRA_CA_CERTS). */
function getJson(url: string, ca: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve(JSON.parse(body) as Record<string, unknown>));
    }).on('error', reject);
  });
}

describe('HTTPS mode and the stock Graph SDK', () => {
  const dataDir = tempDataDir();
  let emu: RunningEmulator;
  let trusted: Promise<ChildRun>;
  let untrusted: Promise<ChildRun>;
  const mainDataDir = tempDataDir();
  let main: Promise<{ lines: string[]; code: number | null }>;

  beforeAll(async () => {
    emu = await startEmulator({ https: true, port: 0, dataDir }, EMULATOR_MODULES);
    upsertApp(emu.ctx.db, {
      appId: APP.appId,
      displayName: 'Stock SDK client',
      secret: APP.secret,
      identifierUri: null,
      graphRoles: ['Sites.FullControl.All', 'User.Read.All'],
      graphScopes: [],
      servicePrincipalId: `sp-${APP.appId}`,
    });
    // Both children at once: the suite's time is one process start plus the SDK run.
    trusted = runClient(emu.url, emu.tls!.caPath);
    untrusted = runClient(emu.url, undefined);
    main = spawnHttpsMain(mainDataDir);
    // Settled here so a failing child cannot leave an unhandled rejection behind; each test awaits its own.
    await Promise.allSettled([trusted, untrusted, main]);
  });
  afterAll(() => emu?.close());

  it('serves https with a local CA and a server certificate kept in DATA_DIR/tls', async () => {
    expect(emu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(emu.tls).toEqual({ caPath: join(dataDir, 'tls', 'ca.pem'), created: true });
    const caPem = readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8');
    const ca = new X509Certificate(caPem);
    const cert = new X509Certificate(readFileSync(join(dataDir, 'tls', 'server.pem'), 'utf8'));
    const years = (c: X509Certificate) =>
      (Date.parse(c.validTo) - Date.parse(c.validFrom)) / (365.25 * 24 * 3600 * 1000);
    expect(ca.ca).toBe(true);
    expect(years(ca)).toBeCloseTo(10, 1);
    expect(cert.ca).toBe(false);
    expect(years(cert)).toBeCloseTo(2, 1);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost, IP Address:0:0:0:0:0:0:0:1');
    expect(cert.keyUsage).toContain('1.3.6.1.5.5.7.3.1'); // serverAuth
    expect(statSync(join(dataDir, 'tls', 'server-key.pem')).mode & 0o077).toBe(0);

    // Every absolute URL the emulator builds follows the scheme: OpenID metadata, issuer, admin.
    const meta = await getJson(`${emu.url}/${LOCAL_TENANT_ID}/v2.0/.well-known/openid-configuration`, caPem);
    expect(meta.issuer).toBe(`${emu.url}/${LOCAL_TENANT_ID}/v2.0`);
    expect(meta.token_endpoint).toBe(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`);
    expect(meta.jwks_uri).toMatch(/^https:\/\//);
    expect((await getJson(`${emu.url}/_emulator`, caPem)).graph).toBe(`${emu.url}/v1.0`);
  });

  it('the stock SDK works with only baseUrl, customHosts and the token: pages, upload session, users', async () => {
    const { code, result, stderr } = await trusted;
    expect(result.ok, `${JSON.stringify(result)}\n${stderr}`).toBe(true);
    expect(result.tlsBypass).toBeNull();
    expect(code).toBe(0);
    expect(result).toMatchObject({
      rootSite: { isRoot: true },
      created: 250,
      // Default page of 200, then the SDK's PageIterator follows the https nextLink to the last 50.
      firstPage: { count: 200, nextLink: expect.stringMatching(new RegExp(`^${emu.url}/v1\\.0/sites/`)) },
      iterated: 250,
      distinctIds: 250,
      seqFirst: 1,
      seqLast: 250,
      upload: {
        uploadUrl: expect.stringMatching(new RegExp(`^${emu.url}/`)),
        slices: 4,
        name: 'large.bin',
        size: 1_000_000,
        storedSize: 1_000_000,
      },
      users: { count: 5, nextLink: expect.stringMatching(new RegExp(`^${emu.url}/v1\\.0/users\\?`)) },
    });
  });

  it('without NODE_EXTRA_CA_CERTS the TLS connection is refused (the CA is really needed)', async () => {
    const { code, result } = await untrusted;
    expect(code).toBe(1);
    expect(result).toMatchObject({ ok: false, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('npm run emulator with EMULATOR_HTTPS=1 prints the https URL and the CA to trust', async () => {
    const { lines, code } = await main;
    const caPath = join(mainDataDir, 'tls', 'ca.pem');
    expect(lines[0]).toMatch(/^Microsoft 365 emulator listening on https:\/\/127\.0\.0\.1:\d+ /);
    expect(lines[1]).toContain(`local CA created at ${caPath}`);
    expect(lines[1]).toContain(`NODE_EXTRA_CA_CERTS=${caPath}`);
    expect(lines.join('\n')).not.toContain('PRIVATE KEY');
    expect(code).toBe(0);
  });

  it('reuses the CA and certificate on restart', async () => {
    const before = readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8');
    await emu.close();
    emu = await startEmulator({ https: true, port: 0, dataDir }, EMULATOR_MODULES);
    expect(emu.tls).toEqual({ caPath: join(dataDir, 'tls', 'ca.pem'), created: false });
    expect(readFileSync(join(dataDir, 'tls', 'ca.pem'), 'utf8')).toBe(before);
    expect((await getJson(`${emu.url}/_emulator`, before)).baseUrl).toBe(emu.url);
  });

  it('replaces the certificate (and its CA) when it nears expiry or must cover another host', () => {
    const dir = tempDataDir();
    const first = loadOrCreateTls(dir, '127.0.0.1');
    expect(loadOrCreateTls(dir, '127.0.0.1').created).toBe(false);
    const later = new Date(Date.now() + (2 * 365 - 3) * 24 * 3600 * 1000);
    const renewed = loadOrCreateTls(dir, '127.0.0.1', later);
    expect(renewed.created).toBe(true);
    expect(renewed.caPem).not.toBe(first.caPem);
    const named = loadOrCreateTls(dir, 'emulator.test', later);
    expect(named.created).toBe(true);
    expect(new X509Certificate(named.certPem).subjectAltName).toContain('DNS:emulator.test');
  });
});
