/**
 * Building blocks shared by several questionnaires. Kept apart from `../questionnaires.ts` so the content files
 * can use them without a value-level import cycle (the content files import only types from there).
 */
import type { LocalizedText } from '../i18n';

export interface Choice {
  key: string;
  text: LocalizedText;
}

/**
 * Every `scale5` question is worded as "to what extent…", so one pair of anchors fits all of them and the
 * cards and forms can render 1–5 the same way everywhere.
 */
export const SCALE5_ANCHORS: Readonly<{ low: LocalizedText; high: LocalizedText }> = {
  low: { nl: 'Helemaal niet', fr: 'Pas du tout', de: 'Überhaupt nicht', en: 'Not at all' },
  high: { nl: 'Helemaal wel', fr: 'Tout à fait', de: 'Voll und ganz', en: 'Completely' },
};

/** Traffic light of the follow-up and the well-being pulse; red alerts the coordinator at once (BRIEF). */
export const TRAFFIC_LIGHT_CHOICES: readonly Choice[] = [
  {
    key: 'green',
    text: {
      nl: 'Groen: alles loopt goed',
      fr: 'Vert : tout va bien',
      de: 'Grün: alles läuft gut',
      en: 'Green: all going well',
    },
  },
  {
    key: 'orange',
    text: {
      nl: 'Oranje: er zijn aandachtspunten',
      fr: "Orange : il y a des points d'attention",
      de: 'Orange: einige Punkte brauchen Aufmerksamkeit',
      en: 'Amber: some points need attention',
    },
  },
  {
    key: 'red',
    text: {
      nl: 'Rood: er is een probleem',
      fr: 'Rouge : il y a un problème',
      de: 'Rot: es gibt ein Problem',
      en: 'Red: there is a problem',
    },
  },
];

/** Level of education, for the intake (seed 003 "niveau stagiair") and the profile sought (toolbox B1). */
export const STUDY_LEVEL_CHOICES: readonly Choice[] = [
  {
    key: 'secondary',
    text: {
      nl: 'Secundair onderwijs',
      fr: 'Enseignement secondaire',
      de: 'Sekundarunterricht',
      en: 'Secondary education',
    },
  },
  {
    key: 'bachelor',
    text: {
      nl: 'Bacheloropleiding',
      fr: 'Formation de bachelier',
      de: 'Bachelorstudiengang',
      en: "Bachelor's programme",
    },
  },
  {
    key: 'master',
    text: {
      nl: 'Masteropleiding',
      fr: 'Formation de master',
      de: 'Masterstudiengang',
      en: "Master's programme",
    },
  },
  {
    key: 'other',
    text: {
      nl: 'Andere opleiding',
      fr: 'Autre formation',
      de: 'Sonstige Ausbildung',
      en: 'Other programme',
    },
  },
];

/** Default input limits: bad input gets a clear error rather than filling a SharePoint column to the brim. */
export const DEFAULT_MAX_LENGTH = { text: 255, longText: 4000 } as const;
