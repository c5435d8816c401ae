/**
 * Local wall-clock time ↔ instants, for cards that go out at 09:00 Europe/Brussels whatever the season
 * (CET = UTC+1 in winter: 08:00Z; CEST = UTC+2 in summer: 07:00Z).
 *
 * Results are memoised: a schedule converts the same few hundred dates over and over, and luxon's zone
 * arithmetic is the costliest step of computing one.
 */
import { DateTime, IANAZone } from 'luxon';
import type { IsoDate, IsoInstant } from './internship';

export const BRUSSELS = 'Europe/Brussels';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MEMO_LIMIT = 20_000;

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  // Dropping everything at the limit keeps memory bounded without LRU bookkeeping on the hot path.
  if (cache.size >= MEMO_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

// luxon checks a zone by building an Intl.DateTimeFormat every time (~60 µs), so valid zones are remembered.
const validZones = new Set<string>();
function requireZone(zone: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(zone)}`);
  validZones.add(zone);
}

// zone → "HH:mm" → date → instant; nested so that the hot path builds no key strings.
const atLocalTimeCache = new Map<string, Map<string, Map<IsoDate, IsoInstant>>>();
let atLocalTimeEntries = 0;
/**
 * The instant at which the wall clock in `zone` shows `hhmm` ("HH:mm", 24 h) on `date`.
 * A time that does not exist that day (inside the spring-forward gap, e.g. 02:30 on the last Sunday of March)
 * moves forward by the gap (03:30 CEST); an ambiguous one (the autumn overlap) is the second occurrence, in
 * winter time. Both follow luxon; cards at 09:00 never meet either.
 */
export function atLocalTime(date: IsoDate, hhmm: string, zone: string = BRUSSELS): IsoInstant {
  const hit = atLocalTimeCache.get(zone)?.get(hhmm)?.get(date);
  if (hit !== undefined) return hit;

  if (!HHMM.test(hhmm)) throw new RangeError(`Not a time of day (HH:mm): ${JSON.stringify(hhmm)}`);
  requireZone(zone);
  const local = ISO_DATE.test(date) ? DateTime.fromISO(`${date}T${hhmm}`, { zone }) : null;
  if (!local?.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const instant = local.toUTC().toISO() as IsoInstant;

  if (atLocalTimeEntries >= MEMO_LIMIT) {
    atLocalTimeCache.clear();
    atLocalTimeEntries = 0;
  }
  let byTime = atLocalTimeCache.get(zone);
  if (!byTime) atLocalTimeCache.set(zone, (byTime = new Map()));
  let byDate = byTime.get(hhmm);
  if (!byDate) byTime.set(hhmm, (byDate = new Map()));
  byDate.set(date, instant);
  atLocalTimeEntries++;
  return instant;
}

function inZone(instant: IsoInstant, zone: string): DateTime {
  requireZone(zone);
  const at = DateTime.fromISO(instant, { zone });
  if (!at.isValid) throw new RangeError(`Not an ISO instant: ${JSON.stringify(instant)}`);
  return at;
}

const localDateCache = new Map<string, IsoDate>();
/** The calendar date in `zone` at `instant` (23:30Z on 31 March is already 1 April in Brussels). */
export function localDateOf(instant: IsoInstant, zone: string = BRUSSELS): IsoDate {
  return memo(localDateCache, `${instant}|${zone}`, () => inZone(instant, zone).toISODate() as IsoDate);
}

const localTimeCache = new Map<string, string>();
/** The wall-clock time "HH:mm" in `zone` at `instant`. */
export function localTimeOf(instant: IsoInstant, zone: string = BRUSSELS): string {
  return memo(localTimeCache, `${instant}|${zone}`, () => inZone(instant, zone).toFormat('HH:mm'));
}
