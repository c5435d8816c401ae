import {
  Badge,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { FinalWorksView, FinalWorkView } from '../../../../domain/views-records';
import { QueryState } from '../../../components/query-state';
import { useFinalWorks, useSetPublished, useUploadFinalWork } from '../api/use-final-works';
import { FileUploadForm, uploadErrors } from './upload-form';

const MAX_TITLE = 200;

/** The final work part of the folder section (container): the works, their publication, handing one in. */
export function FinalWorkPart({ internshipId }: { internshipId: string }) {
  const { t } = useTranslation('folder');
  const query = useFinalWorks(internshipId);
  const publish = useSetPublished(internshipId);
  const titleId = useId();
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('finalWork.title')}</h3>
      <Text as="p">{t('finalWork.intro')}</Text>
      <QueryState query={query}>
        {(view) => (
          <>
            <FinalWorkList
              view={view}
              busy={publish.isPending}
              onPublish={(work, published) => publish.mutate({ work, published })}
            />
            {publish.isError && (
              <MessageBar intent="error">
                <MessageBarBody>{publish.error.message}</MessageBarBody>
              </MessageBar>
            )}
            {publish.isSuccess && (
              <MessageBar intent="success">
                <MessageBarBody>
                  {t(publish.data.published ? 'finalWork.publishedNow' : 'finalWork.unpublishedNow', {
                    title: publish.data.title,
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {view.canUpload && <FinalWorkUpload internshipId={internshipId} view={view} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

interface FinalWorkListProps {
  view: FinalWorksView;
  busy: boolean;
  onPublish(work: FinalWorkView, published: boolean): void;
}

/** The handed-in works with their status; coordinators switch publication on and off (presentational). */
export function FinalWorkList({ view, busy, onPublish }: FinalWorkListProps) {
  const { t } = useTranslation('folder');
  const consentId = useId();
  if (view.items.length === 0) return <Text as="p">{t('finalWork.empty')}</Text>;
  const blocked = view.canPublish && !view.overviewConsent;
  return (
    <>
      {blocked && (
        <MessageBar intent="warning">
          <MessageBarBody id={consentId}>{t('finalWork.noConsent')}</MessageBarBody>
        </MessageBar>
      )}
      <Table aria-label={t('finalWork.title')} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('finalWork.workTitle')}</TableHeaderCell>
            <TableHeaderCell>{t('finalWork.fileName')}</TableHeaderCell>
            <TableHeaderCell>{t('finalWork.status')}</TableHeaderCell>
            {view.canPublish && <TableHeaderCell>{t('finalWork.intranet')}</TableHeaderCell>}
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.items.map((w) => (
            <TableRow key={w.id} data-final-work={w.id} data-published={String(w.published)}>
              <TableCell>
                {w.webUrl ? (
                  <Link
                    href={w.webUrl}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t('finalWork.openLabel', { title: w.title })}
                  >
                    {w.title}
                  </Link>
                ) : (
                  w.title
                )}
              </TableCell>
              <TableCell>{w.name}</TableCell>
              <TableCell>
                <Badge appearance="tint" color={w.published ? 'success' : 'informative'}>
                  {w.published ? t('finalWork.published') : t('finalWork.notPublished')}
                </Badge>
              </TableCell>
              {view.canPublish && (
                <TableCell>
                  <Switch
                    checked={w.published}
                    // Unpublishing stays possible when consent was withdrawn; publishing does not.
                    disabled={busy || (!w.published && !view.overviewConsent)}
                    aria-label={t('finalWork.publishLabel', { title: w.title })}
                    {...(blocked && !w.published ? { 'aria-describedby': consentId } : {})}
                    onChange={(_, d) => onPublish(w, d.checked)}
                  />
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

/** Hands in a final work: the file and its title, with progress (container). */
function FinalWorkUpload({ internshipId, view }: { internshipId: string; view: FinalWorksView }) {
  const { t, i18n } = useTranslation('folder');
  const locale = i18n.language as Locale;
  const upload = useUploadFinalWork(internshipId);
  const [title, setTitle] = useState('');
  return (
    <FileUploadForm
      heading={t('finalWork.upload')}
      submitLabel={t('finalWork.uploadButton')}
      maxBytes={view.maxBytes}
      allowedExtensions={view.allowedExtensions}
      busy={upload.isPending}
      progress={upload.progress}
      error={upload.error?.message}
      success={upload.isSuccess ? t('finalWork.uploaded', { name: upload.data.name }) : undefined}
      check={(file) => {
        const errors = uploadErrors({ type: undefined, mayWriteConfidential: false }, file, locale);
        const wanted = title.trim();
        if (!wanted) errors.title = t('finalWork.titleRequired');
        else if (wanted.length > MAX_TITLE) errors.title = t('finalWork.titleTooLong');
        return errors;
      }}
      onUpload={(file) => upload.mutate({ file, title: title.trim() })}
      fields={(errors) => (
        <Field label={t('finalWork.workTitle')} validationMessage={errors.title} required>
          <Input value={title} maxLength={MAX_TITLE} onChange={(_, d) => setTitle(d.value)} />
        </Field>
      )}
    />
  );
}
