import { Card, List, ListItem, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { PHASE_NAMES } from '../../../../domain/phases';
import type { InternshipView } from '../../../../domain/views';
import { formatDate } from '../../../components/format';
import { PhaseBadge } from '../../../components/phase-badge';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  def: { margin: 0 },
  title: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  gate: { marginTop: tokens.spacingVerticalM },
});

/** Who, where, when, with whom, and what the next phase still needs (presentational). */
export function InternshipHeader({ internship: i, locale }: { internship: InternshipView; locale: Locale }) {
  const styles = useStyles();
  const { t } = useTranslation('internships');
  const rows: [string, string | undefined][] = [
    [t('service'), i.serviceName],
    [t('topic'), i.topic],
    [t('period'), t('from', { start: formatDate(i.startDate, locale), end: formatDate(i.endDate, locale) })],
    [t('school'), i.schoolName],
    [t('programme'), i.programme],
    [t('mentor'), i.mentor?.name],
    [t('backup'), i.backup?.name],
    [t('coordinator'), i.coordinator?.name],
    [t('serviceHead'), i.serviceHead?.name],
    [t('schoolSupervisor'), i.schoolSupervisor?.name],
  ];
  return (
    <Card>
      <div className={styles.title}>
        <Text as="h2" size={600} weight="semibold">
          {i.intern.name}
        </Text>
        <PhaseBadge phase={i.phase} locale={locale} />
      </div>
      <dl className={styles.grid}>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt className={styles.term}>{k}</dt>
              <dd className={styles.def}>{v}</dd>
            </div>
          ))}
      </dl>
      {i.gate?.next && (
        <section
          className={styles.gate}
          aria-label={t('nextPhase', { phase: PHASE_NAMES[i.gate.next][locale] })}
        >
          <Text as="h3" block weight="semibold">
            {t('nextPhase', { phase: PHASE_NAMES[i.gate.next][locale] })}
          </Text>
          {i.gate.ok ? (
            <Text as="p">{t('gateOk')}</Text>
          ) : (
            <>
              <Text as="p">{t('gateMissing')}</Text>
              <List>
                {i.gate.reasons.map((r) => (
                  <ListItem key={r.code}>
                    {r.message}
                    {r.items && r.items.length > 0 && <> ({r.items.map((x) => x.label).join('; ')})</>}
                  </ListItem>
                ))}
              </List>
            </>
          )}
        </section>
      )}
    </Card>
  );
}
