/**
 * Reading and writing SharePoint field values. SharePoint hands back what it stored, not what we sent: date-only
 * columns come back as an instant (midnight in the site's time zone, expressed in UTC, so a Brussels site answers
 * `2027-01-31T23:00:00Z` for 1 February), empty values are omitted, numbers may come back as strings in some
 * tenants. These helpers normalise once, here, so the repositories map plain values.
 */
import { localDateOf } from '../../domain/brussels-time';
import type { IsoDate, IsoInstant } from '../../domain/internship';

export type Fields = Record<string, unknown>;

export const readText = (f: Fields, name: string): string | undefined => {
  const v = f[name];
  if (v === undefined || v === null || v === '') return undefined;
  return typeof v === 'string' ? v : String(v);
};

export const readNumber = (f: Fields, name: string): number | undefined => {
  const v = f[name];
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export const readBool = (f: Fields, name: string): boolean => {
  const v = f[name];
  return v === true || v === 'true' || v === 1 || v === '1';
};

/** A date-only column as the Belgian calendar date it stands for (see the file header). */
export const readDate = (f: Fields, name: string): IsoDate | undefined => {
  const v = readText(f, name);
  if (v === undefined) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  return localDateOf(new Date(v).toISOString());
};

export const readInstant = (f: Fields, name: string): IsoInstant | undefined => {
  const v = readText(f, name);
  if (v === undefined) return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
};

/** A JSON note column; a value that is not JSON (edited by hand in SharePoint) reads as `fallback`. */
export function readJson<T>(f: Fields, name: string, fallback: T): T {
  const v = readText(f, name);
  if (v === undefined) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}

/**
 * Date-only values are written as midnight UTC of that date: the emulator stores exactly that, and a tenant
 * site in Brussels stores the date it names (SharePoint interprets date-only input in the site's zone).
 */
export const writeDate = (d: IsoDate | undefined | null): string | null =>
  d === undefined || d === null ? null : `${d}T00:00:00Z`;

/** The instant a date-only filter compares with: the value `writeDate` stores for `d`. */
export const dateLiteral = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);

export const writeInstant = (i: IsoInstant | undefined | null): string | null =>
  i === undefined || i === null ? null : new Date(i).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const writeJson = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** Single-line text columns hold 255 characters at most. */
export const clip = (s: string, max = 255): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Only defined entries: a PATCH must not clear what the caller did not mention. */
export function defined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
