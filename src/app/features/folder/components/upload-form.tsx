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
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKey } from '../../../../domain/documents';
import type { Locale } from '../../../../domain/i18n';
import { checkUpload, type UploadCheck } from '../../../../domain/uploads';
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

/** Field errors of a file check, by path (`file`, `name`, `type`, …). */
export type UploadErrors = Record<string, string>;

/** The upload rules of the folder for a chosen file (the server checks the same): errors by path, or none. */
export function uploadErrors(
  check: Omit<UploadCheck, 'name' | 'size'>,
  file: File,
  locale: Locale,
): UploadErrors {
  const checked = checkUpload({ ...check, name: file.name, size: file.size }, locale);
  return checked.ok ? {} : Object.fromEntries(checked.errors.map((x) => [x.path, x.message]));
}

export interface FileUploadFormProps {
  heading: string;
  submitLabel: string;
  maxBytes: number;
  allowedExtensions: readonly string[];
  busy: boolean;
  /** 0..1 while uploading. */
  progress: number | undefined;
  error: string | undefined;
  success: string | undefined;
  /** The form's other fields, between the file and the button, with their errors. */
  fields?: (errors: UploadErrors) => ReactNode;
  /** Checks the file and the other fields before sending. */
  check(file: File): UploadErrors;
  onUpload(file: File): void;
}

/**
 * Choose a file, check it like the server does, send it with progress (presentational). The folder's documents and
 * the final work both upload through it; each adds its own fields.
 */
export function FileUploadForm(props: FileUploadFormProps) {
  const styles = useStyles();
  const { t } = useTranslation('folder');
  const titleId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [errors, setErrors] = useState<UploadErrors>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return setErrors({ file: t('chooseFile') });
    const found = props.check(file);
    setErrors(found);
    if (Object.keys(found).length === 0) props.onUpload(file);
  };
  const percent = props.progress === undefined ? undefined : Math.round(props.progress * 100);

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId}>{props.heading}</h3>
      <Field
        label={t('file')}
        hint={t('hint', { mb: props.maxBytes / 1024 / 1024, types: props.allowedExtensions.join(', ') })}
        validationMessage={errors.file ?? errors.name}
        required
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            className={styles.file}
            type="file"
            name="file"
            accept={props.allowedExtensions.map((x) => `.${x}`).join(',')}
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        )}
      </Field>
      {props.fields?.(errors)}
      <div>
        <Button type="submit" appearance="primary" disabled={props.busy}>
          {props.submitLabel}
        </Button>
      </div>
      {percent !== undefined && (
        <Field label={t('progress')} validationMessage={t('uploading', { percent })} validationState="none">
          <ProgressBar value={props.progress} max={1} data-testid="upload-progress" />
        </Field>
      )}
      {props.error && (
        <MessageBar intent="error">
          <MessageBarBody>{props.error}</MessageBarBody>
        </MessageBar>
      )}
      {props.success && !props.busy && (
        <MessageBar intent="success">
          <MessageBarBody>{props.success}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

export interface UploadFormProps {
  folder: FolderView;
  busy: boolean;
  /** 0..1 while uploading. */
  progress: number | undefined;
  error: string | undefined;
  uploadedName: string | undefined;
  onUpload(file: File, type: DocumentKey | undefined): void;
}

/** A document for the folder: the file and its document type (presentational). */
export function UploadForm({ folder, busy, progress, error, uploadedName, onUpload }: UploadFormProps) {
  const { t, i18n } = useTranslation('folder');
  const locale = i18n.language as Locale;
  const [type, setType] = useState<string>('');
  const mayWriteConfidential = folder.uploadTypes.some((x) => x.confidential);

  return (
    <FileUploadForm
      heading={t('upload')}
      submitLabel={t('uploadButton')}
      maxBytes={folder.maxBytes}
      allowedExtensions={folder.allowedExtensions}
      busy={busy}
      progress={progress}
      error={error}
      success={uploadedName ? t('uploaded', { name: uploadedName }) : undefined}
      check={(file) => uploadErrors({ type: type || undefined, mayWriteConfidential }, file, locale)}
      // The check accepted the type: it is one of the folder's document types.
      onUpload={(file) => onUpload(file, (type || undefined) as DocumentKey | undefined)}
      fields={(errors) => (
        <Field
          label={t('documentType')}
          validationMessage={errors.type}
          {...(mayWriteConfidential ? { hint: t('confidentialHint') } : {})}
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
      )}
    />
  );
}
