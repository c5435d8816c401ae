import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import type { InternshipView } from '../../../../domain/views';
import { ActionsBar } from './actions-bar';
import { ChecklistsSection } from './checklists-section';
import { ContactsSection } from './contacts-section';
import { DetailsSection } from './details-section';
import { HistorySection, MomentsSection } from './moments-section';
import { PlanSection } from './plan-section';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

/**
 * The workflow sections of the internship page (container): next steps, details, plan, checklists, moments and
 * history, each shown only when the caller may see it. Writes update the page's internship query.
 */
export function WorkflowSections({ internship: i }: { internship: InternshipView }) {
  const styles = useStyles();
  const { i18n } = useTranslation('workflow');
  const locale = i18n.language as Locale;
  const can = (a: (typeof i.allowed)[number]) => i.allowed.includes(a);
  return (
    <div className={styles.sections}>
      <ActionsBar internship={i} locale={locale} />
      {can('internship.update') && i.phase !== 'closed' && i.phase !== 'stopped' && (
        <DetailsSection internship={i} />
      )}
      {can('plan.read') && <PlanSection internship={i} locale={locale} />}
      {can('checklist.read') && <ChecklistsSection internship={i} locale={locale} />}
      {can('moments.read') && <MomentsSection id={i.id} locale={locale} />}
      <ContactsSection internship={i} />
      {can('history.read') && <HistorySection id={i.id} locale={locale} />}
    </div>
  );
}
