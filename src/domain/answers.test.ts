import { describe, expect, it } from 'vitest';
import { answerFields, momentAnsweredInTab, validateAnswers } from './answers';
import type { Moment } from './records';

const milestones = [
  { key: 'm1', title: 'Analyse' },
  { key: 'bad key', title: 'Not usable in an answer key' },
  { key: 'm2', title: 'Rapport' },
];

describe('questionnaire answers', () => {
  it('asks per-milestone questions per usable milestone, first, with the card field ids', () => {
    const ids = answerFields('midTermEvaluation', milestones).map((f) => f.id);
    expect(ids.slice(0, 4)).toEqual([
      'midTermEvaluation.milestoneScore__m1',
      'midTermEvaluation.milestoneComment__m1',
      'midTermEvaluation.milestoneScore__m2',
      'midTermEvaluation.milestoneComment__m2',
    ]);
    expect(ids).toContain('midTermEvaluation.status');
    expect(ids.some((id) => id.includes('bad'))).toBe(false);
    expect(answerFields('midTermEvaluation').some((f) => f.milestone)).toBe(false);
  });

  it('types valid answers and leaves blank optional ones out', () => {
    const r = validateAnswers(
      answerFields('midTermEvaluation', milestones),
      {
        'midTermEvaluation.milestoneScore__m1': '4',
        'midTermEvaluation.milestoneScore__m2': 2,
        'midTermEvaluation.milestoneComment__m2': '   ',
        'midTermEvaluation.status': 'green',
        'midTermEvaluation.schoolContacted': 'false',
      },
      'en',
    );
    expect(r).toEqual({
      ok: true,
      value: {
        'midTermEvaluation.milestoneScore__m1': 4,
        'midTermEvaluation.milestoneScore__m2': 2,
        'midTermEvaluation.status': 'green',
        'midTermEvaluation.schoolContacted': false,
      },
    });
  });

  it('reports required, range, choice, length and unknown keys per field, localized', () => {
    const r = validateAnswers(
      answerFields('midTermEvaluation', milestones),
      {
        'midTermEvaluation.milestoneScore__m1': 6,
        'midTermEvaluation.milestoneScore__m2': 'abc',
        'midTermEvaluation.status': 'blue',
        'midTermEvaluation.comment': 'x'.repeat(4001),
        'midTermEvaluation.other': true,
      },
      'fr',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual(
      expect.arrayContaining([
        { path: 'midTermEvaluation.milestoneScore__m1', message: 'Indiquez un nombre de 5 au maximum.' },
        { path: 'midTermEvaluation.milestoneScore__m2', message: 'Indiquez un nombre entier.' },
        { path: 'midTermEvaluation.status', message: 'Choisissez une des valeurs proposées.' },
        { path: 'midTermEvaluation.schoolContacted', message: 'Ce champ est obligatoire.' },
        { path: 'midTermEvaluation.comment', message: 'Utilisez au maximum 4000 caractères.' },
        { path: 'midTermEvaluation.other', message: 'Champ inconnu : midTermEvaluation.other.' },
      ]),
    );
  });

  it('refuses what is not an object of answers', () => {
    expect(validateAnswers(answerFields('followUp'), ['x'], 'nl')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'Dit veld is verplicht.' }],
    });
  });
});

describe('the moment a tab answer closes', () => {
  const m = (kind: Moment['kind'], seq: number, dueDate: string, state: Moment['state']) => ({
    kind,
    seq,
    dueDate,
    state,
  });
  it('closes the open one-off moment of that questionnaire, even ahead of its date', () => {
    const moments = [
      m('midTermEvaluation', 1, '2027-04-01', 'planned'),
      m('finalEvaluation', 1, '2027-06-20', 'planned'),
    ];
    expect(momentAnsweredInTab(moments, 'finalEvaluation', '2027-06-10')).toBe(moments[1]);
    expect(momentAnsweredInTab(moments, 'satisfactionMentor', '2027-06-10')).toBeUndefined();
  });
  it('closes the earliest follow-up due by the day of the answer, never a later one', () => {
    const moments = [
      m('followUp', 1, '2027-03-01', 'answered'),
      m('followUp', 2, '2027-03-15', 'escalatedToBackup'),
      m('followUp', 3, '2027-03-29', 'sent'),
      m('followUp', 4, '2027-04-12', 'planned'),
    ];
    expect(momentAnsweredInTab(moments, 'followUp', '2027-04-01')).toBe(moments[1]);
    expect(momentAnsweredInTab(moments.slice(2), 'followUp', '2027-04-01')).toBe(moments[2]);
    expect(momentAnsweredInTab(moments.slice(3), 'followUp', '2027-04-01')).toBeUndefined();
  });
  it('leaves answered and cancelled moments alone; a failed delivery can still be answered', () => {
    expect(
      momentAnsweredInTab(
        [m('midTermEvaluation', 1, '2027-04-01', 'cancelled')],
        'midTermEvaluation',
        '2027-04-02',
      ),
    ).toBeUndefined();
    const failed = m('midTermEvaluation', 1, '2027-04-01', 'failed');
    expect(momentAnsweredInTab([failed], 'midTermEvaluation', '2027-04-02')).toBe(failed);
  });
});
