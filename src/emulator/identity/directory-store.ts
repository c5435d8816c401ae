import type { Db } from '../store/db';

/** A user of the local tenant, with the properties Graph's /users returns by default and a few more. */
export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
}

/** An app registration of the local tenant, with the Graph application permissions granted to it. */
export interface AppRegistration {
  appId: string;
  displayName: string;
  secret: string;
  /** Application id URI of the API this app exposes, if any. */
  identifierUri: string | null;
  /** Graph application permissions granted with admin consent (token `roles`). */
  graphRoles: string[];
  /** Delegated Graph scopes consented for users of this app (token `scp` when `.default` is asked). */
  graphScopes: string[];
  /** Object id of its service principal (token `oid` for app tokens). */
  servicePrincipalId: string;
}

export function ensureDirectoryTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS users (
      id TEXT PRIMARY KEY,
      upn TEXT NOT NULL UNIQUE COLLATE NOCASE,
      data TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS apps (
      app_id TEXT PRIMARY KEY,
      data TEXT NOT NULL
    );
  `);
}

export function upsertUser(db: Db, user: DirectoryUser): DirectoryUser {
  db.prepare(
    'INSERT INTO users (id, upn, data) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET upn = excluded.upn, data = excluded.data',
  ).run(user.id, user.userPrincipalName, JSON.stringify(user));
  return user;
}

export function getUser(db: Db, idOrUpn: string): DirectoryUser | undefined {
  const row = db.prepare('SELECT data FROM users WHERE id = ? OR upn = ?').get(idOrUpn, idOrUpn) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as DirectoryUser) : undefined;
}

export function listUsers(db: Db): DirectoryUser[] {
  return (db.prepare('SELECT data FROM users ORDER BY upn').all() as { data: string }[]).map(
    (r) => JSON.parse(r.data) as DirectoryUser,
  );
}

export function upsertApp(db: Db, app: AppRegistration): AppRegistration {
  db.prepare(
    'INSERT INTO apps (app_id, data) VALUES (?, ?) ON CONFLICT(app_id) DO UPDATE SET data = excluded.data',
  ).run(app.appId, JSON.stringify(app));
  return app;
}

export function getApp(db: Db, appId: string): AppRegistration | undefined {
  const row = db.prepare('SELECT data FROM apps WHERE app_id = ?').get(appId) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as AppRegistration) : undefined;
}

export function getAppByIdentifierUri(db: Db, uri: string): AppRegistration | undefined {
  return (db.prepare('SELECT data FROM apps').all() as { data: string }[])
    .map((r) => JSON.parse(r.data) as AppRegistration)
    .find((a) => a.identifierUri === uri);
}
