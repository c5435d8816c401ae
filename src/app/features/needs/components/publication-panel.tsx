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
import { LOCALES, type Locale } from '../../../../domain/i18n';
import type { PublicationView } from '../../../../domain/views-coordination';
import { usePublication } from '../api/use-assignments';
import { fieldError, otherErrors } from './field-errors';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
  text: { width: '100%', minHeight: '24rem', fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Container: the text that makes the published places known (toolbox B2), for the website and the partners. */
export function PublicationPanel({ year }: { year: number }) {
  const { t } = useTranslation('needs');
  const styles = useStyles();
  const publication = usePublication();
  const [v, setV] = useState({ mailbox: '', applyBy: '', presentation: '', strengths: '' });
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }));
  const err = (p: string) => fieldError(publication.error, p);

  function submit(e: FormEvent) {
    e.preventDefault();
    publication.mutate({
      year,
      mailbox: v.mailbox,
      ...(v.applyBy ? { applyBy: v.applyBy } : {}),
      ...(v.presentation.trim() ? { presentation: v.presentation } : {}),
      ...(v.strengths.trim() ? { strengths: v.strengths } : {}),
    });
  }
  const others = otherErrors(publication.error, ['mailbox', 'applyBy', 'presentation', 'strengths']);

  return (
    <section aria-labelledby="publication-title">
      <Text as="h3" id="publication-title" size={400} weight="semibold">
        {t('publicationTitle')}
      </Text>
      <Text as="p">{t('publicationIntro')}</Text>
      <form className={styles.form} onSubmit={submit} aria-labelledby="publication-title">
        <div className={styles.row}>
          <Field label={t('mailbox')} required validationMessage={err('mailbox')}>
            <Input type="email" value={v.mailbox} onChange={(_, d) => set('mailbox')(d.value)} />
          </Field>
          <Field label={t('applyBy')} validationMessage={err('applyBy')}>
            <Input type="date" value={v.applyBy} onChange={(_, d) => set('applyBy')(d.value)} />
          </Field>
        </div>
        <Field label={t('presentation')} validationMessage={err('presentation')}>
          <Textarea value={v.presentation} onChange={(_, d) => set('presentation')(d.value)} />
        </Field>
        <Field label={t('strengths')} validationMessage={err('strengths')}>
          <Textarea value={v.strengths} onChange={(_, d) => set('strengths')(d.value)} />
        </Field>
        {others.length > 0 && (
          <MessageBar intent="error">
            <MessageBarBody>{others.join(' ')}</MessageBarBody>
          </MessageBar>
        )}
        <div>
          <Button appearance="primary" type="submit" disabled={publication.isPending}>
            {t('generate')}
          </Button>
        </div>
      </form>
      {publication.data && <PublicationTexts view={publication.data} />}
    </section>
  );
}

export function PublicationTexts({ view }: { view: PublicationView }) {
  const { t, i18n } = useTranslation('needs');
  const styles = useStyles();
  const [language, setLanguage] = useState<Locale>((i18n.language as Locale) ?? 'nl');
  const [copied, setCopied] = useState(false);
  const name = (l: Locale) => t(`languages.${l}`);
  const panelId = 'publication-text-panel';
  return (
    <div>
      <Text as="p">{t('published', { count: view.assignments })}</Text>
      <TabList
        selectedValue={language}
        onTabSelect={(_, d) => {
          setLanguage(d.value as Locale);
          setCopied(false);
        }}
      >
        {LOCALES.map((l) => (
          <Tab key={l} value={l} aria-controls={panelId}>
            {name(l)}
          </Tab>
        ))}
      </TabList>
      <div id={panelId} role="tabpanel">
        <Field label={t('textIn', { language: name(language) })}>
          <Textarea className={styles.text} readOnly value={view.texts[language]} lang={language} />
        </Field>
        <div className={styles.actions}>
          <Button
            onClick={async () => {
              await navigator.clipboard?.writeText(view.texts[language]).catch(() => undefined);
              setCopied(true);
            }}
          >
            {t('copy', { language: name(language) })}
          </Button>
          <span role="status">{copied ? t('copied') : ''}</span>
        </div>
      </div>
    </div>
  );
}
