import { randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_APP_ID } from '../config';
import type { EmulatorContext } from '../context';
import { loadDemoDirectory } from '../demo-directory';
import { GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';
import {
  deleteUser,
  getApp,
  getUser,
  listApps,
  listUsers,
  upsertApp,
  upsertUser,
  type AppRegistration,
  type DirectoryUser,
} from '../identity/directory-store';
import { ensureLocalApp } from '../identity/identity-module';
import { isOutOfOffice } from '../mail/mailbox-store';
import { mailPort } from '../mail/mail-module';
import { kvGet, kvSet } from '../store/db';
import { parseThrottlingPatch } from '../throttling/budget';
import { parseFaultConfig } from '../throttling/faults';
import { throttlingPort } from '../throttling/throttling-module';
import { clockPort, lifecycle } from './lifecycle';
import { restoreFromFile, SNAPSHOT_NAME, wipe } from './snapshots';

const BASELINE = '__baseline';

const invalid = (message: string) => new GraphError(400, 'invalidRequest', message);

function json(req: EmuRequest): unknown {
  if (req.body.length === 0) return {};
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    throw invalid('The body is not valid JSON.');
  }
}

const ok = (body: unknown, status = 200): EmuResponse => ({ status, body });

const USER_FIELDS = new Set([
  'id',
  'userPrincipalName',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'jobTitle',
  'department',
  'officeLocation',
  'preferredLanguage',
  'mobilePhone',
  'businessPhones',
  'accountEnabled',
  'companyName',
  'usageLocation',
]);

function checkUserFields(body: Record<string, unknown>): void {
  const unknown = Object.keys(body).find((k) => !USER_FIELDS.has(k));
  if (unknown) throw invalid(`Unknown user property '${unknown}'.`);
  for (const k of ['userPrincipalName', 'displayName'])
    if (k in body && (typeof body[k] !== 'string' || body[k] === ''))
      throw invalid(`'${k}' must be a non-empty string.`);
  if (typeof body.userPrincipalName === 'string' && !/^[^\s@]+@[^\s@]+$/.test(body.userPrincipalName))
    throw invalid(`'userPrincipalName' must look like name@domain.`);
  if (
    'businessPhones' in body &&
    !(Array.isArray(body.businessPhones) && body.businessPhones.every((p) => typeof p === 'string'))
  )
    throw invalid(`'businessPhones' must be an array of strings.`);
}

/**
 * The emulator's admin API under /_emulator (no Graph token; the server only lets loopback callers in): reset,
 * snapshots, directory users and out-of-office, apps, clock, stats, faults and the throttling budget.
 * Outbox routes live with the mail module.
 */
export function adminModule(ctx: EmulatorContext): void {
  const { db } = ctx;
  const snapshotDir =
    ctx.config.dataDir === ':memory:'
      ? mkdtempSync(join(tmpdir(), 'stagemap-emu-snapshots-'))
      : join(ctx.config.dataDir, 'snapshots');
  mkdirSync(snapshotDir, { recursive: true });
  const snapshotFile = (name: string) => join(snapshotDir, `${name}.sqlite`);

  // The baseline is the data right after the very first start (demo directory and whatever the other modules
  // provisioned): reset goes back to it, so it is the same state a fresh data directory would have.
  lifecycle(ctx).afterStart.push(() => {
    if (kvGet(db, 'emulator.baselineTaken')) return;
    kvSet(db, 'emulator.baselineTaken', new Date().toISOString());
    writeFileSync(snapshotFile(BASELINE), db.serialize());
  });

  const dataReplaced = () => {
    clockPort(ctx).reload();
    for (const hook of lifecycle(ctx).onDataReplaced) hook();
  };

  ctx.root.get('/_emulator', () =>
    ok({
      name: 'Stagemap local Microsoft 365 emulator',
      baseUrl: ctx.baseUrl(),
      graph: `${ctx.baseUrl()}/v1.0`,
      tenantId: ctx.config.tenantId,
      dataDir: ctx.config.dataDir,
      now: ctx.now().toISOString(),
    }),
  );

  ctx.root.post('/_emulator/reset', () => {
    if (existsSync(snapshotFile(BASELINE))) restoreFromFile(db, snapshotFile(BASELINE));
    else {
      wipe(db, {
        kv: "key LIKE 'identity.%' OR key = 'emulator.baselineTaken'",
        apps: `app_id = '${LOCAL_APP_ID}'`,
      });
      ensureLocalApp(ctx);
      if (ctx.config.demoDirectory) loadDemoDirectory(ctx);
    }
    clockPort(ctx).setOffsetMs(0);
    const t = throttlingPort(ctx);
    t.resetStats();
    t.faults.clear();
    t.update(ctx.config.throttling);
    dataReplaced();
    return { status: 204 };
  });

  // Snapshots: SQLite online backup into the data directory, restored table by table.
  ctx.root.get('/_emulator/snapshots', () =>
    ok({
      value: readdirSync(snapshotDir)
        .filter((f) => f.endsWith('.sqlite') && !f.startsWith('__'))
        .map((f) => {
          const st = statSync(join(snapshotDir, f));
          return {
            name: f.slice(0, -'.sqlite'.length),
            bytes: st.size,
            savedDateTime: st.mtime.toISOString(),
          };
        }),
    }),
  );
  const snapshotName = (raw: string | undefined) => {
    if (!raw || !SNAPSHOT_NAME.test(raw))
      throw invalid(`Invalid snapshot name '${raw ?? ''}': use letters, digits, '.', '_' or '-'.`);
    return raw;
  };
  ctx.root.put('/_emulator/snapshots/{name}', async (_req, p) => {
    const name = snapshotName(p.name);
    const file = snapshotFile(name);
    const tmp = `${file}.${randomUUID()}.tmp`;
    await db.backup(tmp);
    // Rename is atomic: a restore never reads half a snapshot.
    renameSync(tmp, file);
    return ok({ name, bytes: statSync(file).size }, 201);
  });
  ctx.root.post('/_emulator/snapshots/{name}/restore', (_req, p) => {
    const file = snapshotFile(snapshotName(p.name));
    if (!existsSync(file)) throw new GraphError(404, 'itemNotFound', `No snapshot named '${p.name}'.`);
    restoreFromFile(db, file);
    dataReplaced();
    return { status: 204 };
  });
  ctx.root.delete('/_emulator/snapshots/{name}', (_req, p) => {
    const file = snapshotFile(snapshotName(p.name));
    if (!existsSync(file)) throw new GraphError(404, 'itemNotFound', `No snapshot named '${p.name}'.`);
    rmSync(file);
    return { status: 204 };
  });

  // Directory users, with what the scheduler cares about: language and out-of-office.
  const withMailbox = (u: DirectoryUser) => {
    const s = mailPort(ctx).mailboxSettings(u.id);
    return {
      ...u,
      mailboxSettings: s && {
        language: s.language,
        timeZone: s.timeZone,
        automaticRepliesSetting: s.automaticRepliesSetting,
      },
      outOfOffice: s ? isOutOfOffice(s, ctx.now()) : false,
    };
  };
  const userOr404 = (idOrUpn: string | undefined) => {
    const u = getUser(db, idOrUpn ?? '');
    if (!u) throw new GraphError(404, 'itemNotFound', `No user '${idOrUpn ?? ''}'.`);
    return u;
  };
  ctx.root.get('/_emulator/users', () => ok({ value: listUsers(db).map(withMailbox) }));
  ctx.root.get('/_emulator/users/{id}', (_req, p) => ok(withMailbox(userOr404(p.id))));
  ctx.root.post('/_emulator/users', (req) => {
    const body = json(req) as Record<string, unknown>;
    checkUserFields(body);
    if (typeof body.userPrincipalName !== 'string' || typeof body.displayName !== 'string')
      throw invalid(`'userPrincipalName' and 'displayName' are required.`);
    if (getUser(db, body.userPrincipalName) || (typeof body.id === 'string' && getUser(db, body.id)))
      throw new GraphError(409, 'conflict', `A user '${body.userPrincipalName}' already exists.`);
    const user = upsertUser(db, {
      id: typeof body.id === 'string' ? body.id : randomUUID(),
      givenName: null,
      surname: null,
      mail: body.userPrincipalName,
      jobTitle: null,
      department: null,
      officeLocation: null,
      preferredLanguage: null,
      mobilePhone: null,
      businessPhones: [],
      ...(body as Partial<DirectoryUser>),
      userPrincipalName: body.userPrincipalName,
      displayName: body.displayName,
    });
    return ok(withMailbox(user), 201);
  });
  ctx.root.patch('/_emulator/users/{id}', (req, p) => {
    const current = userOr404(p.id);
    const body = json(req) as Record<string, unknown>;
    checkUserFields(body);
    if ('id' in body && body.id !== current.id) throw invalid(`'id' cannot be changed.`);
    if (typeof body.userPrincipalName === 'string') {
      const other = getUser(db, body.userPrincipalName);
      if (other && other.id !== current.id)
        throw new GraphError(409, 'conflict', `A user '${body.userPrincipalName}' already exists.`);
    }
    return ok(
      withMailbox(upsertUser(db, { ...current, ...(body as Partial<DirectoryUser>), id: current.id })),
    );
  });
  ctx.root.delete('/_emulator/users/{id}', (_req, p) => {
    deleteUser(db, userOr404(p.id).id);
    return { status: 204 };
  });
  ctx.root.patch('/_emulator/users/{id}/mailbox-settings', (req, p) => {
    const user = userOr404(p.id);
    mailPort(ctx).patchMailboxSettings(user.id, json(req));
    return ok(withMailbox(user));
  });
  // Out of office: the full automaticRepliesSetting, or a shorthand {start, end, message} in UTC.
  ctx.root.put('/_emulator/users/{id}/out-of-office', (req, p) => {
    const user = userOr404(p.id);
    const b = json(req) as Record<string, unknown>;
    let setting: Record<string, unknown> = b;
    if ('start' in b || 'end' in b || 'message' in b) {
      const { start, end, message, ...rest } = b;
      if (Object.keys(rest).length > 0)
        throw invalid('Use either {start, end, message} or an automaticRepliesSetting.');
      setting = { status: 'alwaysEnabled' };
      if (start !== undefined || end !== undefined) {
        if (typeof start !== 'string' || typeof end !== 'string')
          throw invalid(`'start' and 'end' go together (ISO date-times).`);
        setting = {
          status: 'scheduled',
          scheduledStartDateTime: { dateTime: start.replace(/Z$/, ''), timeZone: 'UTC' },
          scheduledEndDateTime: { dateTime: end.replace(/Z$/, ''), timeZone: 'UTC' },
        };
      }
      if (message !== undefined) {
        if (typeof message !== 'string') throw invalid(`'message' must be a string.`);
        setting.internalReplyMessage = message;
        setting.externalReplyMessage = message;
      }
    } else if (!('status' in b)) setting = { ...b, status: 'alwaysEnabled' };
    mailPort(ctx).patchMailboxSettings(user.id, { automaticRepliesSetting: setting });
    return ok(withMailbox(user));
  });
  ctx.root.delete('/_emulator/users/{id}/out-of-office', (_req, p) => {
    const user = userOr404(p.id);
    mailPort(ctx).patchMailboxSettings(user.id, { automaticRepliesSetting: { status: 'disabled' } });
    return ok(withMailbox(user));
  });

  // App registrations (tests register apps with fewer permissions to check the 403s).
  const publicApp = ({ secret: _secret, ...a }: AppRegistration) => a;
  ctx.root.get('/_emulator/apps', () => ok({ value: listApps(db).map(publicApp) }));
  ctx.root.put('/_emulator/apps/{appId}', (req, p) => {
    const b = json(req) as Partial<AppRegistration>;
    const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (typeof b.secret !== 'string' || b.secret === '') throw invalid(`'secret' is required.`);
    if (b.graphRoles !== undefined && !strings(b.graphRoles)) throw invalid(`'graphRoles' must be strings.`);
    if (b.graphScopes !== undefined && !strings(b.graphScopes))
      throw invalid(`'graphScopes' must be strings.`);
    const existed = !!getApp(db, p.appId!);
    const app = upsertApp(db, {
      appId: p.appId!,
      displayName: typeof b.displayName === 'string' ? b.displayName : p.appId!,
      secret: b.secret,
      identifierUri: typeof b.identifierUri === 'string' ? b.identifierUri : null,
      graphRoles: b.graphRoles ?? [],
      graphScopes: b.graphScopes ?? [],
      servicePrincipalId: getApp(db, p.appId!)?.servicePrincipalId ?? randomUUID(),
      ...(Array.isArray(b.redirectUris) ? { redirectUris: b.redirectUris.map(String) } : {}),
    });
    return ok(publicApp(app), existed ? 200 : 201);
  });

  // Clock: shift the emulator's time (token expiry, delta expiry, out-of-office schedules).
  const clockBody = () => ({ now: ctx.now().toISOString(), offsetMs: clockPort(ctx).offsetMs() });
  ctx.root.get('/_emulator/clock', () => ok(clockBody()));
  ctx.root.put('/_emulator/clock', (req) => {
    const b = json(req) as { offsetMs?: unknown; now?: unknown; advanceMs?: unknown };
    const clock = clockPort(ctx);
    if (typeof b.offsetMs === 'number' && Number.isFinite(b.offsetMs)) clock.setOffsetMs(b.offsetMs);
    else if (typeof b.advanceMs === 'number' && Number.isFinite(b.advanceMs))
      clock.setOffsetMs(clock.offsetMs() + b.advanceMs);
    else if (typeof b.now === 'string' && !Number.isNaN(Date.parse(b.now)))
      clock.setOffsetMs(clock.offsetMs() + (Date.parse(b.now) - ctx.now().getTime()));
    else throw invalid(`Give one of 'offsetMs' (number), 'advanceMs' (number) or 'now' (ISO date-time).`);
    return ok(clockBody());
  });
  ctx.root.delete('/_emulator/clock', () => {
    clockPort(ctx).setOffsetMs(0);
    return ok(clockBody());
  });

  // Usage counters (benchmarks report resource units from here).
  ctx.root.get('/_emulator/stats', () => ok(throttlingPort(ctx).stats()));
  ctx.root.delete('/_emulator/stats', () => {
    throttlingPort(ctx).resetStats();
    return { status: 204 };
  });

  ctx.root.get('/_emulator/throttling', () => ok(throttlingPort(ctx).settings()));
  ctx.root.put('/_emulator/throttling', (req) => {
    const patch = parseThrottlingPatch(json(req));
    if (typeof patch === 'string') throw invalid(patch);
    return ok(throttlingPort(ctx).update(patch));
  });

  ctx.root.get('/_emulator/faults', () =>
    ok(throttlingPort(ctx).faults.config() ?? { seed: null, rules: [] }),
  );
  ctx.root.put('/_emulator/faults', (req) => {
    const config = parseFaultConfig(json(req));
    if (typeof config === 'string') throw invalid(config);
    throttlingPort(ctx).faults.set(config);
    return ok(throttlingPort(ctx).faults.config());
  });
  ctx.root.delete('/_emulator/faults', () => {
    throttlingPort(ctx).faults.clear();
    return { status: 204 };
  });
}
