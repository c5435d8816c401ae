import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { exchangeAccessDenied, granted, meId, type Needed } from '../directory/permissions';
import { GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';
import { getUser, type DirectoryUser } from '../identity/directory-store';
import {
  defaultMailboxSettings,
  ensureMailboxTables,
  getStoredMailboxSettings,
  patchAutomaticReplies,
  patchMailboxSettings,
  saveMailboxSettings,
  type MailboxSettings,
} from './mailbox-store';
import { addToOutbox, clearOutbox, ensureOutboxTables, listOutbox, type Recipient } from './outbox-store';

const MAILBOX_READ: Needed = {
  app: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
  delegated: ['MailboxSettings.Read', 'MailboxSettings.ReadWrite'],
};
const MAILBOX_WRITE: Needed = {
  app: ['MailboxSettings.ReadWrite'],
  delegated: ['MailboxSettings.ReadWrite'],
};
const MAIL_SEND: Needed = { app: ['Mail.Send'], delegated: ['Mail.Send'] };

const MAILBOX_PROPERTIES = [
  'archiveFolder',
  'timeZone',
  'delegateMeetingMessageDeliveryOptions',
  'dateFormat',
  'timeFormat',
  'userPurpose',
  'automaticRepliesSetting',
  'language',
  'workingHours',
] as const;

export interface MailPort {
  /** The user's mailbox settings as Graph would answer them (defaults when never written). */
  mailboxSettings(userId: string): MailboxSettings | undefined;
  /** Applies a mailboxSettings PATCH body (same validation as Graph); used by the admin API. */
  patchMailboxSettings(userId: string, body: unknown): MailboxSettings;
}

export const mailPort = (ctx: EmulatorContext): MailPort => ctx.ports.mail as MailPort;

function readJson(req: EmuRequest): unknown {
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    );
  }
}

const invalidRecipients = (detail: string) =>
  new GraphError(400, 'ErrorInvalidRecipients', `At least one recipient isn't valid., ${detail}`);

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

function recipients(raw: unknown, name: string): Recipient[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new GraphError(400, 'RequestBodyRead', `'${name}' must be a collection.`);
  return raw.map((r) => {
    const email = (r as { emailAddress?: { address?: unknown; name?: unknown } } | null)?.emailAddress;
    const address = typeof email?.address === 'string' ? email.address.trim() : '';
    if (!EMAIL.test(address))
      throw invalidRecipients(
        `Recipient "${address}" isn't resolved. All recipients must be resolved before a message can be submitted.`,
      );
    return { address, name: typeof email?.name === 'string' ? email.name : null };
  });
}

/** Outlook mail of the local tenant: mailbox settings (language, time zone, automatic replies) and sendMail. */
export function mailModule(ctx: EmulatorContext): void {
  ensureMailboxTables(ctx.db);
  ensureOutboxTables(ctx.db);

  /** The mailbox a /users/{id}/… or /me/… request addresses, after the service's checks. */
  const mailboxOwner = (
    req: EmuRequest,
    idOrMe: string | undefined,
    need: Needed,
    sendAs = false,
  ): DirectoryUser => {
    const targetId = idOrMe ?? meId(req.principal);
    if (!granted(req.principal, need)) throw exchangeAccessDenied();
    const user = getUser(ctx.db, targetId);
    if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${targetId}' is invalid.`);
    if (req.principal.kind === 'user' && user.id !== req.principal.oid) {
      if (sendAs)
        throw new GraphError(
          403,
          'ErrorSendAsDenied',
          'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.',
        );
      throw exchangeAccessDenied();
    }
    if (!user.mail)
      throw new GraphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
    return user;
  };

  const settingsOf = (user: DirectoryUser): MailboxSettings =>
    getStoredMailboxSettings(ctx.db, user.id) ?? defaultMailboxSettings(user.preferredLanguage, ctx.now());

  const context = (req: EmuRequest, user: DirectoryUser, suffix = '') =>
    `${req.graphBase}/$metadata#users('${user.id}')/mailboxSettings${suffix}`;

  const getSettings = (req: EmuRequest, id?: string): EmuResponse => {
    const user = mailboxOwner(req, id, MAILBOX_READ);
    return { status: 200, body: { '@odata.context': context(req, user), ...settingsOf(user) } };
  };
  const patchSettings = (req: EmuRequest, id?: string): EmuResponse => {
    const user = mailboxOwner(req, id, MAILBOX_WRITE);
    const { next, changed } = patchMailboxSettings(settingsOf(user), readJson(req));
    saveMailboxSettings(ctx.db, user.id, next);
    return { status: 200, body: { '@odata.context': context(req, user), ...changed } };
  };
  const getProperty = (req: EmuRequest, prop: string, id?: string): EmuResponse => {
    const name = MAILBOX_PROPERTIES.find((p) => p.toLowerCase() === prop.toLowerCase());
    if (!name) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${prop}'.`);
    const user = mailboxOwner(req, id, MAILBOX_READ);
    const value = settingsOf(user)[name];
    const ctxUrl = context(req, user, `/${name}`);
    return {
      status: 200,
      body:
        value !== null && typeof value === 'object'
          ? { '@odata.context': ctxUrl, ...value }
          : { '@odata.context': ctxUrl, value },
    };
  };
  const patchAutoReplies = (req: EmuRequest, id?: string): EmuResponse => {
    const user = mailboxOwner(req, id, MAILBOX_WRITE);
    const current = settingsOf(user);
    const automaticRepliesSetting = patchAutomaticReplies(current.automaticRepliesSetting, readJson(req));
    saveMailboxSettings(ctx.db, user.id, { ...current, automaticRepliesSetting });
    return {
      status: 200,
      body: { '@odata.context': context(req, user, '/automaticRepliesSetting'), ...automaticRepliesSetting },
    };
  };

  ctx.graph.get('/users/{id}/mailboxSettings', (req, p) => getSettings(req, p.id));
  ctx.graph.get('/me/mailboxSettings', (req) => getSettings(req));
  ctx.graph.patch('/users/{id}/mailboxSettings', (req, p) => patchSettings(req, p.id));
  ctx.graph.patch('/me/mailboxSettings', (req) => patchSettings(req));
  ctx.graph.patch('/users/{id}/mailboxSettings/automaticRepliesSetting', (req, p) =>
    patchAutoReplies(req, p.id),
  );
  ctx.graph.patch('/me/mailboxSettings/automaticRepliesSetting', (req) => patchAutoReplies(req));
  ctx.graph.get('/users/{id}/mailboxSettings/{prop}', (req, p) => getProperty(req, p.prop!, p.id));
  ctx.graph.get('/me/mailboxSettings/{prop}', (req, p) => getProperty(req, p.prop!));

  const sendMail = (req: EmuRequest, id?: string): EmuResponse => {
    const sender = mailboxOwner(req, id, MAIL_SEND, true);
    const body = readJson(req) as { message?: unknown; saveToSentItems?: unknown } | undefined;
    const m = (body?.message ?? {}) as Record<string, unknown>;
    if (typeof m !== 'object' || Array.isArray(m))
      throw new GraphError(400, 'RequestBodyRead', `'message' must be an object.`);
    const to = recipients(m.toRecipients, 'toRecipients');
    const cc = recipients(m.ccRecipients, 'ccRecipients');
    const bcc = recipients(m.bccRecipients, 'bccRecipients');
    const replyTo = recipients(m.replyTo, 'replyTo');
    if (to.length + cc.length + bcc.length === 0)
      throw invalidRecipients("A message can't be sent because it contains no recipients.");
    const rawBody = (m.body ?? {}) as { contentType?: unknown; content?: unknown };
    const contentType = (rawBody.contentType ?? 'text') as unknown;
    if (typeof contentType !== 'string' || !['text', 'html'].includes(contentType.toLowerCase()))
      throw new GraphError(400, 'RequestBodyRead', `Requested value '${String(contentType)}' was not found.`);
    if (rawBody.content !== undefined && typeof rawBody.content !== 'string')
      throw new GraphError(400, 'RequestBodyRead', `'body.content' must be a string.`);
    if (m.subject !== undefined && m.subject !== null && typeof m.subject !== 'string')
      throw new GraphError(400, 'RequestBodyRead', `'subject' must be a string.`);
    const save = body?.saveToSentItems ?? true;
    if (typeof save !== 'boolean')
      throw new GraphError(400, 'RequestBodyRead', `'saveToSentItems' must be a boolean.`);
    addToOutbox(ctx.db, {
      id: Buffer.from(randomUUID()).toString('base64url'),
      sentDateTime: ctx.now().toISOString(),
      from: { address: sender.mail!, name: sender.displayName },
      appId: req.principal.appId,
      toRecipients: to,
      ccRecipients: cc,
      bccRecipients: bcc,
      replyTo,
      subject: (m.subject as string | undefined) ?? '',
      body: {
        contentType: contentType.toLowerCase() as 'text' | 'html',
        content: (rawBody.content as string) ?? '',
      },
      importance: typeof m.importance === 'string' ? m.importance : 'normal',
      saveToSentItems: save,
      message: m,
    });
    return { status: 202 };
  };
  ctx.graph.post('/users/{id}/sendMail', (req, p) => sendMail(req, p.id));
  ctx.graph.post('/me/sendMail', (req) => sendMail(req));

  // Admin API: what the tenant "delivered", for tests and the local UI.
  ctx.root.get('/_emulator/outbox', (req) => {
    const value = listOutbox(ctx.db, req.query.get('to') ?? undefined);
    return { status: 200, body: { count: value.length, value } };
  });
  ctx.root.delete('/_emulator/outbox', () => {
    clearOutbox(ctx.db);
    return { status: 204 };
  });

  ctx.ports.mail = {
    mailboxSettings(userId) {
      const user = getUser(ctx.db, userId);
      return user ? settingsOf(user) : undefined;
    },
    patchMailboxSettings(userId, body) {
      const user = getUser(ctx.db, userId);
      if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${userId}' is invalid.`);
      const { next } = patchMailboxSettings(settingsOf(user), body);
      saveMailboxSettings(ctx.db, user.id, next);
      return next;
    },
  } satisfies MailPort;
}
