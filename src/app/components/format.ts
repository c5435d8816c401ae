import type { Locale } from '../../domain/i18n';

const TAGS: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) as the user reads dates in their language; no time zone shift. */
export function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(TAGS[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export const localeTag = (l: Locale): string => TAGS[l];
