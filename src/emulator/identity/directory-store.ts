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
  /** Not in the default property set; returned with $select. Absent means true. */
  accountEnabled?: boolean;
  companyName?: string | null;
  usageLocation?: string | null;
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
  /** Redirect URIs allowed for the authorization code flow, besides any loopback URI. */
  redirectUris?: string[];
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

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function deleteUser(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0;
}

export function listApps(db: Db): AppRegistration[] {
  return (db.prepare('SELECT data FROM apps ORDER BY app_id').all() as { data: string }[]).map(
    (r) => JSON.parse(r.data) as AppRegistration,
  );
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
