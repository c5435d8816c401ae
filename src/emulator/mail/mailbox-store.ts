import { DateTime } from 'luxon';
import { GraphError } from '../http/errors';
import type { Db } from '../store/db';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export type AutomaticRepliesStatus = 'disabled' | 'alwaysEnabled' | 'scheduled';

export interface AutomaticRepliesSetting {
  status: AutomaticRepliesStatus;
  externalAudience: 'none' | 'contactsOnly' | 'all';
  scheduledStartDateTime: DateTimeTimeZone;
  scheduledEndDateTime: DateTimeTimeZone;
  internalReplyMessage: string;
  externalReplyMessage: string;
}

export interface MailboxSettings {
  archiveFolder: string;
  timeZone: string;
  delegateMeetingMessageDeliveryOptions: string;
  dateFormat: string;
  timeFormat: string;
  userPurpose: string;
  automaticRepliesSetting: AutomaticRepliesSetting;
  language: { locale: string; displayName: string };
  workingHours: {
    daysOfWeek: string[];
    startTime: string;
    endTime: string;
    timeZone: { name: string };
  };
}

/** Windows time zone names Exchange uses, mapped to IANA zones for the conversions the emulator makes. */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'Romance Standard Time': 'Europe/Brussels',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
};

const LANGUAGE_NAMES: Record<string, string> = {
  'nl-BE': 'Nederlands (België)',
  'nl-NL': 'Nederlands (Nederland)',
  'fr-BE': 'français (Belgique)',
  'fr-FR': 'français (France)',
  'de-BE': 'Deutsch (Belgien)',
  'de-DE': 'Deutsch (Deutschland)',
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
};

/** The local tenant is Belgian: new mailboxes are in Brussels time. */
export const DEFAULT_TIME_ZONE = 'Romance Standard Time';

export function ianaZone(tz: string): string | undefined {
  const windows = Object.keys(WINDOWS_ZONES).find((k) => k.toLowerCase() === tz.toLowerCase());
  if (windows) return WINDOWS_ZONES[windows];
  return DateTime.local().setZone(tz).isValid ? tz : undefined;
}

/** Exchange writes dateTime with seven fractional digits. */
const exchangeDateTime = (d: DateTime): string => `${d.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss.SSS")}0000`;

export function ensureMailboxTables(db: Db): void {
  db.exec(`CREATE TABLE IF NOT EXISTS mailbox_settings (user_id TEXT PRIMARY KEY, data TEXT NOT NULL)`);
}

export function defaultMailboxSettings(locale: string | null, now: Date): MailboxSettings {
  const start = DateTime.fromJSDate(now, { zone: 'UTC' }).startOf('hour');
  const lang = locale ?? 'en-US';
  return {
    archiveFolder: '',
    timeZone: DEFAULT_TIME_ZONE,
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    dateFormat: lang.startsWith('en-US') ? 'M/d/yyyy' : 'dd/MM/yyyy',
    timeFormat: lang.startsWith('en-US') ? 'h:mm tt' : 'HH:mm',
    userPurpose: 'user',
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      scheduledStartDateTime: { dateTime: exchangeDateTime(start), timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: exchangeDateTime(start.plus({ days: 1 })), timeZone: 'UTC' },
      internalReplyMessage: '',
      externalReplyMessage: '',
    },
    language: { locale: lang, displayName: LANGUAGE_NAMES[lang] ?? lang },
    workingHours: {
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      endTime: '17:00:00.0000000',
      timeZone: { name: DEFAULT_TIME_ZONE },
    },
  };
}

export function getStoredMailboxSettings(db: Db, userId: string): MailboxSettings | undefined {
  const row = db.prepare('SELECT data FROM mailbox_settings WHERE user_id = ?').get(userId) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as MailboxSettings) : undefined;
}

export function saveMailboxSettings(db: Db, userId: string, s: MailboxSettings): void {
  db.prepare(
    'INSERT INTO mailbox_settings (user_id, data) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET data = excluded.data',
  ).run(userId, JSON.stringify(s));
}

/** True when automatic replies are on at `now` (what the scheduler checks before sending a card). */
export function isOutOfOffice(s: MailboxSettings, now: Date): boolean {
  const a = s.automaticRepliesSetting;
  if (a.status === 'alwaysEnabled') return true;
  if (a.status !== 'scheduled') return false;
  const start = toUtc(a.scheduledStartDateTime);
  const end = toUtc(a.scheduledEndDateTime);
  return !!start && !!end && now >= start.toJSDate() && now < end.toJSDate();
}

function toUtc(d: DateTimeTimeZone): DateTime | undefined {
  const zone = ianaZone(d.timeZone);
  if (!zone) return undefined;
  const dt = DateTime.fromISO(d.dateTime, { zone });
  return dt.isValid ? dt.toUTC() : undefined;
}

const badBody = (message: string) => new GraphError(400, 'RequestBodyRead', message);
const invalidParameter = (message: string) => new GraphError(400, 'ErrorInvalidParameter', message);

function enumValue<T extends string>(raw: unknown, allowed: readonly T[]): T {
  const found = allowed.find((a) => typeof raw === 'string' && a.toLowerCase() === raw.toLowerCase());
  if (!found) throw badBody(`Requested value '${String(raw)}' was not found.`);
  return found;
}

function dateTimeTimeZone(raw: unknown, name: string): DateTimeTimeZone {
  if (!raw || typeof raw !== 'object') throw badBody(`'${name}' must be a dateTimeTimeZone object.`);
  const { dateTime, timeZone } = raw as Record<string, unknown>;
  if (typeof dateTime !== 'string' || typeof timeZone !== 'string')
    throw badBody(`'${name}' needs 'dateTime' and 'timeZone'.`);
  const zone = ianaZone(timeZone);
  if (!zone) throw invalidParameter(`The time zone '${timeZone}' is not valid.`);
  const dt = DateTime.fromISO(dateTime, { zone });
  if (!dt.isValid)
    throw badBody(`Cannot convert the literal '${dateTime}' to the expected type 'Edm.DateTime'.`);
  // Exchange stores the schedule in UTC and answers it in UTC, whatever zone it was written in.
  return { dateTime: exchangeDateTime(dt), timeZone: 'UTC' };
}

const noSuchProperty = (k: string, type: string) =>
  badBody(
    `The property '${k}' does not exist on type 'microsoft.graph.${type}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
  );

export function patchAutomaticReplies(
  current: AutomaticRepliesSetting,
  raw: unknown,
): AutomaticRepliesSetting {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badBody(`'automaticRepliesSetting' must be an object.`);
  const next = { ...current };
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k.startsWith('@odata.')) continue;
    switch (k) {
      case 'status':
        next.status = enumValue(v, ['disabled', 'alwaysEnabled', 'scheduled'] as const);
        break;
      case 'externalAudience':
        next.externalAudience = enumValue(v, ['none', 'contactsOnly', 'all'] as const);
        break;
      case 'scheduledStartDateTime':
      case 'scheduledEndDateTime':
        next[k] = dateTimeTimeZone(v, k);
        break;
      case 'internalReplyMessage':
      case 'externalReplyMessage':
        if (typeof v !== 'string') throw badBody(`'${k}' must be a string.`);
        next[k] = v;
        break;
      default:
        throw noSuchProperty(k, 'automaticRepliesSetting');
    }
  }
  if (
    next.status === 'scheduled' &&
    next.scheduledEndDateTime.dateTime <= next.scheduledStartDateTime.dateTime
  )
    throw invalidParameter('The scheduled end time of automatic replies must be after the start time.');
  return next;
}

/** Applies a PATCH body; returns the new settings and the properties as the service echoes them. */
export function patchMailboxSettings(
  current: MailboxSettings,
  raw: unknown,
): { next: MailboxSettings; changed: Record<string, unknown> } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw badBody('The request body must be an object.');
  const next: MailboxSettings = { ...current };
  const changed: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k.startsWith('@odata.')) continue;
    switch (k) {
      case 'automaticRepliesSetting':
        next.automaticRepliesSetting = patchAutomaticReplies(current.automaticRepliesSetting, v);
        break;
      case 'language': {
        const locale = (v as { locale?: unknown } | null)?.locale;
        if (typeof locale !== 'string' || !/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/i.test(locale))
          throw invalidParameter(`The language '${String(locale)}' is not a supported locale.`);
        next.language = { locale, displayName: LANGUAGE_NAMES[locale] ?? locale };
        break;
      }
      case 'timeZone':
        if (typeof v !== 'string' || !ianaZone(v))
          throw invalidParameter(`The time zone '${String(v)}' is not valid.`);
        next.timeZone = v;
        break;
      case 'dateFormat':
      case 'timeFormat':
      case 'delegateMeetingMessageDeliveryOptions':
        if (typeof v !== 'string') throw badBody(`'${k}' must be a string.`);
        next[k] = v;
        break;
      case 'workingHours': {
        if (!v || typeof v !== 'object') throw badBody(`'workingHours' must be an object.`);
        next.workingHours = { ...current.workingHours, ...(v as object) };
        break;
      }
      case 'archiveFolder':
      case 'userPurpose':
        throw new GraphError(400, 'ErrorInvalidArgument', `The property '${k}' is read-only.`);
      default:
        throw noSuchProperty(k, 'mailboxSettings');
    }
    changed[k] = next[k as keyof MailboxSettings];
  }
  return { next, changed };
}
