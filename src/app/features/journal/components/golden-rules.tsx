import { Accordion, AccordionHeader, AccordionItem, AccordionPanel } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../domain/i18n';
import { questionnaire } from '../../../../domain/questionnaires';

/** The 10 golden rules of feedback (toolbox C5), as a reminder next to the feedback log (presentational). */
export function GoldenRules() {
  const { t, i18n } = useTranslation('journal');
  const locale = i18n.language as Locale;
  const rules = questionnaire('goldenRules').questions;
  return (
    <Accordion collapsible>
      <AccordionItem value="rules">
        <AccordionHeader>{t('goldenRules')}</AccordionHeader>
        <AccordionPanel>
          <ol>
            {rules.map((r) => (
              <li key={r.key}>
                {r.text[locale]}
                {r.help ? ` — ${r.help[locale]}` : ''}
              </li>
            ))}
          </ol>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
