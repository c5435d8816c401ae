import { localDateOf } from '../domain/brussels-time';
import { resolveLocale, type Locale } from '../domain/i18n';
import type { IsoDate } from '../domain/internship';
import { batch } from './batch';
import type { Graph } from './client';
import { segment } from './odata';
import type { RetryPolicy } from './retry-policy';

/**
 * What the scheduler reads from a user's mailbox settings (application permission MailboxSettings.Read): the
 * language a card or mail is written in, and whether automatic replies (out of office) cover a given day. Both are
 * read in $batch and cached: a sweep asks once per person, not once per moment.
 */

export interface AutomaticReplies {
  status: 'disabled' | 'alwaysEnabled' | 'scheduled';
  start?: string;
  end?: string;
}

interface RawReplies {
  status?: string;
  scheduledStartDateTime?: { dateTime?: string; timeZone?: string };
  scheduledEndDateTime?: { dateTime?: string; timeZone?: string };
}

/** Exchange answers the schedule in UTC (docs/emulator.md); a zone other than UTC is not expected here. */
const utc = (d: { dateTime?: string; timeZone?: string } | undefined): string | undefined => {
  if (!d?.dateTime) return undefined;
  const s = d.dateTime.replace(/(\.\d{3})\d*$/, '$1');
  return /[zZ]|[+-]\d\d:\d\d$/.test(s) ? s : `${s}Z`;
};

function parseReplies(raw: RawReplies | undefined): AutomaticReplies {
  const status = (raw?.status ?? 'disabled').toLowerCase();
  if (status === 'alwaysenabled') return { status: 'alwaysEnabled' };
  if (status === 'scheduled') {
    const out: AutomaticReplies = { status: 'scheduled' };
    const start = utc(raw?.scheduledStartDateTime);
    const end = utc(raw?.scheduledEndDateTime);
    if (start) out.start = start;
    if (end) out.end = end;
    return out;
  }
  return { status: 'disabled' };
}

/**
 * Out of office on a Belgian calendar day: always on, or a schedule that overlaps that day (the mentor who is away
 * from 14:00 is away "on the due day" for a card sent at 09:00 that waits all day).
 */
export function outOfOfficeOn(r: AutomaticReplies, day: IsoDate, zone = 'Europe/Brussels'): boolean {
  if (r.status === 'alwaysEnabled') return true;
  if (r.status !== 'scheduled' || !r.start || !r.end) return false;
  const first = localDateOf(new Date(r.start).toISOString(), zone);
  // The end instant itself is no longer away: an end at 00:00 does not cover that day.
  const last = localDateOf(new Date(new Date(r.end).getTime() - 1).toISOString(), zone);
  return first <= day && day <= last;
}

export class Mailboxes {
  private readonly locales = new Map<string, Locale>();
  private readonly replies = new Map<string, { at: number; value: AutomaticReplies }>();

  constructor(
    private readonly graph: Graph,
    private readonly opts: {
      fallbackLocale?: Locale;
      retry?: Partial<RetryPolicy>;
      /** Automatic replies change during the day: cached this long (ms). Locales are cached for the process. */
      repliesTtlMs?: number;
      now?: () => number;
    } = {},
  ) {}

  /** The language of each user's mailbox (`mailboxSettings/language`), as one of Stagemap's locales. */
  async localesOf(oids: Iterable<string>): Promise<Map<string, Locale>> {
    const wanted = [...new Set(oids)].filter(Boolean);
    const missing = wanted.filter((o) => !this.locales.has(o));
    if (missing.length > 0) {
      const results = await batch<{ locale?: string; value?: { locale?: string } }>(
        this.graph,
        missing.map((oid) => ({
          method: 'GET' as const,
          url: `/users/${segment(oid)}/mailboxSettings/language`,
        })),
        this.opts.retry,
      );
      results.forEach((r, i) => {
        const tag = r.status === 200 ? (r.body?.locale ?? r.body?.value?.locale) : undefined;
        // A user without a mailbox (404) or an unreadable one gets the organisation's language, not an error.
        this.locales.set(missing[i]!, tag ? resolveLocale(tag) : (this.opts.fallbackLocale ?? 'en'));
      });
    }
    return new Map(wanted.map((o) => [o, this.locales.get(o)!]));
  }

  async localeOf(oid: string): Promise<Locale> {
    return (await this.localesOf([oid])).get(oid) ?? this.opts.fallbackLocale ?? 'en';
  }

  /** Automatic-replies settings of each user (cached for `repliesTtlMs`). */
  async automaticReplies(oids: Iterable<string>): Promise<Map<string, AutomaticReplies>> {
    const now = (this.opts.now ?? Date.now)();
    const ttl = this.opts.repliesTtlMs ?? 5 * 60_000;
    const wanted = [...new Set(oids)].filter(Boolean);
    const missing = wanted.filter((o) => {
      const c = this.replies.get(o);
      return !c || now - c.at > ttl;
    });
    if (missing.length > 0) {
      const results = await batch<RawReplies>(
        this.graph,
        missing.map((oid) => ({
          method: 'GET' as const,
          url: `/users/${segment(oid)}/mailboxSettings/automaticRepliesSetting`,
        })),
        this.opts.retry,
      );
      results.forEach((r, i) => {
        this.replies.set(missing[i]!, {
          at: now,
          value: r.status === 200 ? parseReplies(r.body) : { status: 'disabled' },
        });
      });
    }
    return new Map(wanted.map((o) => [o, this.replies.get(o)!.value]));
  }

  /** Drop the cached automatic replies (tests and the local clock control move time by days). */
  forgetReplies(): void {
    this.replies.clear();
  }
}
