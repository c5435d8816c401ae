import {
  Button,
  Card,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../domain/views-policy';
import { QueryState } from '../../../components/query-state';
import { useExport, useReport } from '../api/use-report';
import { ChartFigure } from './chart-figure';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'end', flexWrap: 'wrap' },
  totals: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  total: { display: 'flex', flexDirection: 'column-reverse', margin: 0 },
  figure: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(24rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

const TOTALS = [
  'internships',
  'interns',
  'mentors',
  'backups',
  'services',
  'schools',
  'stoppedEarly',
] as const;

/** The yearly policy evaluation (toolbox A5): figures, charts with their tables, CSV/XLSX export. */
export function ReportPage() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const [year, setYear] = useState<number | undefined>(undefined);
  const query = useReport(year);
  const download = useExport();
  return (
    <section aria-labelledby="report-title" className={styles.page}>
      <Text as="h2" id="report-title" size={500} weight="semibold">
        {t('title')}
      </Text>
      <Text as="p">{t('intro')}</Text>
      <QueryState query={query}>
        {(r) => (
          <>
            <div className={styles.bar}>
              <Field label={t('year')}>
                <Select value={String(r.year)} onChange={(_, d) => setYear(Number(d.value))}>
                  {[...new Set([r.year, ...r.years])]
                    .sort((a, b) => b - a)
                    .map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                </Select>
              </Field>
              <Button onClick={() => download.mutate({ year: r.year, format: 'csv' })}>
                {t('exportCsv')}
              </Button>
              <Button onClick={() => download.mutate({ year: r.year, format: 'xlsx' })}>
                {t('exportXlsx')}
              </Button>
            </div>
            {download.error && (
              <MessageBar intent="error">
                <MessageBarBody>{download.error.message}</MessageBarBody>
              </MessageBar>
            )}
            <ReportBody report={r} />
          </>
        )}
      </QueryState>
    </section>
  );
}

function ReportBody({ report: r }: { report: ReportView }) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const rows = (xs: readonly { label: string; count: number }[]) =>
    xs.map((x) => ({ label: x.label, value: x.count }));
  const fmt = (n: number | null) => (n === null ? '–' : String(n));
  return (
    <>
      <Card>
        <dl className={styles.totals}>
          {TOTALS.map((k) => (
            <div key={k} className={styles.total}>
              <dt>{t(`totals.${k}`)}</dt>
              <dd className={styles.figure}>{r.totals[k]}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {r.totals.internships === 0 && <Text as="p">{t('noData')}</Text>}
      <div className={styles.charts}>
        <ChartFigure
          title={t('charts.perYear')}
          data={r.perYear.map((y) => ({ label: String(y.year), value: y.count }))}
        />
        <ChartFigure title={t('charts.perService')} data={rows(r.perService)} />
        <ChartFigure title={t('charts.perSchool')} data={rows(r.perSchool)} />
        <ChartFigure
          title={t('charts.satisfaction')}
          max={5}
          valueLabel={t('column.score')}
          data={r.satisfaction.map((s) => ({ label: `${s.label} (${s.responses})`, value: s.average ?? 0 }))}
        />
        <Card>
          <Text as="h3" weight="semibold">
            {t('charts.duration')}
          </Text>
          <Text as="p">
            {t('duration', {
              average: fmt(r.duration.averageWeeks),
              median: fmt(r.duration.medianWeeks),
              min: fmt(r.duration.minWeeks),
              max: fmt(r.duration.maxWeeks),
            })}
          </Text>
        </Card>
        <ChartFigure
          title={t('charts.duration')}
          kind="pie"
          data={rows(r.duration.buckets.filter((b) => b.count > 0))}
        />
        <ChartFigure
          title={t('charts.stoppedEarly')}
          kind="pie"
          data={rows(r.stoppedEarly.filter((b) => b.count > 0))}
        />
        <ChartFigure title={t('charts.mentors')} data={rows(r.mentors)} />
      </div>
    </>
  );
}
