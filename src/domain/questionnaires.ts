/**
 * The toolbox's forms and surveys as data (seed 001 D "Toolbox"): intake question set, needs analysis, info
 * sheet, the 10 golden rules for feedback, satisfaction surveys, plus the follow-up and evaluation moments of
 * the BRIEF. One generic shape, so the tab's forms and the bot's Adaptive Cards are generated from the same
 * definitions. The content lives in `./questionnaires/*.ts`, one file per family.
 */
import type { Role } from './internship';
import type { LocalizedText } from './i18n';
import { DEFAULT_MAX_LENGTH, type Choice } from './questionnaires/common';
import { SATISFACTION_INTERN, SATISFACTION_MENTOR } from './questionnaires/satisfaction';
import { INTAKE } from './questionnaires/intake';
import { NEEDS_ANALYSIS } from './questionnaires/needs-analysis';
import { INFO_SHEET } from './questionnaires/info-sheet';
import { GOLDEN_RULES } from './questionnaires/golden-rules';
import {
  FINAL_EVALUATION,
  FOLLOW_UP,
  MID_TERM_EVALUATION,
  WELLBEING_PULSE,
} from './questionnaires/follow-up';

export {
  SCALE5_ANCHORS,
  TRAFFIC_LIGHT_CHOICES,
  STUDY_LEVEL_CHOICES,
  DEFAULT_MAX_LENGTH,
} from './questionnaires/common';
export type { Choice } from './questionnaires/common';

export const QUESTION_KINDS = [
  'scale5',
  'yesNo',
  'text',
  'longText',
  'choice',
  'trafficLight',
  'date',
  'number',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface Question {
  /** Stable, dotted, unique across all questionnaires: `<questionnaire>.<question>`. */
  key: string;
  kind: QuestionKind;
  required: boolean;
  /** Toolbox step ('B7', 'C6') or seed ('seed003') the question comes from. */
  source: string;
  text: LocalizedText;
  help?: LocalizedText;
  /** Only for `choice`; `trafficLight` always uses TRAFFIC_LIGHT_CHOICES. */
  choices?: readonly Choice[];
  /** For `text` and `longText`; DEFAULT_MAX_LENGTH applies when absent. */
  maxLength?: number;
  /** Asked once per milestone of the internship plan (seed 003: SMART criteria per milestone). */
  perMilestone?: boolean;
}

export const QUESTIONNAIRE_KEYS = [
  'intake',
  'needsAnalysis',
  'infoSheet',
  'goldenRules',
  'wellbeingPulse',
  'followUp',
  'midTermEvaluation',
  'finalEvaluation',
  'satisfactionMentor',
  'satisfactionIntern',
] as const;
export type QuestionnaireKey = (typeof QUESTIONNAIRE_KEYS)[number];

export interface Questionnaire {
  key: QuestionnaireKey;
  source: string;
  /** Who fills it in (the coordinator fills the intake together with the candidate mentor, B3/C2). */
  respondent: Role;
  title: LocalizedText;
  intro?: LocalizedText;
  questions: readonly Question[];
}

export const QUESTIONNAIRES: Readonly<Record<QuestionnaireKey, Questionnaire>> = {
  intake: INTAKE,
  needsAnalysis: NEEDS_ANALYSIS,
  infoSheet: INFO_SHEET,
  goldenRules: GOLDEN_RULES,
  wellbeingPulse: WELLBEING_PULSE,
  followUp: FOLLOW_UP,
  midTermEvaluation: MID_TERM_EVALUATION,
  finalEvaluation: FINAL_EVALUATION,
  satisfactionMentor: SATISFACTION_MENTOR,
  satisfactionIntern: SATISFACTION_INTERN,
};

export const questionnaire = (key: QuestionnaireKey): Questionnaire => QUESTIONNAIRES[key];

export const isQuestionnaireKey = (value: unknown): value is QuestionnaireKey =>
  typeof value === 'string' && (QUESTIONNAIRE_KEYS as readonly string[]).includes(value);

export const ALL_QUESTIONS: readonly Question[] = QUESTIONNAIRE_KEYS.flatMap(
  (key) => QUESTIONNAIRES[key].questions,
);

/** Maximum answer length of a free-text question; undefined for kinds whose answers are not free text. */
export const maxLengthOf = (question: Question): number | undefined => {
  if (question.kind === 'text' || question.kind === 'longText') {
    return question.maxLength ?? DEFAULT_MAX_LENGTH[question.kind];
  }
  return undefined;
};
