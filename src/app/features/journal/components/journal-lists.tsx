import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { AbsenceView, FeedbackView } from '../../../../domain/views-records';
import { formatDate } from '../../../components/format';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalM,
  },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { margin: 0, whiteSpace: 'pre-wrap' },
});

export function FeedbackList({ items, sharedOnly }: { items: FeedbackView[]; sharedOnly: boolean }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('journal');
  const locale = i18n.language as Locale;
  return (
    <>
      {sharedOnly && <Text as="p">{t('sharedOnly')}</Text>}
      {items.length === 0 ? (
        <Text as="p">{t('noFeedback')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('feedback')}>
          {items.map((f) => (
            <li key={f.id} className={styles.item}>
              <div className={styles.meta}>
                <Text weight="semibold">{formatDate(f.date, locale)}</Text>
                <Text>{f.direction === 'toIntern' ? t('toIntern') : t('fromIntern')}</Text>
                {f.author && <Text>{t('by', { name: f.author.name })}</Text>}
                {!sharedOnly && (
                  <Badge appearance="tint" color={f.visibleToIntern ? 'success' : 'informative'}>
                    {f.visibleToIntern ? t('visibleToIntern') : t('hiddenFromIntern')}
                  </Badge>
                )}
              </div>
              <p className={styles.note}>{f.note}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function AbsenceList({ items }: { items: AbsenceView[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('journal');
  const locale = i18n.language as Locale;
  if (items.length === 0) return <Text as="p">{t('noAbsences')}</Text>;
  return (
    <ul className={styles.list} aria-label={t('absences')}>
      {items.map((a) => (
        <li key={a.id} className={styles.item} data-absence={a.id}>
          <div className={styles.meta}>
            <Text weight="semibold">
              {t('period', { from: formatDate(a.from, locale), to: formatDate(a.to, locale) })}
            </Text>
            <Text>{t(`kinds.${a.kind}`)}</Text>
            <Badge appearance="tint" color={a.schoolInformed ? 'success' : 'warning'}>
              {a.schoolInformed ? t('schoolInformed') : t('schoolNotInformed')}
            </Badge>
            {a.author && <Text>{t('by', { name: a.author.name })}</Text>}
          </div>
          {a.note && <p className={styles.note}>{a.note}</p>}
        </li>
      ))}
    </ul>
  );
}
