import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDocument } from '../../../../domain/policy';
import type { PolicyView } from '../../../../domain/views-policy';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { usePolicy, useSavePolicy } from '../api/use-policy';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '56rem' },
});

type Part = 'planOfApproach' | 'communicationPlan' | 'regulation';
const PARTS: readonly Part[] = ['planOfApproach', 'communicationPlan', 'regulation'];

const PROSE: Record<Part, { ns: string; fields: readonly string[] }> = {
  planOfApproach: {
    ns: 'plan',
    fields: [
      'vision',
      'internshipTypes',
      'roles',
      'accessToInformation',
      'logistics',
      'budget',
      'integration',
      'training',
      'requiredDocuments',
    ],
  },
  communicationPlan: {
    ns: 'comms',
    fields: ['goals', 'internal', 'federalOrganisations', 'schools', 'interns'],
  },
  regulation: {
    ns: 'regulation',
    fields: [
      'internEngagements',
      'organisationEngagements',
      'terminationByIntern',
      'terminationBySchool',
      'terminationByOrganisation',
      'terminationByMentor',
    ],
  },
};

/** The policy documents of toolbox A2–A4 as structured forms. Coordinators only. */
export function PolicyPage() {
  const styles = useStyles();
  const { t } = useTranslation('policy');
  const query = usePolicy();
  const [part, setPart] = useState<Part>('planOfApproach');
  return (
    <section aria-labelledby="policy-title" className={styles.page}>
      <Text as="h2" id="policy-title" size={500} weight="semibold">
        {t('title')}
      </Text>
      <Text as="p">{t('intro')}</Text>
      <TabList selectedValue={part} onTabSelect={(_, d) => setPart(d.value as Part)} aria-label={t('title')}>
        {PARTS.map((p) => (
          <Tab key={p} value={p}>
            {t(`parts.${p}`)}
          </Tab>
        ))}
      </TabList>
      <QueryState query={query}>{(v) => <PolicyForm key={part} view={v} part={part} />}</QueryState>
    </section>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function PolicyForm({ view, part }: { view: PolicyView; part: Part }) {
  const styles = useStyles();
  const { t } = useTranslation('policy');
  const save = useSavePolicy();
  const [doc, setDoc] = useState<PolicyDocument>(view.policy);
  const [etag, setEtag] = useState(view.etag);
  const [status, setStatus] = useState<'saved' | 'conflict' | null>(null);
  const values = doc[part] as Record<string, unknown>;
  const setField = (k: string, v: unknown) => setDoc((d) => ({ ...d, [part]: { ...d[part], [k]: v } }));
  const fieldError = (path: string) =>
    save.error instanceof ApiRequestError
      ? save.error.fields.find((f) => f.path === `${part}.${path}` || f.path.startsWith(`${part}.${path}.`))
          ?.message
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    save.mutate(
      { input: { [part]: doc[part] }, etag },
      {
        onSuccess: (v) => {
          setEtag(v.etag);
          setDoc(v.policy);
          setStatus('saved');
        },
        onError: (err) => {
          if (err instanceof ApiRequestError && err.status === 409 && err.current) {
            const now = err.current as PolicyView;
            setEtag(now.etag);
            setDoc(now.policy);
            setStatus('conflict');
          }
        },
      },
    );
  };
  const plan = doc.planOfApproach;
  return (
    <form className={styles.form} onSubmit={submit} aria-label={t(`parts.${part}`)}>
      {status === 'conflict' && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('conflict')}</MessageBarBody>
        </MessageBar>
      )}
      {status === 'saved' && (
        <MessageBar intent="success">
          <MessageBarBody>{t('saved')}</MessageBarBody>
        </MessageBar>
      )}
      {save.error && status !== 'conflict' && (
        <MessageBar intent="error">
          <MessageBarBody>{save.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {part === 'planOfApproach' && (
        <>
          <Field label={t('plan.capacityPerYear')} validationMessage={fieldError('capacityPerYear')}>
            <Input
              type="number"
              min={0}
              value={plan.capacityPerYear === undefined ? '' : String(plan.capacityPerYear)}
              onChange={(_, d) => setField('capacityPerYear', d.value === '' ? undefined : Number(d.value))}
            />
          </Field>
          <Field label={t('plan.capacityPerTeam')} validationMessage={fieldError('capacityPerTeam')}>
            <Textarea
              resize="vertical"
              defaultValue={plan.capacityPerTeam.map((c) => `${c.team} = ${c.places}`).join('\n')}
              onChange={(_, d) =>
                setField(
                  'capacityPerTeam',
                  lines(d.value).map((l) => {
                    const m = /^(.*?)\s*=\s*(\d+)$/.exec(l);
                    return { team: (m?.[1] ?? l).trim(), places: Number(m?.[2] ?? 0) };
                  }),
                )
              }
            />
          </Field>
          <Field label={t('plan.domains')} validationMessage={fieldError('domains')}>
            <Textarea
              resize="vertical"
              defaultValue={plan.domains.join('\n')}
              onChange={(_, d) => setField('domains', lines(d.value))}
            />
          </Field>
        </>
      )}
      {PROSE[part].fields.map((f) => (
        <Field key={f} label={t(`${PROSE[part].ns}.${f}`)} validationMessage={fieldError(f)}>
          <Textarea
            resize="vertical"
            rows={4}
            value={(values[f] as string | undefined) ?? ''}
            onChange={(_, d) => setField(f, d.value)}
          />
        </Field>
      ))}
      <div>
        <Button appearance="primary" type="submit" disabled={save.isPending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
