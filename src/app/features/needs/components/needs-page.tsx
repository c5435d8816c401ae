import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  capacityWarnings,
  checkSelection,
  type CapacityPolicy,
  type SelectionAction,
} from '../../../../domain/capacity';
import type { Locale } from '../../../../domain/i18n';
import { NEEDS_ANALYSIS } from '../../../../domain/questionnaires/needs-analysis';
import type { MeView } from '../../../../domain/views';
import type { AssignmentListView, AssignmentView } from '../../../../domain/views-coordination';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { useMe } from '../../home/api/use-me';
import { useAssignmentStep, useAssignments, usePeople, useProposeAssignment } from '../api/use-assignments';
import { ProposalForm } from './proposal-form';
import { PublicationPanel } from './publication-panel';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  description: { display: 'block', color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Container: the needs analysis of the year for service heads (their services) and coordinators (all). */
export function NeedsPage() {
  const me = useMe();
  const list = useAssignments();
  return (
    <QueryState query={me}>
      {(m) => <QueryState query={list}>{(l) => <Needs me={m} list={l} />}</QueryState>}
    </QueryState>
  );
}

function Needs({ me, list }: { me: MeView; list: AssignmentListView }) {
  const { t, i18n } = useTranslation('needs');
  const locale = i18n.language as Locale;
  const styles = useStyles();
  const [proposing, setProposing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const propose = useProposeAssignment();
  const attempt = useRef(crypto.randomUUID());
  const people = usePeople();
  const services = me.isCoordinator
    ? me.services
    : me.services.filter((s) => me.headOfServices.includes(s.key));
  const byService = new Map<string, AssignmentView[]>();
  for (const a of list.items) byService.set(a.service, [...(byService.get(a.service) ?? []), a]);

  return (
    <div className={styles.page}>
      <section aria-labelledby="needs-title">
        <Text as="h2" id="needs-title" size={500} weight="semibold">
          {t('title', { year: list.year })}
        </Text>
        <Text as="p">{NEEDS_ANALYSIS.intro?.[locale]}</Text>
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {!proposing && services.length > 0 && (
          <Button appearance="primary" onClick={() => setProposing(true)}>
            {t('propose')}
          </Button>
        )}
      </section>
      {proposing && (
        <section aria-labelledby="propose-title">
          <Text as="h3" id="propose-title" size={400} weight="semibold">
            {t('proposeTitle')}
          </Text>
          <ProposalForm
            services={services}
            people={people.data ?? []}
            locale={locale}
            pending={propose.isPending}
            error={propose.error}
            onCancel={() => setProposing(false)}
            onSubmit={(input) =>
              propose.mutate(
                { input, attempt: attempt.current },
                {
                  onSuccess: () => {
                    attempt.current = crypto.randomUUID();
                    setProposing(false);
                    setNotice(t('proposed'));
                  },
                },
              )
            }
          />
        </section>
      )}
      {list.capacity && <CapacityPanel list={list} />}
      {list.items.length === 0 && <Text as="p">{t('empty')}</Text>}
      {[...byService.entries()].map(([service, items]) => (
        <AssignmentTable
          key={service}
          title={t('assignments', { service: items[0]!.serviceName })}
          items={items}
          all={list}
          locale={locale}
        />
      ))}
      {me.isCoordinator && <PublicationPanel year={list.year} />}
    </div>
  );
}

function CapacityPanel({ list }: { list: AssignmentListView }) {
  const { t } = useTranslation('needs');
  const c = list.capacity!;
  return (
    <section aria-labelledby="capacity-title">
      <Text as="h3" id="capacity-title" size={400} weight="semibold">
        {t('capacityTitle', { year: c.year })}
      </Text>
      {!c.policySet && <Text as="p">{t('capacityNotSet')}</Text>}
      <Text as="p">
        {c.capacity !== undefined
          ? t('capacityYear', { selected: c.selected, capacity: c.capacity })
          : t('capacityYearOpen', { selected: c.selected })}
      </Text>
      <Table aria-labelledby="capacity-title" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('colService')}</TableHeaderCell>
            <TableHeaderCell>{t('colProposed')}</TableHeaderCell>
            <TableHeaderCell>{t('colSelected')}</TableHeaderCell>
            <TableHeaderCell>{t('colCapacity')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {c.services.map((s) => (
            <TableRow key={s.service}>
              <TableCell>{s.serviceName}</TableCell>
              <TableCell>{s.proposed}</TableCell>
              <TableCell>{s.selected}</TableCell>
              <TableCell>{s.capacity ?? t('noLimit')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The policy's capacity as the list carries it, for the same check the server makes. */
function policyOf(list: AssignmentListView): CapacityPolicy {
  const perService = Object.fromEntries(
    (list.capacity?.services ?? []).flatMap((s) =>
      s.capacity !== undefined ? [[s.service, s.capacity]] : [],
    ),
  );
  return {
    ...(list.capacity?.capacity !== undefined ? { perYear: list.capacity.capacity } : {}),
    perService,
  };
}

function AssignmentTable({
  title,
  items,
  all,
  locale,
}: {
  title: string;
  items: AssignmentView[];
  all: AssignmentListView;
  locale: Locale;
}) {
  const { t } = useTranslation('needs');
  const styles = useStyles();
  const step = useAssignmentStep();
  const [confirm, setConfirm] = useState<{ a: AssignmentView; warnings: string[] } | null>(null);
  const [result, setResult] = useState<string[]>([]);
  const id = `assignments-${items[0]!.service.replace(/[^A-Za-z0-9_-]/g, '_')}`;

  const run = (a: AssignmentView, action: SelectionAction) =>
    step.mutate(
      { a, action },
      { onSuccess: (r) => setResult(r.capacity?.exceeds ? [t('overDone'), ...r.capacity.warnings] : []) },
    );
  const onAction = (a: AssignmentView, action: SelectionAction) => {
    if (action === 'approve') {
      const check = checkSelection(all.items, a, policyOf(all));
      if (check.exceeds) {
        setConfirm({ a, warnings: capacityWarnings(check, a.serviceName, locale) });
        return;
      }
    }
    run(a, action);
  };

  return (
    <section aria-labelledby={id}>
      <Text as="h3" id={id} size={400} weight="semibold">
        {title}
      </Text>
      {result.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{result.join(' ')}</MessageBarBody>
        </MessageBar>
      )}
      {step.error && (
        <MessageBar intent="error">
          <MessageBarBody>{step.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <Table aria-labelledby={id}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('colTitle')}</TableHeaderCell>
            <TableHeaderCell>{t('colStatus')}</TableHeaderCell>
            <TableHeaderCell>{t('colPlaces')}</TableHeaderCell>
            <TableHeaderCell>{t('colPeriod')}</TableHeaderCell>
            <TableHeaderCell>{t('colMentor')}</TableHeaderCell>
            <TableHeaderCell>{t('colActions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((a) => (
            <TableRow key={a.id}>
              <TableCell>
                <Text weight="semibold">{a.title}</Text>
                {a.research && <Text size={200}> ({t('research')})</Text>}
                <Text size={200} className={styles.description}>
                  {a.description}
                </Text>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={a.status === 'published' ? 'success' : 'informative'}>
                  {t(`status.${a.status}`)}
                </Badge>
              </TableCell>
              <TableCell>{a.places}</TableCell>
              <TableCell>
                {a.periodStart && a.periodEnd
                  ? `${formatDate(a.periodStart, locale)} – ${formatDate(a.periodEnd, locale)}`
                  : '—'}
              </TableCell>
              <TableCell>{[a.mentor?.name, a.backup?.name].filter(Boolean).join(' / ') || '—'}</TableCell>
              <TableCell>
                <div className={styles.actions}>
                  {a.allowed.map((action) => (
                    <Button
                      key={action}
                      size="small"
                      appearance={action === 'withdraw' ? 'subtle' : 'primary'}
                      aria-label={t(`action.${action}`, { title: a.title })}
                      disabled={step.isPending}
                      onClick={() => onAction(a, action)}
                    >
                      {t(`actionShort.${action}`)}
                    </Button>
                  ))}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Dialog open={confirm !== null} onOpenChange={(_, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('overTitle')}</DialogTitle>
            <DialogContent>
              <ul className={styles.list}>
                {confirm?.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  if (confirm) run(confirm.a, 'approve');
                  setConfirm(null);
                }}
              >
                {t('overConfirm')}
              </Button>
              <Button onClick={() => setConfirm(null)}>{t('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
