import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link';
import { useReport } from '../api/use-report';
import { ChartFigure } from './chart-figure';

const useStyles = makeStyles({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
});

/**
 * The coordinator home's charts: interns per service and per year, per school, satisfaction. Loads after the home's
 * own data and draws nothing until its figures are there, so the list is never held up by it.
 */
export function CoordinatorCharts() {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const query = useReport();
  if (!query.data) return null;
  const r = query.data;
  const rows = (xs: readonly { label: string; count: number }[]) =>
    xs.map((x) => ({ label: x.label, value: x.count }));
  return (
    <section aria-labelledby="home-charts-title">
      <Text as="h3" id="home-charts-title" size={400} weight="semibold">
        {t('homeCharts', { year: r.year })}
      </Text>{' '}
      <AppLink to="/reports">{t('openReport')}</AppLink>
      <div className={styles.charts}>
        <ChartFigure title={t('charts.perService')} data={rows(r.perService)} />
        <ChartFigure
          title={t('charts.perYear')}
          data={r.perYear.map((y) => ({ label: String(y.year), value: y.count }))}
        />
        <ChartFigure title={t('charts.perSchool')} data={rows(r.perSchool.filter((s) => s.count > 0))} />
        <ChartFigure
          title={t('charts.satisfaction')}
          max={5}
          valueLabel={t('column.score')}
          data={r.satisfaction.map((s) => ({ label: `${s.label} (${s.responses})`, value: s.average ?? 0 }))}
        />
      </div>
    </section>
  );
}
