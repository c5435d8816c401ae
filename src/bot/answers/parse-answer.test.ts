import { describe, expect, it } from 'vitest';
import type { Locale } from '../../domain/i18n';
import { demoMomentInput, demoPayload } from '../cards/demo';
import { formFor } from '../cards/forms';
import { formOf } from '../cards/moment-card';
import { parseMomentAnswer } from './parse-answer';

const mid = demoMomentInput('midTermEvaluation', 'mentor');
const midForm = formOf(mid);
const envelope = {
  momentKey: 'i-demo-1:midTermEvaluation:1',
  internshipId: 'i-demo-1',
  answerKey: 'i-demo-1:midTermEvaluation:1@u-mentor',
};
const valid = {
  ...envelope,
  'midTermEvaluation.milestoneScore__m1': '4',
  'midTermEvaluation.milestoneComment__m1': '  Goed bezig  ',
  'midTermEvaluation.milestoneScore__m2': '2',
  'midTermEvaluation.milestoneComment__m2': '',
  'midTermEvaluation.milestoneScore__m3': '5',
  'midTermEvaluation.status': 'orange',
  'midTermEvaluation.improvementPointsAsked': 'true',
  'midTermEvaluation.planAdjusted': 'false',
  'midTermEvaluation.schoolContacted': 'false',
};

const MESSAGES: Record<string, Record<Locale, string>> = {
  required: {
    nl: 'Dit veld is verplicht.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  atMost5: {
    nl: 'Geef een getal van hoogstens 5.',
    fr: 'Indiquez un nombre de 5 au maximum.',
    de: 'Geben Sie eine Zahl bis höchstens 5 ein.',
    en: 'Enter a number of at most 5.',
  },
  choice: {
    nl: 'Kies een van de voorgestelde waarden.',
    fr: 'Choisissez une des valeurs proposées.',
    de: 'Wählen Sie einen der angebotenen Werte.',
    en: 'Choose one of the offered values.',
  },
  integer: {
    nl: 'Geef een geheel getal.',
    fr: 'Indiquez un nombre entier.',
    de: 'Geben Sie eine ganze Zahl ein.',
    en: 'Enter a whole number.',
  },
};

describe('parseMomentAnswer', () => {
  it('turns client strings into typed answers, trims text and drops empty optional fields', () => {
    const r = parseMomentAnswer(valid, midForm, 'nl');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value).toEqual({
      ...envelope,
      answers: {
        'midTermEvaluation.milestoneScore__m1': 4,
        'midTermEvaluation.milestoneComment__m1': 'Goed bezig',
        'midTermEvaluation.milestoneScore__m2': 2,
        'midTermEvaluation.milestoneScore__m3': 5,
        'midTermEvaluation.status': 'orange',
        'midTermEvaluation.improvementPointsAsked': true,
        'midTermEvaluation.planAdjusted': false,
        'midTermEvaluation.schoolContacted': false,
      },
      ignoredKeys: [],
    });
  });

  it('accepts typed values too, and the verb of the Action.Submit fallback', () => {
    const r = parseMomentAnswer(
      {
        ...valid,
        verb: 'moment.answer',
        'midTermEvaluation.milestoneScore__m1': 3,
        'midTermEvaluation.schoolContacted': true,
      },
      midForm,
      'en',
    );
    expect(r.ok && r.value.answers['midTermEvaluation.milestoneScore__m1']).toBe(3);
    expect(r.ok && r.value.ignoredKeys).toEqual([]);
  });

  it('accepts every demo answer of every card', () => {
    for (const kind of [
      'followUp',
      'wellbeingPulse',
      'satisfactionIntern',
      'prepareArrival',
      'results',
    ] as const) {
      const input = demoMomentInput(
        kind,
        kind === 'wellbeingPulse' || kind === 'satisfactionIntern' ? 'intern' : 'mentor',
      );
      expect(parseMomentAnswer(demoPayload(input, 'de'), formOf(input), 'de').ok, kind).toBe(true);
    }
  });

  for (const locale of ['nl', 'fr', 'de', 'en'] as const) {
    it(`refuses a missing required field, an out-of-range score and an unknown choice (${locale})`, () => {
      const r = parseMomentAnswer(
        {
          ...valid,
          'midTermEvaluation.milestoneScore__m1': '7',
          'midTermEvaluation.milestoneScore__m2': '2.5',
          'midTermEvaluation.status': 'purple',
          'midTermEvaluation.schoolContacted': '',
        },
        midForm,
        locale,
      );
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors).toEqual([
        { path: 'midTermEvaluation.milestoneScore__m1', message: MESSAGES.atMost5?.[locale] },
        { path: 'midTermEvaluation.milestoneScore__m2', message: MESSAGES.integer?.[locale] },
        { path: 'midTermEvaluation.status', message: MESSAGES.choice?.[locale] },
        { path: 'midTermEvaluation.schoolContacted', message: MESSAGES.required?.[locale] },
      ]);
      // The user's values come back for the error card, exactly as sent.
      expect(r.values['midTermEvaluation.status']).toBe('purple');
      expect(r.values['midTermEvaluation.milestoneComment__m1']).toBe('  Goed bezig  ');
    });
  }

  it('refuses a score of 0, a non-number score and a yes/no that is neither', () => {
    const r = parseMomentAnswer(
      {
        ...valid,
        'midTermEvaluation.milestoneScore__m1': '0',
        'midTermEvaluation.milestoneScore__m2': 'abc',
        'midTermEvaluation.planAdjusted': 'maybe',
      },
      midForm,
      'fr',
    );
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'midTermEvaluation.milestoneScore__m1', message: 'Indiquez un nombre d’au moins 1.' },
      { path: 'midTermEvaluation.milestoneScore__m2', message: 'Indiquez un nombre entier.' },
      { path: 'midTermEvaluation.planAdjusted', message: 'Choisissez une des valeurs proposées.' },
    ]);
  });

  it('refuses text over its maximum length and control characters', () => {
    const pulse = formFor({ kind: 'wellbeingPulse', role: 'intern' });
    const base = demoPayload(demoMomentInput('wellbeingPulse', 'intern'), 'en');
    const long = parseMomentAnswer({ ...base, 'wellbeingPulse.note': 'x'.repeat(1001) }, pulse, 'de');
    expect(long.ok ? [] : long.errors).toEqual([
      { path: 'wellbeingPulse.note', message: 'Verwenden Sie höchstens 1000 Zeichen.' },
    ]);
    const control = parseMomentAnswer({ ...base, 'wellbeingPulse.note': 'a\u0007b' }, pulse, 'nl');
    expect(control.ok ? [] : control.errors).toEqual([
      { path: 'wellbeingPulse.note', message: 'Deze tekst bevat ongeldige tekens.' },
    ]);
  });

  it('ignores unknown keys (stale cards, client extras) and reports them; never copies them', () => {
    const r = parseMomentAnswer(
      { ...valid, 'followUp.status': 'red', __proto__x: 'y', isAdmin: true },
      midForm,
      'en',
    );
    if (!r.ok) throw new Error('refused');
    expect(r.value.ignoredKeys.sort()).toEqual(['__proto__x', 'followUp.status', 'isAdmin']);
    expect(Object.keys(r.value.answers)).not.toContain('followUp.status');
  });

  it('refuses a payload without our envelope, or that is not an object, or absurdly large', () => {
    const { momentKey: _m, ...noMoment } = valid;
    const r = parseMomentAnswer(noMoment, midForm, 'en');
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'momentKey', message: 'This field is required.' }]);
    expect(parseMomentAnswer({ ...valid, answerKey: 'a b' }, midForm, 'en').ok).toBe(false);
    expect(parseMomentAnswer('nope', midForm, 'en').ok).toBe(false);
    expect(parseMomentAnswer(null, midForm, 'en').ok).toBe(false);
    const huge = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, 'v']));
    expect(parseMomentAnswer({ ...valid, ...huge }, midForm, 'en').ok).toBe(false);
  });

  it('keeps checklist toggles as booleans, unticked included', () => {
    const form = formFor({ kind: 'results', role: 'coordinator' });
    const r = parseMomentAnswer(
      {
        momentKey: 'i-1:results:1',
        internshipId: 'i-1',
        answerKey: 'i-1:results:1@u-c',
        'closing.finalWorkPublished': 'false',
        'closing.presentation': 'true',
      },
      form,
      'en',
    );
    expect(r.ok && r.value.answers).toEqual({
      'closing.finalWorkPublished': false,
      'closing.presentation': true,
    });
  });
});
