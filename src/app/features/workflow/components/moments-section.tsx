import {
  Badge,
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
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { MomentState } from '../../../../domain/records';
import type { HistoryEventView, MomentView } from '../../../../domain/views-workflow';
import { formatDate, localeTag } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { useHistory, useMoments } from '../api/use-workflow';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  log: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  summary: { cursor: 'pointer' },
  history: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  when: { color: tokens.colorNeutralForeground2 },
});

const STATE_COLOR: Record<
  MomentState,
  'informative' | 'brand' | 'warning' | 'success' | 'danger' | 'subtle'
> = {
  planned: 'informative',
  sent: 'brand',
  escalatedToBackup: 'warning',
  escalatedToCoordinator: 'danger',
  answered: 'success',
  failed: 'danger',
  cancelled: 'subtle',
};

const instant = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(localeTag(locale), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Brussels',
  }).format(new Date(iso));

/** The moments timeline with each moment's delivery log (container). */
export function MomentsSection({ id, locale }: { id: string; locale: Locale }) {
  const query = useMoments(id, true);
  return (
    <QueryState query={query}>{(items) => <MomentsTimeline items={items} locale={locale} />}</QueryState>
  );
}

function MomentsTimeline({ items, locale }: { items: MomentView[]; locale: Locale }) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold" id="moments-title">
        {t('momentsTitle')}
      </Text>
      {items.length === 0 ? (
        <Text as="p">{t('noMoments')}</Text>
      ) : (
        <Table size="small" aria-labelledby="moments-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('moment')}</TableHeaderCell>
              <TableHeaderCell>{t('due')}</TableHeaderCell>
              <TableHeaderCell>{t('state')}</TableHeaderCell>
              <TableHeaderCell>{t('recipients')}</TableHeaderCell>
              <TableHeaderCell>{t('answeredBy')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {items.map((m) => (
              <TableRow key={m.key}>
                <TableCell>
                  <details>
                    <summary className={styles.summary}>{m.title}</summary>
                    <Text weight="semibold">{t('deliveryLog')}</Text>
                    <ul className={styles.log}>
                      {m.log.map((l, n) => (
                        <li key={n}>
                          {instant(l.at, locale)}: {t(`event_${l.event}`)}
                          {l.person ? ` – ${l.person.name}` : ''}
                          {l.channel ? ` (${l.channel === 'mail' ? 'e-mail' : 'Teams'})` : ''}
                        </li>
                      ))}
                    </ul>
                  </details>
                </TableCell>
                <TableCell>{formatDate(m.dueDate, locale)}</TableCell>
                <TableCell>
                  <Badge appearance="tint" color={STATE_COLOR[m.state]}>
                    {t(`state_${m.state}`)}
                  </Badge>
                </TableCell>
                <TableCell>{m.recipients.map((p) => p.name).join(', ')}</TableCell>
                <TableCell>
                  {m.answeredBy
                    ? `${m.answeredBy.name}${m.answeredAt ? ` (${instant(m.answeredAt, locale)})` : ''}`
                    : ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}

/** What happened to the internship, newest first (container). */
export function HistorySection({ id, locale }: { id: string; locale: Locale }) {
  const query = useHistory(id, true);
  return <QueryState query={query}>{(items) => <History items={items} locale={locale} />}</QueryState>;
}

function History({ items, locale }: { items: HistoryEventView[]; locale: Locale }) {
  const { t } = useTranslation('workflow');
  const styles = useStyles();
  const text = (e: HistoryEventView) =>
    e.kind === 'decision' ? t(e.text === 'accepted' ? 'accepted' : 'refused') : e.text;
  return (
    <Card className={styles.card}>
      <Text as="h2" size={500} weight="semibold">
        {t('historyTitle')}
      </Text>
      {items.length === 0 ? (
        <Text as="p">{t('noHistory')}</Text>
      ) : (
        <ul className={styles.history}>
          {items.map((e, n) => (
            <li key={n}>
              <span className={styles.when}>{instant(e.at, locale)}</span> – {t(`history_${e.kind}`)}:{' '}
              {text(e)}
              {e.by ? ` (${t('by', { name: e.by.name })})` : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
