import { Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { InternshipSummaryView } from '../../../../domain/views';
import { AppLink } from '../../../components/app-link';
import { formatDate } from '../../../components/format';
import { PhaseBadge } from '../../../components/phase-badge';

const ROW = 44;
const useStyles = makeStyles({
  header: {
    display: 'grid',
    gridTemplateColumns: '2fr 1.2fr 2fr 1.6fr 1fr 1.4fr',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: '2fr 1.2fr 2fr 1.6fr 1fr 1.4fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cell: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  viewport: { maxHeight: '60vh', overflowY: 'auto', position: 'relative' },
  filter: { marginBottom: tokens.spacingVerticalS, width: '100%', maxWidth: '28rem' },
});

/**
 * A table of internships that stays fast with thousands of rows: only the visible rows are in the DOM
 * (virtualised), with ARIA row counts so screen readers still know the size.
 */
export function InternshipList({
  items,
  locale,
  label,
}: {
  items: InternshipSummaryView[];
  locale: Locale;
  label: string;
}) {
  const styles = useStyles();
  const { t } = useTranslation('internships');
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return items;
    return items.filter((i) => `${i.intern.name} ${i.serviceName} ${i.topic}`.toLowerCase().includes(q));
  }, [items, filter]);
  const viewport = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: shown.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW,
    overscan: 10,
  });

  return (
    <section aria-label={label}>
      <Input
        className={styles.filter}
        aria-label={t('filter')}
        placeholder={t('filter')}
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
      />
      <Text as="p" size={200}>
        {t('count', { count: shown.length })}
      </Text>
      <div role="table" aria-label={label} aria-rowcount={shown.length + 1}>
        <div role="row" aria-rowindex={1} className={styles.header}>
          <span role="columnheader">{t('intern')}</span>
          <span role="columnheader">{t('phase')}</span>
          <span role="columnheader">{t('topic')}</span>
          <span role="columnheader">{t('service')}</span>
          <span role="columnheader">{t('mentor')}</span>
          <span role="columnheader">{t('period')}</span>
        </div>
        <div ref={viewport} className={styles.viewport} role="rowgroup">
          {shown.length === 0 && <Text>{t('empty')}</Text>}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const i = shown[v.index]!;
              return (
                <div
                  key={i.id}
                  role="row"
                  aria-rowindex={v.index + 2}
                  className={styles.row}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  <span role="cell" className={styles.cell}>
                    <AppLink to={`/internships/${encodeURIComponent(i.id)}`}>{i.intern.name}</AppLink>
                  </span>
                  <span role="cell">
                    <PhaseBadge phase={i.phase} locale={locale} />
                  </span>
                  <span role="cell" className={styles.cell}>
                    {i.topic}
                  </span>
                  <span role="cell" className={styles.cell}>
                    {i.serviceName}
                  </span>
                  <span role="cell" className={styles.cell}>
                    {i.mentor?.name ?? '—'}
                  </span>
                  <span role="cell" className={styles.cell}>
                    {formatDate(i.startDate, locale)} – {formatDate(i.endDate, locale)}
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
