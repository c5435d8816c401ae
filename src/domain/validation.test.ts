import { describe, expect, it } from 'vitest';
import { LOCALES } from './i18n';
import {
  absenceInput,
  applicationInput,
  assignmentInput,
  checklistChangeInput,
  decisionInput,
  evaluationInput,
  feedbackInput,
  INPUT_SCHEMAS,
  internshipInput,
  momentAnswerInput,
  partnerInput,
  planInput,
  stopInput,
  surveyInput,
  validate,
  VALIDATION_TEXTS,
} from './validation';

const internship = {
  intern: { displayName: 'Lotte Janssens', email: 'lotte@school.be' },
  service: 'HR',
  topic: 'Onboarding',
  startDate: '2027-02-01',
  endDate: '2027-04-30',
};

const errorsOf = (r: ReturnType<typeof validate>) => (r.ok ? [] : r.errors);

describe('internship input', () => {
  it('accepts a valid internship and defaults consent to false', () => {
    const r = validate(internshipInput, internship, 'nl');
    expect(r.ok && r.value.overviewConsent).toBe(false);
  });

  it('explains a missing field in each language', () => {
    const { service: _s, ...noService } = internship;
    const messages = LOCALES.map((l) => errorsOf(validate(internshipInput, noService, l)));
    expect(messages.map((m) => m[0])).toEqual([
      { path: 'service', message: 'Dit veld is verplicht.' },
      { path: 'service', message: 'Ce champ est obligatoire.' },
      { path: 'service', message: 'Dieses Feld ist erforderlich.' },
      { path: 'service', message: 'This field is required.' },
    ]);
  });

  it('refuses an end before the start, with the rule in the user language', () => {
    const r = validate(internshipInput, { ...internship, endDate: '2027-01-01' }, 'fr');
    expect(errorsOf(r)).toEqual([
      { path: 'endDate', message: 'La date de fin ne peut pas précéder la date de début.' },
    ]);
  });

  it('refuses the same person as mentor and back-up', () => {
    const r = validate(internshipInput, { ...internship, mentorId: 'u1', backupId: 'u1' }, 'de');
    expect(errorsOf(r)).toEqual([
      { path: 'backupId', message: 'Die Vertretung muss eine andere Person als der Betreuer sein.' },
    ]);
  });

  it('refuses bad e-mail, bad dates, unknown fields, blank names and control characters', () => {
    const r = validate(
      internshipInput,
      { ...internship, intern: { displayName: '   ', email: 'nope' }, startDate: '2027-02-30', extra: 1 },
      'en',
    );
    expect(
      errorsOf(r)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['', 'intern.displayName', 'intern.email', 'startDate']);
    expect(errorsOf(validate(internshipInput, { ...internship, topic: 'a\u0000b' }, 'en'))[0]?.message).toBe(
      'This text contains invalid characters.',
    );
  });

  it('keeps markup as text (it is escaped on output, never stripped silently)', () => {
    const r = validate(internshipInput, { ...internship, topic: '<img src=x onerror=alert(1)>' }, 'en');
    expect(r.ok && r.value.topic).toBe('<img src=x onerror=alert(1)>');
  });

  it('refuses ids that could smuggle OData syntax', () => {
    expect(validate(internshipInput, { ...internship, mentorId: "x' or 1 eq 1" }, 'en').ok).toBe(false);
  });

  it('refuses an internship longer than two years', () => {
    expect(
      errorsOf(validate(internshipInput, { ...internship, endDate: '2030-01-01' }, 'nl'))[0]?.message,
    ).toBe('Een stage duurt hoogstens twee jaar.');
  });
});

describe('plan input', () => {
  it('needs SMART criteria per milestone', () => {
    const plan = {
      projects: [{ key: 'p1', title: 'Onboarding flow', description: 'Redesign the onboarding flow' }],
      milestones: [{ key: 'm1', title: 'Analysis', smartCriteria: 'Report of 10 interviews by 15 March' }],
    };
    const r = validate(planInput, plan, 'en');
    expect(r.ok && r.value.milestones[0]?.status).toBe('open');
    const bad = { ...plan, milestones: [{ key: 'm1', title: 'Analysis', smartCriteria: '' }] };
    expect(errorsOf(validate(planInput, bad, 'fr'))).toEqual([
      { path: 'milestones.0.smartCriteria', message: 'Ce champ est obligatoire.' },
    ]);
  });
});

describe('other inputs', () => {
  it('decision and stop use the domain enums', () => {
    expect(validate(decisionInput, { decision: 'accepted' }, 'en').ok).toBe(true);
    expect(errorsOf(validate(decisionInput, { decision: 'maybe' }, 'nl'))[0]?.message).toBe(
      'Kies een van de voorgestelde waarden.',
    );
    expect(validate(stopInput, { stoppedBy: 'school', reason: 'Changed programme' }, 'en').ok).toBe(true);
    expect(validate(stopInput, { stoppedBy: 'school', reason: '' }, 'en').ok).toBe(false);
  });

  it('checklist change and moment answer', () => {
    expect(validate(checklistChangeInput, { itemKey: 'logistics.badges', done: true }, 'en').ok).toBe(true);
    expect(
      validate(
        momentAnswerInput,
        { momentKey: 'i1:followUp:1', answers: { light: 'green', note: 'ok', n: 3 } },
        'en',
      ).ok,
    ).toBe(true);
    expect(validate(momentAnswerInput, { momentKey: 'm', answers: { 'bad key!': 'x' } }, 'en').ok).toBe(
      false,
    );
  });

  it('evaluation scores are SMART 1..5 integers', () => {
    const ok = { kind: 'midTerm', milestones: [{ milestoneKey: 'm1', score: 4 }], schoolContacted: true };
    expect(validate(evaluationInput, ok, 'en').ok).toBe(true);
    const bad = { ...ok, milestones: [{ milestoneKey: 'm1', score: 6 }] };
    expect(errorsOf(validate(evaluationInput, bad, 'nl'))).toEqual([
      { path: 'milestones.0.score', message: 'Geef een getal van hoogstens 5.' },
    ]);
    expect(
      errorsOf(
        validate(evaluationInput, { ...ok, milestones: [{ milestoneKey: 'm1', score: 2.5 }] }, 'fr'),
      )[0]?.message,
    ).toBe('Indiquez un nombre entier.');
  });

  it('survey, absence, feedback', () => {
    expect(validate(surveyInput, { respondent: 'intern', answers: { q1: 4 } }, 'en').ok).toBe(true);
    expect(validate(absenceInput, { from: '2027-03-02', to: '2027-03-03', kind: 'illness' }, 'en').ok).toBe(
      true,
    );
    expect(
      errorsOf(validate(absenceInput, { from: '2027-03-04', to: '2027-03-03', kind: 'illness' }, 'en')),
    ).toEqual([{ path: 'to', message: 'The end date cannot be before the start date.' }]);
    expect(
      validate(feedbackInput, { date: '2027-03-02', direction: 'toIntern', note: 'Good structure' }, 'en').ok,
    ).toBe(true);
  });

  it('assignment, application, partner', () => {
    expect(
      validate(
        assignmentInput,
        { service: 'ICT', title: 'Dashboard', description: 'Build a dashboard' },
        'en',
      ).ok,
    ).toBe(true);
    expect(
      validate(assignmentInput, { service: 'ICT', title: 'x', description: 'y', places: 0 }, 'en').ok,
    ).toBe(false);
    const app = { candidateName: 'Jan', candidateEmail: 'jan@ugent.be', receivedOn: '2026-11-20' };
    expect(validate(applicationInput, app, 'en').ok).toBe(true);
    expect(validate(applicationInput, { ...app, candidateEmail: 'jan' }, 'en').ok).toBe(false);
    const partner = {
      name: 'UGent',
      kind: 'university',
      reviewDue: '2027-09-01',
      website: 'https://ugent.be',
    };
    expect(validate(partnerInput, partner, 'en').ok).toBe(true);
    expect(validate(partnerInput, { ...partner, website: 'javascript:alert(1)' }, 'en').ok).toBe(false);
  });

  it('every schema is listed and every message exists in four distinct languages', () => {
    expect(Object.keys(INPUT_SCHEMAS)).toHaveLength(14);
    for (const text of Object.values(VALIDATION_TEXTS))
      expect(new Set(LOCALES.map((l) => text[l])).size).toBe(4);
  });
});
