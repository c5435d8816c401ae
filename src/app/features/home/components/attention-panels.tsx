import { Button, Card, Link, Text, makeStyles, tokens, useId } from '@fluentui/react-components';
import { useState, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHref, useNavigate } from 'react-router';
import {
  ATTENTION_KINDS,
  type AttentionEntryView,
  type AttentionKind,
} from '../../../../domain/attention-views';
import type { Locale } from '../../../../domain/i18n';
import { formatDate } from '../../../components/format';

/**
 * The homes' attention lists (issue #5): the coordinator's "Overdue" panel, grouped by kind with counts, and a
 * mentor's or back-up's "Due from me". Presentational: the home passes the data (features/home/api). Loaded apart
 * from the home's first screen. Long groups show their first rows and a "show all" button; every row is a link to
 * the internship page, opened at the section that handles it.
 */

/** Rows per group before "show all": enough to act on, short enough to see every group on one screen. */
export const ROWS_SHOWN = 5;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  meta: { display: 'block', color: tokens.colorNeutralForeground2 },
  heading: { margin: 0 },
});

/** The internship page loads its sections itself: wait for the section's heading, then bring it into view. */
function revealWhenReady(anchor: string, timeoutMs = 10_000): void {
  const started = Date.now();
  const tick = () => {
    const el = document.getElementById(anchor);
    if (el) {
      // Focus goes with the view, so keyboard and screen reader users land where the link said.
      if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    } else if (Date.now() - started < timeoutMs) window.setTimeout(tick, 100);
  };
  window.setTimeout(tick, 0);
}

function EntryLink({ entry, children }: { entry: AttentionEntryView; children: ReactNode }) {
  const to = {
    pathname: `/internships/${encodeURIComponent(entry.internship.id)}`,
    hash: `#${entry.anchor}`,
  };
  const href = useHref(to);
  const navigate = useNavigate();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window (modifier keys, middle button) follows the href.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(to);
    revealWhenReady(entry.anchor);
  };
  return (
    <Link href={href} onClick={onClick}>
      {children}
    </Link>
  );
}

function EntryRow({ entry: e, locale }: { entry: AttentionEntryView; locale: Locale }) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const date = formatDate(e.since, locale);
  const when =
    e.kind === 'redFlag'
      ? t('attention.raisedOn', { date })
      : e.workdaysLate > 0
        ? `${t('attention.late', { count: e.workdaysLate })} (${t('attention.dueOn', { date })})`
        : e.workdaysLate === 0
          ? t('attention.dueToday')
          : `${t('attention.dueIn', { count: -e.workdaysLate })} (${t('attention.dueOn', { date })})`;
  const who = e.waitsFor
    .map((w) => {
      const role = t(`attention.role.${w.role}`);
      return w.person ? `${w.person.name} (${role})` : role;
    })
    .join(', ');
  const details = [
    when,
    e.state ? t(`attention.state.${e.state}`) : undefined,
    e.confidential ? t('attention.confidential') : undefined,
    who ? t('attention.waitsFor', { who }) : undefined,
  ].filter((x): x is string => x !== undefined);
  return (
    <li>
      <EntryLink entry={e}>
        {e.internship.internName}: {e.title}
      </EntryLink>
      <Text size={200} className={styles.meta}>
        {details.join(' · ')}
      </Text>
    </li>
  );
}

/** A list that shows its first rows and the rest on demand. */
function CappedList({ entries, locale }: { entries: AttentionEntryView[]; locale: Locale }) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const [all, setAll] = useState(false);
  const listId = useId('attention-list');
  const shown = all ? entries : entries.slice(0, ROWS_SHOWN);
  return (
    <>
      <ul id={listId} className={styles.list}>
        {shown.map((e) => (
          <EntryRow key={e.id} entry={e} locale={locale} />
        ))}
      </ul>
      {entries.length > ROWS_SHOWN && (
        <div>
          <Button
            appearance="secondary"
            size="small"
            aria-expanded={all}
            aria-controls={listId}
            onClick={() => setAll(!all)}
          >
            {all ? t('attention.showFewer') : t('attention.showAll', { n: entries.length })}
          </Button>
        </div>
      )}
    </>
  );
}

function group(entries: readonly AttentionEntryView[]): [AttentionKind, AttentionEntryView[]][] {
  return ATTENTION_KINDS.map(
    (k) => [k, entries.filter((e) => e.kind === k)] as [AttentionKind, AttentionEntryView[]],
  ).filter(([, list]) => list.length > 0);
}

/** The coordinator home's "Overdue" panel: one group per kind, most late first within a group. */
export function OverduePanel({ entries, locale }: { entries: AttentionEntryView[]; locale: Locale }) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const titleId = useId('overdue-title');
  return (
    <Card role="region" aria-labelledby={titleId} className={styles.panel}>
      <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.heading}>
        {t('attention.overdueTitle')} ({entries.length})
      </Text>
      <Text as="p" className={styles.heading}>
        {entries.length === 0 ? t('attention.overdueNone') : t('attention.overdueIntro')}
      </Text>
      <div className={styles.groups}>
        {group(entries).map(([kind, list]) => (
          <GroupSection key={kind} kind={kind} entries={list} locale={locale} />
        ))}
      </div>
    </Card>
  );
}

function GroupSection({
  kind,
  entries,
  locale,
}: {
  kind: AttentionKind;
  entries: AttentionEntryView[];
  locale: Locale;
}) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const headingId = useId(`overdue-${kind}`);
  return (
    <section aria-labelledby={headingId} className={styles.group} data-kind={kind}>
      <Text as="h4" id={headingId} weight="semibold" className={styles.heading}>
        {t(`attention.kind.${kind}`)} ({entries.length})
      </Text>
      <CappedList entries={entries} locale={locale} />
    </section>
  );
}

/** A mentor's or back-up's "Due from me": one list, most late first. */
export function DueFromMeList({
  entries,
  horizonWorkdays,
  locale,
}: {
  entries: AttentionEntryView[];
  horizonWorkdays: number;
  locale: Locale;
}) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const titleId = useId('due-title');
  return (
    <Card role="region" aria-labelledby={titleId} className={styles.panel}>
      <Text as="h3" id={titleId} size={400} weight="semibold" className={styles.heading}>
        {t('attention.dueTitle')} ({entries.length})
      </Text>
      <Text as="p" className={styles.heading}>
        {entries.length === 0 ? t('attention.dueNone') : t('attention.dueIntro', { days: horizonWorkdays })}
      </Text>
      {entries.length > 0 && <CappedList entries={entries} locale={locale} />}
    </Card>
  );
}
