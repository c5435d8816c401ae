import { useTranslation } from 'react-i18next';
import type { InternshipView } from '../../../../domain/views';
import { QueryState } from '../../../components/query-state';
import { useFolder, useUploadDocument } from '../api/use-folder';
import { FinalWorkPart } from './final-work-part';
import { FolderDocuments } from './folder-documents';
import { UploadForm } from './upload-form';

/** The digital folder section of the internship page, for who may read the folder. */
export function FolderSection({ internship }: { internship: InternshipView }) {
  return internship.allowed.includes('folder.read') ? <FolderContainer internship={internship} /> : null;
}

/** Loads the folder and uploads into it; the final work is a part of the folder (container). */
function FolderContainer({ internship }: { internship: InternshipView }) {
  const { t } = useTranslation('folder');
  const id = internship.id;
  const folder = useFolder(id);
  const upload = useUploadDocument(id);
  return (
    <section aria-labelledby="folder-title">
      <h2 id="folder-title">{t('title')}</h2>
      <QueryState query={folder}>
        {(f) => (
          <>
            <FolderDocuments folder={f} />
            {f.canUpload && (
              <UploadForm
                folder={f}
                busy={upload.isPending}
                progress={upload.progress}
                error={upload.error?.message}
                uploadedName={upload.isSuccess ? upload.data.name : undefined}
                onUpload={(file, type) => upload.mutate({ file, ...(type ? { type } : {}) })}
              />
            )}
          </>
        )}
      </QueryState>
      {internship.allowed.includes('finalWork.read') && <FinalWorkPart internshipId={id} />}
    </section>
  );
}
