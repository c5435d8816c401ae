import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '../../../../domain/i18n';
import { AppLink } from '../../../components/app-link';
import { QueryState } from '../../../components/query-state';
import { ApiRequestError } from '../../../lib/api-client';
import { useInternship } from '../api/use-internships';
import { InternshipHeader } from './internship-header';
import { EvaluationsSection } from '../../evaluations/components/evaluations-section';
import { FolderSection } from '../../folder/components/folder-section';
import { JournalSection } from '../../journal/components/journal-section';
import { WorkflowSections } from '../../workflow/components/workflow-sections';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/** The internship page (container): loads the internship and lays out its sections. */
export function InternshipPage() {
  const styles = useStyles();
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('internships');
  const query = useInternship(id);
  const locale = i18n.language as Locale;
  if (query.error instanceof ApiRequestError && query.error.status === 404)
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('notFound')}</MessageBarBody>
      </MessageBar>
    );
  return (
    <div className={styles.page}>
      <AppLink to="/">{t('back')}</AppLink>
      <QueryState query={query}>
        {(i) => (
          <>
            <InternshipHeader internship={i} locale={locale} />
            <WorkflowSections internship={i} />
            <FolderSection internship={i} />
            <EvaluationsSection internship={i} />
            <JournalSection internship={i} />
          </>
        )}
      </QueryState>
    </div>
  );
}
