import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Regulation } from '../../../../domain/policy';
import { QueryState } from '../../../components/query-state';
import { useRegulation } from '../api/use-policy';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '56rem' },
  text: { whiteSpace: 'pre-wrap' },
});

const FIELDS: readonly (keyof Regulation)[] = [
  'internEngagements',
  'organisationEngagements',
  'terminationByIntern',
  'terminationBySchool',
  'terminationByOrganisation',
  'terminationByMentor',
];

/** The internship regulation (toolbox A4) as every staff member reads it. */
export function RegulationPage() {
  const styles = useStyles();
  const { t } = useTranslation('policy');
  const query = useRegulation();
  return (
    <QueryState query={query}>
      {(v) => {
        const filled = FIELDS.filter((f) => v.regulation[f]);
        return (
          <section aria-labelledby="regulation-title" className={styles.page}>
            <Text as="h2" id="regulation-title" size={500} weight="semibold">
              {t('regulationTitle', { organisation: v.organisation })}
            </Text>
            {filled.length === 0 && <Text as="p">{t('regulationEmpty')}</Text>}
            {filled.map((f) => (
              <div key={f}>
                <Text as="h3" weight="semibold">
                  {t(`regulation.${f}`)}
                </Text>
                <Text as="p" className={styles.text}>
                  {v.regulation[f]}
                </Text>
              </div>
            ))}
          </section>
        );
      }}
    </QueryState>
  );
}
