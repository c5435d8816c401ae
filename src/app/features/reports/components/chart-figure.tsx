import {
  Card,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartDatum } from './chart-canvas';

// The chart library is fetched only when a chart is on screen (not in the first screen's JavaScript).
const ChartCanvas = lazy(() => import('./chart-canvas'));

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  canvas: { minHeight: '160px' },
  // Visually hidden, read by screen readers: the chart's text alternative.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * A chart with its accessible alternative: the drawing is aria-hidden and the same figures are in a table that
 * screen readers read (visually hidden unless `showTable`).
 */
export function ChartFigure({
  title,
  data,
  kind = 'bar',
  max,
  valueLabel,
  showTable = false,
}: {
  title: string;
  data: readonly ChartDatum[];
  kind?: 'bar' | 'pie';
  max?: number;
  valueLabel?: string;
  showTable?: boolean;
}) {
  const styles = useStyles();
  const { t } = useTranslation('reports');
  const id = useId('chart');
  return (
    <Card>
      <figure className={styles.figure} aria-labelledby={id} data-chart={kind}>
        <Text as="h3" weight="semibold" id={id}>
          {title}
        </Text>
        <div className={styles.canvas} aria-hidden="true">
          <Suspense fallback={null}>
            <ChartCanvas kind={kind} data={data} max={max} />
          </Suspense>
        </div>
        <Table size="small" className={showTable ? undefined : styles.hidden} aria-labelledby={id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('column.label')}</TableHeaderCell>
              <TableHeaderCell>{valueLabel ?? t('column.value')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.map((d) => (
              <TableRow key={d.label}>
                <TableCell>{d.label}</TableCell>
                <TableCell>{d.value}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </figure>
    </Card>
  );
}
