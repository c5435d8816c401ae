import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATES } from './checklists';
import {
  ALL_QUESTIONS,
  QUESTIONNAIRES,
  QUESTIONNAIRE_KEYS,
  TRAFFIC_LIGHT_CHOICES,
  isQuestionnaireKey,
  maxLengthOf,
  questionnaire,
  type Question,
  type QuestionnaireKey,
} from './questionnaires';

const SOURCE = /^(A|B|C|D)\d|^seed\d{3}/;
const keysOf = (key: QuestionnaireKey): string[] => questionnaire(key).questions.map((q) => q.key);
const find = (key: string): Question => {
  const found = ALL_QUESTIONS.find((q) => q.key === key);
  if (!found) throw new Error(`missing question ${key}`);
  return found;
};

describe('questionnaires', () => {
  it('registers every questionnaire under its own key', () => {
    expect(Object.keys(QUESTIONNAIRES).sort()).toEqual([...QUESTIONNAIRE_KEYS].sort());
    for (const key of QUESTIONNAIRE_KEYS) {
      expect(QUESTIONNAIRES[key].key).toBe(key);
      expect(QUESTIONNAIRES[key].questions.length, key).toBeGreaterThan(0);
    }
    expect(isQuestionnaireKey('intake')).toBe(true);
    expect(isQuestionnaireKey('exam')).toBe(false);
  });

  it('has keys unique across all questions and checklist items, prefixed with the questionnaire', () => {
    for (const key of QUESTIONNAIRE_KEYS) {
      for (const q of QUESTIONNAIRES[key].questions) expect(q.key.startsWith(`${key}.`), q.key).toBe(true);
    }
    const all = [...ALL_QUESTIONS.map((q) => q.key), ...CHECKLIST_TEMPLATES.map((item) => item.key)];
    const duplicates = all.filter((key, i) => all.indexOf(key) !== i);
    expect(duplicates).toEqual([]);
  });

  it('traces every questionnaire and question to a toolbox step or seed', () => {
    for (const key of QUESTIONNAIRE_KEYS) expect(QUESTIONNAIRES[key].source, key).toMatch(SOURCE);
    for (const q of ALL_QUESTIONS) expect(q.source, q.key).toMatch(SOURCE);
  });

  it('gives choices to choice questions, and only to them', () => {
    for (const q of ALL_QUESTIONS) {
      if (q.kind === 'choice') {
        const keys = (q.choices ?? []).map((c) => c.key);
        expect(keys.length, q.key).toBeGreaterThanOrEqual(2);
        expect(new Set(keys).size, q.key).toBe(keys.length);
      } else {
        expect(q.choices, q.key).toBeUndefined();
      }
    }
    expect(TRAFFIC_LIGHT_CHOICES.map((c) => c.key)).toEqual(['green', 'orange', 'red']);
  });

  it('limits free text and only free text', () => {
    expect(maxLengthOf(find('needsAnalysis.title'))).toBe(255);
    expect(maxLengthOf(find('needsAnalysis.description'))).toBe(4000);
    expect(maxLengthOf(find('wellbeingPulse.note'))).toBe(1000);
    expect(maxLengthOf(find('needsAnalysis.numberOfInterns'))).toBeUndefined();
    for (const q of ALL_QUESTIONS) {
      if (q.maxLength !== undefined) expect(['text', 'longText'], q.key).toContain(q.kind);
    }
  });

  it('asks per milestone only in the evaluations, with a SMART score in each', () => {
    const perMilestone = ALL_QUESTIONS.filter((q) => q.perMilestone).map((q) => q.key);
    expect(perMilestone.every((k) => /^(midTermEvaluation|finalEvaluation)\./.test(k))).toBe(true);
    for (const key of ['midTermEvaluation.milestoneScore', 'finalEvaluation.milestoneScore']) {
      expect(find(key)).toMatchObject({ kind: 'scale5', perMilestone: true, required: true });
    }
  });

  it('has exactly 10 golden rules for feedback, from toolbox C5', () => {
    const rules = questionnaire('goldenRules');
    expect(rules.questions).toHaveLength(10);
    expect(rules.questions.every((q) => q.source === 'C5')).toBe(true);
  });

  it('asks the satisfaction questions of B7, C6 and A5', () => {
    expect(keysOf('satisfactionMentor')).toEqual(
      expect.arrayContaining([
        'satisfactionMentor.addedValue',
        'satisfactionMentor.addedValueForWhom',
        'satisfactionMentor.skillsDeveloped',
        'satisfactionMentor.concreteResult',
        'satisfactionMentor.resultMeetsExpectations',
        'satisfactionMentor.mentorAgain',
        'satisfactionMentor.asExpected',
        'satisfactionMentor.workDifferently',
        'satisfactionMentor.schoolContact',
        'satisfactionMentor.schoolExpectationsClear',
        'satisfactionMentor.usefulForOrganisation',
      ]),
    );
    expect(keysOf('satisfactionIntern')).toEqual(
      expect.arrayContaining([
        'satisfactionIntern.experience',
        'satisfactionIntern.matchedPresentation',
        'satisfactionIntern.improvements',
      ]),
    );
    expect(questionnaire('satisfactionMentor').respondent).toBe('mentor');
    expect(questionnaire('satisfactionIntern').respondent).toBe('intern');
  });

  it('covers the intake topics of B3, C2 and seed 003', () => {
    expect(keysOf('intake')).toEqual(
      expect.arrayContaining([
        'intake.motivation',
        'intake.topic',
        'intake.whyOrganisation',
        'intake.priorEducation',
        'intake.earlierInternships',
        'intake.schoolAssignments',
        'intake.level',
        'intake.travelTime',
        'intake.strengthsWeaknesses',
        'intake.learningWishes',
        'intake.workingHoursExplained',
        'intake.daysOffExplained',
        'intake.houseRulesExplained',
        'intake.regulationExplained',
      ]),
    );
    expect(find('intake.relevantTest')).toMatchObject({ kind: 'longText', source: 'C2' });
    expect(find('intake.selorExplained')).toMatchObject({ kind: 'yesNo', source: 'B3' });
    expect(find('intake.selorExplained').text.fr).toContain('Selor');
    // B3: the decision is never announced during the interview; the advice questions say so.
    for (const key of ['intake.mentorAdvice', 'intake.coordinatorAdvice']) {
      expect(find(key).help?.nl, key).toMatch(/beslissing niet mee/);
    }
  });

  it('has the fields of the "Behoefteanalyse" template', () => {
    expect(keysOf('needsAnalysis')).toEqual(
      expect.arrayContaining([
        'needsAnalysis.service',
        'needsAnalysis.title',
        'needsAnalysis.description',
        'needsAnalysis.context',
        'needsAnalysis.contactPersons',
        'needsAnalysis.qualityCriteria',
        'needsAnalysis.deadlines',
        'needsAnalysis.education',
        'needsAnalysis.level',
        'needsAnalysis.numberOfInterns',
        'needsAnalysis.researchProject',
        'needsAnalysis.proposedMentor',
        'needsAnalysis.proposedBackup',
      ]),
    );
  });

  it('keeps health data out of the shared info sheet', () => {
    const texts = questionnaire('infoSheet').questions.map((q) => q.text.nl.toLowerCase());
    expect(texts.some((t) => /medisch|gezondheid|geboortedatum|rijksregister/.test(t))).toBe(false);
    expect(keysOf('infoSheet')).toEqual(
      expect.arrayContaining([
        'infoSheet.internName',
        'infoSheet.school',
        'infoSheet.mentor',
        'infoSheet.backup',
      ]),
    );
  });

  it('asks what the moments of the BRIEF need', () => {
    expect(find('wellbeingPulse.howIsItGoing').kind).toBe('trafficLight');
    expect(questionnaire('wellbeingPulse').respondent).toBe('intern');
    expect(find('followUp.status')).toMatchObject({ kind: 'trafficLight', required: true });
    for (const key of ['followUp.milestones', 'followUp.feedbackGiven', 'followUp.absences']) {
      expect(find(key).required, key).toBe(true);
    }
    expect(find('midTermEvaluation.schoolContacted')).toMatchObject({ kind: 'yesNo', required: true });
    for (const key of [
      'finalEvaluation.finalAssessment',
      'finalEvaluation.schoolDocumentsUploaded',
      'finalEvaluation.confidentialityAgreed',
    ]) {
      expect(find(key).required, key).toBe(true);
    }
  });
});
