import {
  Badge,
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { SCHOOL_KINDS, type PartnerView, type SchoolKind } from '../../../../domain/views-policy';
import { formatDate } from '../../../components/format';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { usePartnerAction, usePartners, useSavePartner, type PartnerForm } from '../api/use-partners';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bar: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  form: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  contact: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(10rem, 1fr)) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'end',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const TODAY_PLUS_YEAR = () => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
};

const emptyForm = (): PartnerForm => ({
  name: '',
  kind: 'universityCollege',
  programmes: [],
  contacts: [],
  reviewDue: TODAY_PLUS_YEAR(),
});

function formOf(p: PartnerView): PartnerForm {
  const f: PartnerForm = {
    name: p.name,
    kind: p.kind,
    programmes: p.programmes,
    contacts: p.contacts,
    reviewDue: p.reviewDue ?? TODAY_PLUS_YEAR(),
  };
  if (p.address) f.address = p.address;
  if (p.website) f.website = p.website;
  if (p.agreementSignedOn) f.agreementSignedOn = p.agreementSignedOn;
  if (p.agreementValidUntil) f.agreementValidUntil = p.agreementValidUntil;
  return f;
}

/** Optional fields are sent only when filled: the API refuses an empty string where it expects a date or URL. */
function clean(f: PartnerForm): PartnerForm {
  const out: PartnerForm = {
    name: f.name,
    kind: f.kind,
    reviewDue: f.reviewDue,
    programmes: f.programmes.map((p) => p.trim()).filter(Boolean),
    contacts: f.contacts
      .filter((c) => c.name.trim())
      .map(
        (c) =>
          Object.fromEntries(
            Object.entries(c).filter(([, v]) => v && v.trim()),
          ) as PartnerForm['contacts'][number],
      ),
  };
  for (const k of ['address', 'website', 'agreementSignedOn', 'agreementValidUntil'] as const) {
    const v = f[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** Partner schools (toolbox B2), with the yearly review of the contact list. Coordinators only. */
export function PartnersPage() {
  const styles = useStyles();
  const { t, i18n } = useTranslation('partners');
  const [dueOnly, setDueOnly] = useState(false);
  const [editing, setEditing] = useState<{ current?: PartnerView } | null>(null);
  const query = usePartners(dueOnly);
  const action = usePartnerAction();
  const locale = i18n.language as Locale;
  return (
    <section aria-labelledby="partners-title" className={styles.page}>
      <Text as="h2" id="partners-title" size={500} weight="semibold">
        {t('title')}
      </Text>
      <Text as="p">{t('intro')}</Text>
      <div className={styles.bar}>
        <Checkbox
          checked={dueOnly}
          onChange={(_, d) => setDueOnly(Boolean(d.checked))}
          label={t('dueOnly')}
        />
        <Button appearance="primary" onClick={() => setEditing({})}>
          {t('add')}
        </Button>
      </div>
      {editing && (
        <PartnerEditor
          key={editing.current?.id ?? 'new'}
          current={editing.current}
          onDone={() => setEditing(null)}
        />
      )}
      {action.error && (
        <MessageBar intent="error">
          <MessageBarBody>{action.error.message}</MessageBarBody>
        </MessageBar>
      )}
      <QueryState query={query}>
        {(items) =>
          items.length === 0 ? (
            <Text as="p">{t('empty')}</Text>
          ) : (
            <Table aria-labelledby="partners-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('name')}</TableHeaderCell>
                  <TableHeaderCell>{t('kind')}</TableHeaderCell>
                  <TableHeaderCell>{t('agreementValidUntil')}</TableHeaderCell>
                  <TableHeaderCell>{t('reviewDue')}</TableHeaderCell>
                  <TableHeaderCell>{t('internships')}</TableHeaderCell>
                  <TableHeaderCell>{t('actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>{p.name}</TableCell>
                    <TableCell>{t(`kinds.${p.kind}`)}</TableCell>
                    <TableCell>
                      {p.agreementValidUntil ? `${formatDate(p.agreementValidUntil, locale)} ` : ''}
                      <Badge
                        appearance="tint"
                        color={
                          p.agreementStatus === 'valid'
                            ? 'success'
                            : p.agreementStatus === 'none'
                              ? 'informative'
                              : 'warning'
                        }
                      >
                        {t(`agreement.${p.agreementStatus}`)}
                      </Badge>
                    </TableCell>
                    <TableCell>
                      {p.reviewDue ? `${formatDate(p.reviewDue, locale)} ` : ''}
                      {p.dueForReview && (
                        <Badge appearance="tint" color="warning">
                          {t('dueForReview')}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>{p.internships}</TableCell>
                    <TableCell>
                      <div className={styles.actions}>
                        <Button size="small" onClick={() => setEditing({ current: p })}>
                          {t('edit', { name: p.name })}
                        </Button>
                        {p.dueForReview && (
                          <Button
                            size="small"
                            onClick={() => action.mutate({ partner: p, action: 'reviewed' })}
                          >
                            {t('markReviewed', { name: p.name })}
                          </Button>
                        )}
                        <Button
                          size="small"
                          appearance="subtle"
                          onClick={() => action.mutate({ partner: p, action: 'delete' })}
                        >
                          {t('remove', { name: p.name })}
                        </Button>
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </QueryState>
    </section>
  );
}

function PartnerEditor({ current, onDone }: { current?: PartnerView | undefined; onDone(): void }) {
  const styles = useStyles();
  const { t } = useTranslation('partners');
  const [base, setBase] = useState(current);
  const [form, setForm] = useState<PartnerForm>(() => (current ? formOf(current) : emptyForm()));
  const [conflict, setConflict] = useState(false);
  const save = useSavePartner();
  const set = <K extends keyof PartnerForm>(k: K, v: PartnerForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const fieldError = (path: string) =>
    save.error instanceof ApiRequestError
      ? save.error.fields.find((f) => f.path === path)?.message
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { form: clean(form), ...(base ? { current: base } : {}) },
      {
        onSuccess: onDone,
        onError: (err) => {
          // 409: show what is there now; the user re-applies their change on top of it.
          if (err instanceof ApiRequestError && err.status === 409 && err.current) {
            const now = err.current as PartnerView;
            setBase(now);
            setForm(formOf(now));
            setConflict(true);
          }
        },
      },
    );
  };
  const text = (k: 'name' | 'address' | 'website', type: 'text' | 'url' = 'text') => (
    <Field label={t(k)} required={k === 'name'} validationMessage={fieldError(k)}>
      <Input type={type} value={form[k] ?? ''} onChange={(_, d) => set(k, d.value)} />
    </Field>
  );
  return (
    <Card>
      <form
        className={styles.form}
        onSubmit={submit}
        aria-label={current ? t('edit', { name: current.name }) : t('add')}
      >
        {conflict && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('conflict')}</MessageBarBody>
          </MessageBar>
        )}
        {save.error && !conflict && (
          <MessageBar intent="error">
            <MessageBarBody>{save.error.message}</MessageBarBody>
          </MessageBar>
        )}
        {text('name')}
        <Field label={t('kind')}>
          <Select value={form.kind} onChange={(_, d) => set('kind', d.value as SchoolKind)}>
            {SCHOOL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </Field>
        {text('address')}
        {text('website', 'url')}
        <Field label={t('programmes')}>
          <Textarea
            value={form.programmes.join('\n')}
            onChange={(_, d) => set('programmes', d.value.split('\n'))}
            resize="vertical"
          />
        </Field>
        <fieldset>
          <legend>{t('contacts')}</legend>
          {form.contacts.map((c, i) => (
            <div key={i} className={styles.contact}>
              {(['name', 'role', 'email', 'phone'] as const).map((k) => (
                <Field
                  key={k}
                  label={t(`contact${k[0]!.toUpperCase()}${k.slice(1)}`)}
                  validationMessage={fieldError(`contacts.${i}.${k}`)}
                >
                  <Input
                    value={c[k] ?? ''}
                    type={k === 'email' ? 'email' : 'text'}
                    onChange={(_, d) =>
                      set(
                        'contacts',
                        form.contacts.map((x, j) => (j === i ? { ...x, [k]: d.value } : x)),
                      )
                    }
                  />
                </Field>
              ))}
              <Button
                onClick={() =>
                  set(
                    'contacts',
                    form.contacts.filter((_, j) => j !== i),
                  )
                }
              >
                {t('removeContact')}
              </Button>
            </div>
          ))}
          <Button onClick={() => set('contacts', [...form.contacts, { name: '' }])}>{t('addContact')}</Button>
        </fieldset>
        {(['agreementSignedOn', 'agreementValidUntil', 'reviewDue'] as const).map((k) => (
          <Field key={k} label={t(k)} required={k === 'reviewDue'} validationMessage={fieldError(k)}>
            <Input type="date" value={form[k] ?? ''} onChange={(_, d) => set(k, d.value)} />
          </Field>
        ))}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={save.isPending}>
            {t('save')}
          </Button>
          <Button onClick={onDone}>{t('cancel')}</Button>
        </div>
      </form>
    </Card>
  );
}
