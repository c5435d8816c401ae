import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKey } from '../../../../domain/documents';
import type { Locale } from '../../../../domain/i18n';
import { checkUpload } from '../../../../domain/uploads';
import type { FolderView } from '../../../../domain/views-records';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '36rem',
    marginTop: tokens.spacingVerticalL,
  },
  file: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
});

export interface UploadFormProps {
  folder: FolderView;
  busy: boolean;
  /** 0..1 while uploading. */
  progress: number | undefined;
  error: string | undefined;
  uploadedName: string | undefined;
  onUpload(file: File, type: DocumentKey | undefined): void;
}

/** Choose a file and its document type, check it like the server does, send it with progress (presentational). */
export function UploadForm({ folder, busy, progress, error, uploadedName, onUpload }: UploadFormProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('folder');
  const locale = i18n.language as Locale;
  const titleId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [type, setType] = useState<string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setErrors({ file: t('chooseFile') });
    const checked = checkUpload(
      {
        name: file.name,
        type: type || undefined,
        size: file.size,
        mayWriteConfidential: folder.uploadTypes.some((x) => x.confidential),
      },
      locale,
    );
    if (!checked.ok) return setErrors(Object.fromEntries(checked.errors.map((x) => [x.path, x.message])));
    setErrors({});
    onUpload(file, checked.type);
  };
  const percent = progress === undefined ? undefined : Math.round(progress * 100);
  const hasConfidential = folder.uploadTypes.some((x) => x.confidential);

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{t('upload')}</h3>
      <Field
        label={t('file')}
        hint={t('hint', { mb: folder.maxBytes / 1024 / 1024, types: folder.allowedExtensions.join(', ') })}
        validationMessage={errors.file ?? errors.name}
        required
      >
        {(props) => (
          <input
            {...props}
            className={styles.file}
            type="file"
            name="file"
            accept={folder.allowedExtensions.map((x) => `.${x}`).join(',')}
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        )}
      </Field>
      <Field
        label={t('documentType')}
        validationMessage={errors.type}
        {...(hasConfidential ? { hint: t('confidentialHint') } : {})}
      >
        <Select value={type} onChange={(_, d) => setType(d.value)}>
          <option value="">{t('noType')}</option>
          {folder.uploadTypes.map((x) => (
            <option key={x.key} value={x.key}>
              {x.confidential ? `${x.name} (${t('confidential')})` : x.name}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('uploadButton')}
        </Button>
      </div>
      {percent !== undefined && (
        <Field label={t('progress')} validationMessage={t('uploading', { percent })} validationState="none">
          <ProgressBar value={progress} max={1} data-testid="upload-progress" />
        </Field>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {uploadedName && !busy && (
        <MessageBar intent="success">
          <MessageBarBody>{t('uploaded', { name: uploadedName })}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
