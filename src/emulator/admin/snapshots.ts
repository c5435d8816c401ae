import type { Db } from '../store/db';

/** Snapshot names are file names: keep them plain. Names starting with "__" are the emulator's own. */
export const SNAPSHOT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

interface TableRow {
  name: string;
  sql: string | null;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Replaces the content of every table with the content of a snapshot file, in one transaction, keeping the same
 * connection: modules hold prepared statements on ctx.db, so swapping the file underneath them is not an option.
 * Triggers are dropped during the copy (they would log the copy as changes) and recreated; FTS shadow tables are
 * left to their virtual table.
 */
export function restoreFromFile(db: Db, file: string): void {
  db.pragma('foreign_keys = OFF');
  db.prepare('ATTACH DATABASE ? AS snap').run(file);
  try {
    db.transaction(() => {
      const mainTables = db
        .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as TableRow[];
      const snapNames = new Set(
        (db.prepare("SELECT name FROM snap.sqlite_master WHERE type = 'table'").all() as TableRow[]).map(
          (t) => t.name,
        ),
      );
      const virtual = mainTables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
      const isShadow = (name: string) => virtual.some((v) => name.startsWith(`${v}_`));
      const triggers = db
        .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger'")
        .all() as TableRow[];
      for (const t of triggers) db.exec(`DROP TRIGGER main.${q(t.name)}`);
      for (const t of mainTables) {
        if (isShadow(t.name)) continue;
        db.exec(`DELETE FROM main.${q(t.name)}`);
        if (!snapNames.has(t.name)) continue;
        const cols = (name: string, schema: string) =>
          (db.prepare(`PRAGMA ${schema}.table_info(${q(name)})`).all() as { name: string }[]).map(
            (c) => c.name,
          );
        const snapCols = new Set(cols(t.name, 'snap'));
        const shared = cols(t.name, 'main').filter((c) => snapCols.has(c));
        if (shared.length === 0) continue;
        const list = shared.map(q).join(', ');
        db.exec(`INSERT INTO main.${q(t.name)} (${list}) SELECT ${list} FROM snap.${q(t.name)}`);
      }
      if (snapNames.has('sqlite_sequence')) {
        const hasSeq = db.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get();
        if (hasSeq) {
          db.exec('DELETE FROM main.sqlite_sequence');
          db.exec('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM snap.sqlite_sequence');
        }
      }
      for (const t of triggers) if (t.sql) db.exec(t.sql);
    })();
  } finally {
    db.prepare('DETACH DATABASE snap').run();
    db.pragma('foreign_keys = ON');
  }
}

/** Empties every table except what `keep` spares (a WHERE clause per table, or true to keep it whole). */
export function wipe(db: Db, keep: Record<string, string | true>): void {
  db.pragma('foreign_keys = OFF');
  try {
    wipeTables(db, keep);
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

function wipeTables(db: Db, keep: Record<string, string | true>): void {
  db.transaction(() => {
    const tables = db
      .prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as TableRow[];
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? '')).map((t) => t.name);
    for (const t of tables) {
      if (virtual.some((v) => t.name.startsWith(`${v}_`))) continue;
      const k = keep[t.name];
      if (k === true) continue;
      db.exec(`DELETE FROM ${q(t.name)}${k ? ` WHERE NOT (${k})` : ''}`);
    }
  })();
}
