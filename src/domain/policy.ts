/**
 * The organisation's internship policy as structured documents (toolbox part A): the plan of approach (A2), the
 * communication plan (A3) and the internship regulation (A4). The content is the organisation's own text, written
 * in whatever language it works in; only the form around it is translated. Stored as its own Settings entry
 * (`policy`), next to the organisation settings, so a policy edit never races a settings edit.
 *
 * Also the input of the Settings screen (schedule rules, checklist templates, retention, announcements) and the
 * rule checks zod alone cannot express with a localised message.
 */
import { z } from 'zod';
import type { Locale, LocalizedText } from './i18n';
import { checklistOverrideSchema, customChecklistItemSchema } from './records';
import { DEFAULT_SCHEDULE_RULES, scheduleRulesOverridesSchema, scheduleRulesSchema } from './schedule';
import { text } from './validation';
import type { FieldError } from './validation';

const prose = text(8000, 0).optional();

/** A2: what a plan of approach covers, field by field as the toolbox lists it. */
export const planOfApproachSchema = z.strictObject({
  vision: prose,
  internshipTypes: prose,
  domains: z.array(text(120)).max(50).default([]),
  capacityPerYear: z.number().int().min(0).max(10_000).optional(),
  capacityPerTeam: z
    .array(z.strictObject({ team: text(200), places: z.number().int().min(0).max(1000) }))
    .max(200)
    .default([]),
  roles: prose,
  accessToInformation: prose,
  logistics: prose,
  budget: prose,
  integration: prose,
  training: prose,
  requiredDocuments: prose,
});

/** A3: how internal and external channels are used, per audience the toolbox names. */
export const communicationPlanSchema = z.strictObject({
  goals: prose,
  internal: prose,
  federalOrganisations: prose,
  schools: prose,
  interns: prose,
});

/** A4: engagements of both sides and when (and by whom) an internship can be stopped. */
export const regulationSchema = z.strictObject({
  internEngagements: prose,
  organisationEngagements: prose,
  terminationByIntern: prose,
  terminationBySchool: prose,
  terminationByOrganisation: prose,
  terminationByMentor: prose,
});

export const policyDocumentSchema = z.strictObject({
  planOfApproach: planOfApproachSchema.default({ domains: [], capacityPerTeam: [] }),
  communicationPlan: communicationPlanSchema.default({}),
  regulation: regulationSchema.default({}),
});
export type PolicyDocument = z.output<typeof policyDocumentSchema>;
export type Regulation = z.output<typeof regulationSchema>;

/** What the coordinator sends from the policy screen: any of the three parts (the others stay as they are). */
export const policyInput = z.strictObject({
  planOfApproach: planOfApproachSchema.optional(),
  communicationPlan: communicationPlanSchema.optional(),
  regulation: regulationSchema.optional(),
});
export type PolicyInput = z.output<typeof policyInput>;

export const emptyPolicy = (): PolicyDocument => policyDocumentSchema.parse({});

/** The Settings screen's input; coordinators, services and the organisation's name are managed elsewhere. */
export const settingsInput = z.strictObject({
  scheduleRules: scheduleRulesOverridesSchema,
  checklistOverrides: z.array(checklistOverrideSchema).max(500),
  customChecklistItems: z.array(customChecklistItemSchema).max(500),
  retentionMonths: z.number().int().min(1).max(120),
  announcements: z.boolean(),
  /** The team whose channel gets the weekly post; null: none; absent: unchanged. */
  announcementTeamId: z.string().min(1).max(200).nullable().optional(),
});
export type SettingsInput = z.output<typeof settingsInput>;

export const POLICY_RULE_MESSAGES = {
  digestBeforeEscalation: {
    nl: 'De samenvatting voor de coördinator kan niet vóór de escalatie naar de back-up komen.',
    fr: "Le récapitulatif du coordinateur ne peut pas précéder l'escalade vers le suppléant.",
    de: 'Die Übersicht für den Koordinator kann nicht vor der Eskalation an die Vertretung kommen.',
    en: 'The coordinator digest cannot come before the escalation to the back-up.',
  },
  duplicateKey: {
    nl: 'Deze sleutel komt meer dan eens voor.',
    fr: 'Cette clé apparaît plus d’une fois.',
    de: 'Dieser Schlüssel kommt mehrfach vor.',
    en: 'This key appears more than once.',
  },
  unknownTemplate: {
    nl: 'Dit checklistitem bestaat niet.',
    fr: "Cet élément de liste de contrôle n'existe pas.",
    de: 'Dieser Checklistenpunkt existiert nicht.',
    en: 'This checklist item does not exist.',
  },
  unknownTeam: {
    nl: 'Stagemap is niet toegevoegd aan dit team. Kies een team uit de lijst.',
    fr: "Stagemap n'a pas été ajouté à cette équipe. Choisissez une équipe de la liste.",
    de: 'Stagemap wurde diesem Team nicht hinzugefügt. Wählen Sie ein Team aus der Liste.',
    en: 'Stagemap has not been added to this team. Choose a team from the list.',
  },
  customWithoutText: {
    nl: 'Geef de tekst van het item in minstens één taal.',
    fr: "Saisissez le texte de l'élément dans au moins une langue.",
    de: 'Geben Sie den Text des Punkts in mindestens einer Sprache ein.',
    en: 'Enter the text of the item in at least one language.',
  },
} as const satisfies Record<string, LocalizedText>;

/**
 * Rules across fields of the settings input (zod checks each field; these need the whole): the merged schedule
 * rules must be coherent, keys unique, overrides must name a known template. `knownTemplate` is passed in so the
 * caller decides what counts (built-in templates and the custom items of the same input).
 */
export function settingsRuleErrors(
  input: SettingsInput,
  knownTemplate: (key: string) => boolean,
  locale: Locale,
): FieldError[] {
  const errors: FieldError[] = [];
  const merged = scheduleRulesSchema.safeParse({ ...DEFAULT_SCHEDULE_RULES, ...input.scheduleRules });
  if (!merged.success)
    errors.push({
      path: 'scheduleRules.digestAfterWorkdays',
      message: POLICY_RULE_MESSAGES.digestBeforeEscalation[locale],
    });
  const customKeys = new Set<string>();
  input.customChecklistItems.forEach((c, i) => {
    if (customKeys.has(c.key))
      errors.push({
        path: `customChecklistItems.${i}.key`,
        message: POLICY_RULE_MESSAGES.duplicateKey[locale],
      });
    customKeys.add(c.key);
    if (!Object.values(c.text).some((v) => v && v.trim() !== ''))
      errors.push({
        path: `customChecklistItems.${i}.text`,
        message: POLICY_RULE_MESSAGES.customWithoutText[locale],
      });
  });
  const overrideKeys = new Set<string>();
  input.checklistOverrides.forEach((o, i) => {
    if (overrideKeys.has(o.templateKey))
      errors.push({
        path: `checklistOverrides.${i}.templateKey`,
        message: POLICY_RULE_MESSAGES.duplicateKey[locale],
      });
    overrideKeys.add(o.templateKey);
    if (!knownTemplate(o.templateKey) && !customKeys.has(o.templateKey))
      errors.push({
        path: `checklistOverrides.${i}.templateKey`,
        message: POLICY_RULE_MESSAGES.unknownTemplate[locale],
      });
  });
  return errors;
}
