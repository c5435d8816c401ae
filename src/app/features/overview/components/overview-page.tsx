import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { OverviewEntryView } from '../../../../domain/views';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { useOverview } from '../api/use-overview';
import { PublishedFinalWorks } from './published-final-works';

/** The intranet overview (toolbox B8), usable on its own page so it can sit on a SharePoint page. */
export function OverviewPage() {
  const query = useOverview();
  const { t, i18n } = useTranslation('overview');
  return (
    <section aria-labelledby="overview-title">
      <Text as="h2" id="overview-title" size={500} weight="semibold">
        {t('title')}
      </Text>
      <Text as="p">{t('intro')}</Text>
      <QueryState query={query}>
        {(overview) => (
          <>
            <OverviewTable items={overview.items} locale={i18n.language as Locale} />
            <PublishedFinalWorks works={overview.finalWorks} />
          </>
        )}
      </QueryState>
    </section>
  );
}

export function OverviewTable({ items, locale }: { items: OverviewEntryView[]; locale: Locale }) {
  const { t } = useTranslation('overview');
  if (items.length === 0) return <Text as="p">{t('empty')}</Text>;
  return (
    <Table aria-labelledby="overview-title">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('intern')}</TableHeaderCell>
          <TableHeaderCell>{t('service')}</TableHeaderCell>
          <TableHeaderCell>{t('topic')}</TableHeaderCell>
          <TableHeaderCell>{t('period')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((i) => (
          <TableRow key={i.id}>
            <TableCell>{i.internName}</TableCell>
            <TableCell>{i.serviceName}</TableCell>
            <TableCell>{i.topic}</TableCell>
            <TableCell>
              {formatDate(i.startDate, locale)} – {formatDate(i.endDate, locale)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
