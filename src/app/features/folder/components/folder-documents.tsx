import {
  Badge,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FolderView, RequiredDocumentView } from '../../../../domain/views-records';

const useStyles = makeStyles({
  status: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    marginBlock: tokens.spacingVerticalM,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: {
    display: 'flex',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalXXS,
  },
});

function RequiredList({ title, items }: { title: string; items: RequiredDocumentView[] }) {
  const styles = useStyles();
  const { t } = useTranslation('folder');
  if (items.length === 0) return null;
  return (
    <div>
      <h3>{title}</h3>
      <ul className={styles.list} aria-label={title}>
        {items.map((d) => (
          <li key={d.key} className={styles.item} data-required={d.key} data-present={String(d.present)}>
            <span>{d.name}</span>
            <Badge appearance="tint" color={d.present ? 'success' : 'warning'}>
              {d.present ? t('present') : t('missing')}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The folder's documents and the required-documents status (presentational). */
export function FolderDocuments({ folder }: { folder: FolderView }) {
  const styles = useStyles();
  const { t } = useTranslation('folder');
  return (
    <>
      <div className={styles.status}>
        <RequiredList title={t('requiredBeforeStart')} items={folder.requiredBeforeStart} />
        <RequiredList title={t('requiredBeforeClose')} items={folder.requiredBeforeClose} />
      </div>
      <h3>{t('documents')}</h3>
      {folder.documents.length === 0 ? (
        <Text as="p">{t('empty')}</Text>
      ) : (
        <Table aria-label={t('documents')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('name')}</TableHeaderCell>
              <TableHeaderCell>{t('type')}</TableHeaderCell>
              {folder.includesConfidential && <TableHeaderCell>{t('part')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {folder.documents.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  {d.webUrl ? (
                    <Link
                      href={d.webUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('openLabel', { name: d.name })}
                    >
                      {d.name}
                    </Link>
                  ) : (
                    d.name
                  )}
                </TableCell>
                <TableCell>{d.typeName ?? t('noType')}</TableCell>
                {folder.includesConfidential && (
                  <TableCell>
                    {d.confidential ? (
                      <Badge appearance="outline" color="danger">
                        {t('confidential')}
                      </Badge>
                    ) : (
                      t('shared')
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
