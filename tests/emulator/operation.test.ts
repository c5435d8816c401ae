import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { EMULATOR_MODULES } from '../../src/emulator/modules';
import { isLoopbackAddress, startEmulator, type RunningEmulator } from '../../src/emulator/server';
import { admin, appToken, raw, rawAt, spawnEmulator, startTestEmulator, tempDataDir } from './support';

describe('npm run emulator (src/emulator/main.ts as a process)', () => {
  it('refuses NODE_ENV=production with a clear message and a non-zero exit', async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', DATA_DIR: tempDataDir() },
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/NODE_ENV is "production"/);
  });

  it('honours PORT and DATA_DIR, prints its base URL, logs one line per request, stops on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const emu = await spawnEmulator({ DATA_DIR: dataDir });
    try {
      expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(existsSync(join(dataDir, 'm365.sqlite'))).toBe(true);
      const r = await rawAt(emu.url, 'GET', '/_emulator', null);
      expect(r.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const line = emu.stdout.find((l) => l.includes('GET /_emulator'));
      expect(line).toMatch(
        new RegExp(
          `^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z GET /_emulator → 200 \\d+\\.\\dms ${r.headers.get('request-id')}$`,
        ),
      );
    } finally {
      emu.proc.kill('SIGTERM');
    }
    expect(await emu.exited).toBe(0);
  });

  it('refuses an invalid PORT', async () => {
    await expect(spawnEmulator({ PORT: 'eighty', DATA_DIR: tempDataDir() })).rejects.toThrow(/Invalid PORT/);
  });
});

describe('admin API', () => {
  let emu: RunningEmulator;
  const now = new Date('2026-11-26T08:00:00Z');
  beforeAll(async () => {
    emu = await startTestEmulator({ clock: () => now });
  });
  afterAll(() => emu.close());

  it('answers loopback callers only', async () => {
    expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.1.2.3'].every(isLoopbackAddress)).toBe(true);
    expect(['10.0.0.5', '::ffff:192.168.1.2', 'fe80::1', undefined].some(isLoopbackAddress)).toBe(false);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (!external) return; // no non-loopback interface on this machine: the unit check above stands
    const open = await startEmulator({ port: 0, dataDir: tempDataDir(), host: '0.0.0.0' }, EMULATOR_MODULES);
    try {
      const port = new URL(open.url).port;
      const r = await fetch(`http://${external.address}:${port}/_emulator/stats`);
      expect(r.status).toBe(403);
      expect(((await r.json()) as { error: { code: string } }).error.code).toBe('accessDenied');
      expect((await fetch(`http://127.0.0.1:${port}/_emulator/stats`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('adds, updates and deletes directory users', async () => {
    const add = await admin(emu, 'POST', '/users', {
      userPrincipalName: 'nieuw.lid@stagemap.local',
      displayName: 'Nieuw Lid',
      preferredLanguage: 'nl-BE',
    });
    expect(add.status).toBe(201);
    const id = add.json.id as string;
    expect(add.json.mail).toBe('nieuw.lid@stagemap.local');
    expect(
      (
        await admin(emu, 'POST', '/users', {
          userPrincipalName: 'nieuw.lid@stagemap.local',
          displayName: 'x',
        })
      ).status,
    ).toBe(409);
    expect((await admin(emu, 'POST', '/users', { displayName: 'no upn' })).status).toBe(400);
    const upd = await admin(emu, 'PATCH', `/users/${id}`, { jobTitle: 'Stagiair' });
    expect(upd.json.jobTitle).toBe('Stagiair');
    expect((await admin(emu, 'PATCH', `/users/${id}`, { shoeSize: 1 })).status).toBe(400);
    const app = await appToken(emu);
    expect((await raw(emu, 'GET', `/v1.0/users/${id}`, app)).json.jobTitle).toBe('Stagiair');
    expect((await admin(emu, 'DELETE', `/users/${id}`)).status).toBe(204);
    expect((await raw(emu, 'GET', `/v1.0/users/${id}`, app)).status).toBe(404);
  });

  it('shifts the clock (token expiry follows) and resets it', async () => {
    const token = await appToken(emu);
    // Used once first, so that expiry is checked on the verified-token cache too.
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', token)).status).toBe(200);
    const put = await admin(emu, 'PUT', '/clock', { advanceMs: 2 * 3600_000 });
    expect(put.json).toEqual({ now: '2026-11-26T10:00:00.000Z', offsetMs: 7_200_000 });
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', token)).status).toBe(401);
    expect((await admin(emu, 'PUT', '/clock', { now: '2026-12-24T09:00:00Z' })).json.now).toBe(
      '2026-12-24T09:00:00.000Z',
    );
    expect((await admin(emu, 'PUT', '/clock', { when: 'soon' })).status).toBe(400);
    expect((await admin(emu, 'DELETE', '/clock')).json.offsetMs).toBe(0);
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', token)).status).toBe(200);
  });

  it('saves and restores named snapshots, and resets to the first-start state (keys and local app kept)', async () => {
    const app = await appToken(emu);
    const send = (subject: string) =>
      raw(emu, 'POST', `/v1.0/users/${DEMO_USERS[0]!.id}/sendMail`, app, {
        message: { subject, toRecipients: [{ emailAddress: { address: 'snap@stagemap.local' } }] },
      });
    const subjects = async () =>
      ((await admin(emu, 'GET', '/outbox?to=snap@stagemap.local')).json.value as { subject: string }[]).map(
        (m) => m.subject,
      );
    await send('before snapshot');
    const save = await admin(emu, 'PUT', '/snapshots/demo-1', {});
    expect(save.status).toBe(201);
    await send('after snapshot');
    await admin(emu, 'PUT', `/users/${DEMO_USERS[2]!.id}/out-of-office`, { status: 'alwaysEnabled' });
    expect(await subjects()).toEqual(['before snapshot', 'after snapshot']);
    expect((await admin(emu, 'POST', '/snapshots/demo-1/restore')).status).toBe(204);
    expect(await subjects()).toEqual(['before snapshot']);
    expect((await admin(emu, 'GET', `/users/${DEMO_USERS[2]!.id}`)).json.outOfOffice).toBe(false);
    expect(
      ((await admin(emu, 'GET', '/snapshots')).json.value as { name: string }[]).map((s) => s.name),
    ).toEqual(['demo-1']);
    expect((await admin(emu, 'POST', '/snapshots/nope/restore')).status).toBe(404);
    expect((await admin(emu, 'PUT', '/snapshots/..%2Fescape', {})).status).toBe(400);
    // A token signed before the reset still verifies: the signing key is kept.
    await admin(emu, 'POST', '/users', { userPrincipalName: 'tmp.user@stagemap.local', displayName: 'Tmp' });
    await admin(emu, 'PUT', '/clock', { advanceMs: 1000 });
    expect((await admin(emu, 'POST', '/reset')).status).toBe(204);
    expect(await subjects()).toEqual([]);
    expect((await admin(emu, 'GET', '/users/tmp.user@stagemap.local')).status).toBe(404);
    expect(((await admin(emu, 'GET', '/users')).json.value as unknown[]).length).toBe(DEMO_USERS.length);
    expect((await admin(emu, 'GET', '/clock')).json.offsetMs).toBe(0);
    expect((await raw(emu, 'GET', '/v1.0/users?$top=1', app)).status).toBe(200);
    expect((await admin(emu, 'DELETE', '/snapshots/demo-1')).status).toBe(204);
  });

  it('keeps the integrity of the database through restore and reset', () => {
    const db = new Database(join(emu.ctx.config.dataDir, 'm365.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });
});
