import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PublishedFinalWorkView } from '../../../../domain/views';

/**
 * The published final works on the intranet overview (presentational). A title opens the work in SharePoint in a
 * new tab: the overview often sits on a SharePoint page, which the reader should not lose.
 */
export function PublishedFinalWorks({ works }: { works: PublishedFinalWorkView[] }) {
  const { t } = useTranslation('overview');
  return (
    <section aria-labelledby="final-works-title">
      <Text as="h3" id="final-works-title" size={400} weight="semibold">
        {t('finalWorks')}
      </Text>
      <Text as="p">{t('finalWorksIntro')}</Text>
      {works.length === 0 ? (
        <Text as="p">{t('finalWorksEmpty')}</Text>
      ) : (
        <Table aria-labelledby="final-works-title">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('workTitle')}</TableHeaderCell>
              <TableHeaderCell>{t('intern')}</TableHeaderCell>
              <TableHeaderCell>{t('service')}</TableHeaderCell>
              <TableHeaderCell>{t('topic')}</TableHeaderCell>
              <TableHeaderCell>{t('year')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {works.map((w) => (
              <TableRow key={w.id} data-final-work={w.id}>
                <TableCell>
                  {w.webUrl ? (
                    <Link
                      href={w.webUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      aria-label={t('openWork', { title: w.title, intern: w.internName })}
                    >
                      {w.title}
                    </Link>
                  ) : (
                    w.title
                  )}
                </TableCell>
                <TableCell>{w.internName}</TableCell>
                <TableCell>{w.serviceName}</TableCell>
                <TableCell>{w.topic}</TableCell>
                <TableCell>{w.year}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
