import type { Db } from '../store/db';

export interface Recipient {
  address: string;
  name: string | null;
}

/** One message captured by sendMail: what a real tenant would have delivered. */
export interface OutboxMessage {
  id: string;
  sentDateTime: string;
  /** The mailbox it was sent from (the user of /users/{id}/sendMail or /me). */
  from: Recipient;
  /** Client application that sent it. */
  appId: string;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  importance: string;
  saveToSentItems: boolean;
  /** The message object as posted, for anything the fields above do not cover. */
  message: unknown;
}

export function ensureOutboxTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      recipients TEXT NOT NULL,
      data TEXT NOT NULL
    );
  `);
}

export function addToOutbox(db: Db, m: OutboxMessage): void {
  const recipients = [...m.toRecipients, ...m.ccRecipients, ...m.bccRecipients]
    .map((r) => `|${r.address.toLowerCase()}|`)
    .join('');
  db.prepare('INSERT INTO outbox (id, recipients, data) VALUES (?, ?, ?)').run(
    m.id,
    recipients,
    JSON.stringify(m),
  );
}

/** Messages in send order, optionally only those addressed (to, cc or bcc) to one address. */
export function listOutbox(db: Db, recipient?: string): OutboxMessage[] {
  const rows = (
    recipient
      ? db
          .prepare('SELECT data FROM outbox WHERE instr(recipients, ?) > 0 ORDER BY seq')
          .all(`|${recipient.toLowerCase()}|`)
      : db.prepare('SELECT data FROM outbox ORDER BY seq').all()
  ) as { data: string }[];
  return rows.map((r) => JSON.parse(r.data) as OutboxMessage);
}

export function clearOutbox(db: Db): number {
  return db.prepare('DELETE FROM outbox').run().changes;
}
