import { Field, Radio, RadioGroup, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InternshipSummaryView } from '../../../../domain/views';
import { QueryState } from '../../../components/query-state';
import { useHost } from '../../../host/host-context';
import { registerTabConfig, type TabConfig } from '../../../host/teams-host';
import { useInternships } from '../../internships/api/use-internships';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

/** The configuration page of the configurable tab (team channel, SharePoint): overview or one internship. */
export function ConfigurePage() {
  const internships = useInternships();
  return <QueryState query={internships}>{(items) => <ConfigureForm items={items} />}</QueryState>;
}

function ConfigureForm({ items }: { items: InternshipSummaryView[] }) {
  const styles = useStyles();
  const { t } = useTranslation('configure');
  const host = useHost();
  const [kind, setKind] = useState<'overview' | 'internship'>('overview');
  const [key, setKey] = useState(items[0]?.key ?? '');
  const choice = useRef<TabConfig | null>(null);
  const origin = window.location.origin;
  choice.current =
    kind === 'overview'
      ? {
          entityId: 'overview',
          contentUrl: `${origin}/tab/overview`,
          websiteUrl: `${origin}/tab/overview`,
          suggestedDisplayName: t('overviewName'),
        }
      : key
        ? {
            entityId: `internship-${key}`,
            contentUrl: `${origin}/tab/internships/${encodeURIComponent(key)}`,
            websiteUrl: `${origin}/tab/internships/${encodeURIComponent(key)}`,
            suggestedDisplayName: items.find((i) => i.key === key)?.intern.name ?? 'Stagemap',
          }
        : null;
  const setValid = useRef<(v: boolean) => void>(() => undefined);
  useEffect(() => {
    void registerTabConfig(host, () => choice.current).then((set) => {
      setValid.current = set;
      set(choice.current !== null);
    });
  }, [host]);
  useEffect(() => setValid.current(choice.current !== null), [kind, key]);
  return (
    <section className={styles.page} aria-labelledby="configure-title">
      <Text as="h2" id="configure-title" size={500} weight="semibold">
        {t('title')}
      </Text>
      <Field label={t('what')}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as 'overview' | 'internship')}>
          <Radio value="overview" label={t('overview')} />
          <Radio value="internship" label={t('internship')} disabled={items.length === 0} />
        </RadioGroup>
      </Field>
      {kind === 'internship' && (
        <Field label={t('choose')}>
          <Select value={key} onChange={(_, d) => setKey(d.value)}>
            {items.map((i) => (
              <option key={i.key} value={i.key}>
                {i.intern.name} — {i.serviceName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Text>{t('hint')}</Text>
    </section>
  );
}
