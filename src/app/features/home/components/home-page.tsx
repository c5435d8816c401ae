import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UseQueryResult } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AttentionView } from '../../../../domain/attention-views';
import type { Locale } from '../../../../domain/i18n';
import { PHASES } from '../../../../domain/internship';
import { PHASE_NAMES } from '../../../../domain/phases';
import type { InternshipSummaryView, MeView } from '../../../../domain/views';
import { AppLink } from '../../../components/app-link';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { useInternships } from '../../internships/api/use-internships';
import { InternshipList } from '../../internships/components/internship-list';
import { useAttention } from '../api/use-attention';
import { useMe } from '../api/use-me';

// The attention lists are not part of the home's first paint: their code is fetched alongside their data.
const loadPanels = () => import('./attention-panels');

/**
 * The charts sit below the list: their code is fetched once the browser is idle after the home has painted, so
 * it never competes with the list for the network or the main thread.
 */
function LaterCharts() {
  const [show, setShow] = useState(false);
  useEffect(() => {
    const go = () => setShow(true);
    if ('requestIdleCallback' in window) {
      const id = window.requestIdleCallback(go, { timeout: 2000 });
      return () => window.cancelIdleCallback(id);
    }
    const id = setTimeout(go, 200);
    return () => clearTimeout(id);
  }, []);
  return show ? (
    <Suspense fallback={null}>
      <CoordinatorCharts />
    </Suspense>
  ) : null;
}
// The charts (and the report's texts) come after the list: not part of the first screen's JavaScript.
const CoordinatorCharts = lazy(async () => ({
  default: (await import('../../reports/components/coordinator-charts')).CoordinatorCharts,
}));
const OverduePanel = lazy(async () => ({ default: (await loadPanels()).OverduePanel }));
const DueFromMeList = lazy(async () => ({ default: (await loadPanels()).DueFromMeList }));

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  phases: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The home screen for the caller's roles: coordinator, mentor/back-up, service head, intern, or any staff member. */
export function HomePage() {
  const me = useMe();
  return <QueryState query={me}>{(m) => <RoleHome me={m} />}</QueryState>;
}

function RoleHome({ me }: { me: MeView }) {
  const internships = useInternships();
  const { t, i18n } = useTranslation('home');
  const navigate = useNavigate();
  const locale = i18n.language as Locale;
  const styles = useStyles();
  const guides = me.mentorOf + me.backupOf > 0;
  const wantsAttention = me.isCoordinator || guides;
  // Asked once the list is there: both read every internship under way on the server, and the list comes first.
  const attention = useAttention(wantsAttention && internships.isSuccess);
  useEffect(() => {
    if (wantsAttention) void loadPanels();
  }, [wantsAttention]);
  if (!me.isCoordinator && !guides && me.headOfServices.length === 0 && me.internOf === 0)
    return (
      <Card>
        <Text as="h2" size={500} weight="semibold">
          {t('staffTitle')}
        </Text>
        <Text as="p">{t('staffIntro')}</Text>
        <Button appearance="primary" onClick={() => navigate('/overview')}>
          {t('openOverview')}
        </Button>
      </Card>
    );
  return (
    <QueryState query={internships}>
      {(items) => (
        <div className={styles.page}>
          {me.isCoordinator && (
            <CoordinatorSummary
              me={me}
              items={items}
              locale={locale}
              overdue={
                <AttentionSlot query={attention}>
                  {(v) => <OverduePanel entries={v.overdue} locale={locale} />}
                </AttentionSlot>
              }
            />
          )}
          {!me.isCoordinator && (
            <Text as="h2" size={500} weight="semibold">
              {guides ? t('mentorTitle') : me.internOf > 0 ? t('internTitle') : t('serviceHeadTitle')}
            </Text>
          )}
          {!me.isCoordinator && guides && <Text as="p">{t('mentorIntro')}</Text>}
          {guides && (
            <AttentionSlot query={attention}>
              {(v) => (
                <DueFromMeList entries={v.dueFromMe} horizonWorkdays={v.horizonWorkdays} locale={locale} />
              )}
            </AttentionSlot>
          )}
          {items.length === 0 && !me.isCoordinator && (
            <Text as="p">{me.internOf > 0 ? t('noInternship') : t('noInterns')}</Text>
          )}
          <InternshipList
            items={items}
            locale={locale}
            label={me.isCoordinator ? t('allInternships') : t('mentorTitle')}
          />
        </div>
      )}
    </QueryState>
  );
}

/** An attention list once its data and its code are there; a failed load says so where the list would be. */
function AttentionSlot({
  query,
  children,
}: {
  query: UseQueryResult<AttentionView>;
  children: (v: AttentionView) => ReactNode;
}) {
  return <QueryState query={query}>{(v) => <Suspense fallback={null}>{children(v)}</Suspense>}</QueryState>;
}

function within(date: string, from: Date, days: number): boolean {
  const d = Date.parse(`${date}T00:00:00Z`);
  return d >= from.getTime() - 86_400_000 && d <= from.getTime() + days * 86_400_000;
}

function CoordinatorSummary({
  me,
  items,
  locale,
  overdue,
}: {
  me: MeView;
  items: InternshipSummaryView[];
  locale: Locale;
  /** The "Overdue" panel, below the figures and above the charts. */
  overdue: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useTranslation('home');
  const today = new Date();
  const counts = PHASES.map((p) => [p, items.filter((i) => i.phase === p).length] as const);
  const arriving = items.filter(
    (i) => (i.phase === 'decision' || i.phase === 'execution') && within(i.startDate, today, 28),
  );
  const leaving = items.filter(
    (i) => (i.phase === 'execution' || i.phase === 'evaluation') && within(i.endDate, today, 28),
  );
  const people = (list: InternshipSummaryView[], date: (i: InternshipSummaryView) => string, none: string) =>
    list.length === 0 ? (
      <Text as="p">{none}</Text>
    ) : (
      <ul className={styles.list}>
        {list.map((i) => (
          <li key={i.id}>
            <AppLink to={`/internships/${encodeURIComponent(i.id)}`}>{i.intern.name}</AppLink> —{' '}
            {i.serviceName}, {formatDate(date(i), locale)}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Text as="h2" size={500} weight="semibold">
        {t('coordinatorTitle', { organisation: me.organisation.name })}
      </Text>
      <div className={styles.cards}>
        <Card>
          <Text as="h3" weight="semibold">
            {t('byPhase')}
          </Text>
          <dl className={styles.phases}>
            {counts.map(([p, n]) => (
              <div key={p} style={{ display: 'contents' }}>
                <dt>{PHASE_NAMES[p][locale]}</dt>
                <dd style={{ margin: 0 }}>{n}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card>
          <Text as="h3" weight="semibold">
            {t('arrivals')}
          </Text>
          {people(arriving, (i) => i.startDate, t('noneArriving'))}
        </Card>
        <Card>
          <Text as="h3" weight="semibold">
            {t('departures')}
          </Text>
          {people(leaving, (i) => i.endDate, t('noneLeaving'))}
        </Card>
      </div>
      {overdue}
      <LaterCharts />
    </>
  );
}
