import { describe, expect, it } from 'vitest';
import { backup, buildPerson, mentor } from '../../domain/factories';
import { LOCALES } from '../../domain/i18n';
import { DEFAULT_MAX_LENGTH, questionnaire } from '../../domain/questionnaires';
import { templatesFor } from '../../domain/checklists';
import { ANSWER_VERB, cardBytes, MAX_CARD_BYTES, REFRESH_VERB } from './card-shell';
import { demoContext, demoInternship, demoMomentInput } from './demo';
import { formFor } from './forms';
import { answeredCard, errorCard, expiredCard, openCard } from './moment-card';
import type { AdaptiveCard, CardElement, ChoiceSetInput, InputElement } from './schema';

const inputsOf = (card: AdaptiveCard): InputElement[] => {
  const out: InputElement[] = [];
  const walk = (elements: CardElement[]) => {
    for (const e of elements) {
      if (e.type.startsWith('Input.')) out.push(e as InputElement);
      if (e.type === 'Container') walk(e.items);
    }
  };
  walk(card.body);
  return out;
};
const textOf = (card: AdaptiveCard): string => JSON.stringify(card.body);

describe('open card', () => {
  const input = demoMomentInput('followUp', 'mentor');
  const card = openCard(input, demoContext('nl'));

  it('answers with verb moment.answer and data { momentKey, internshipId, answerKey }', () => {
    const execute = card.actions?.find((a) => a.type === 'Action.Execute');
    expect(execute).toMatchObject({
      verb: ANSWER_VERB,
      data: {
        momentKey: 'i-demo-1:followUp:2',
        internshipId: 'i-demo-1',
        answerKey: 'i-demo-1:followUp:2@u-mentor',
      },
    });
  });

  it('gives the back-up a different answer key than the mentor for the same moment', () => {
    const asBackup = openCard(demoMomentInput('followUp', 'backup'), demoContext('nl'));
    const key = (c: AdaptiveCard) => c.refresh?.action.data.answerKey;
    expect(key(asBackup)).toBe('i-demo-1:followUp:2@u-backup');
    expect(key(asBackup)).not.toBe(key(card));
  });

  it('refreshes for the recipient, mentor, back-up and coordinator, each once', () => {
    expect(card.refresh?.action.verb).toBe(REFRESH_VERB);
    expect(card.refresh?.userIds).toEqual([mentor.id, backup.id, 'u-coordinator']);
    const intern = openCard(demoMomentInput('wellbeingPulse', 'intern'), demoContext('nl'));
    expect(intern.refresh?.userIds).toEqual(['u-intern', mentor.id, backup.id, 'u-coordinator']);
  });

  it('maps people to their Teams ids when the caller says how', () => {
    const mapped = openCard(input, { ...demoContext('nl'), teamsUserId: (p) => `29:${p.id}` });
    expect(mapped.refresh?.userIds).toEqual(['29:u-mentor', '29:u-backup', '29:u-coordinator']);
  });

  it('links to the internship in the tab', () => {
    const open = card.actions?.find((a) => a.type === 'Action.OpenUrl');
    expect(open && 'url' in open ? decodeURIComponent(open.url) : '').toContain('{"subEntityId":"i-demo-1"}');
  });

  it('turns each question into the right input, localized, with required/errorMessage/maxLength', () => {
    const byId = new Map(inputsOf(card).map((i) => [i.id, i]));
    expect(byId.get('followUp.status')).toMatchObject({
      type: 'Input.ChoiceSet',
      style: 'expanded',
      isRequired: true,
      label: 'Hoe verloopt de stage?',
      errorMessage: 'Dit veld is verplicht.',
    });
    expect((byId.get('followUp.status') as ChoiceSetInput).choices.map((c) => c.value)).toEqual([
      'green',
      'orange',
      'red',
    ]);
    // Required yes/no: an explicit choice. Optional yes/no: a toggle.
    expect(byId.get('followUp.feedbackGiven')).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true });
    expect(byId.get('followUp.planAdjusted')).toMatchObject({
      type: 'Input.Toggle',
      valueOn: 'true',
      valueOff: 'false',
    });
    expect(byId.get('followUp.milestones')).toMatchObject({
      type: 'Input.Text',
      isMultiline: true,
      maxLength: DEFAULT_MAX_LENGTH.longText,
      isRequired: true,
    });
    expect(byId.get('followUp.concerns')).not.toHaveProperty('isRequired');
    expect([...byId.keys()]).toEqual(questionnaire('followUp').questions.map((q) => q.key));
  });

  it('says on the card that red alerts the coordinator', () => {
    for (const locale of LOCALES) {
      const text = textOf(openCard(input, demoContext(locale)));
      const expected = {
        nl: 'Rood verwittigt meteen de stagecoördinator.',
        fr: 'Le rouge avertit immédiatement le coordinateur des stages.',
        de: 'Bei Rot wird der Praktikumskoordinator sofort benachrichtigt.',
        en: 'Red alerts the internship coordinator at once.',
      }[locale];
      expect(text).toContain(expected);
    }
  });

  it('repeats per-milestone questions per milestone, with score 1–5 choices', () => {
    const mid = openCard(demoMomentInput('midTermEvaluation', 'mentor'), demoContext('fr'));
    const ids = inputsOf(mid).map((i) => i.id);
    expect(ids.slice(0, 6)).toEqual([
      'midTermEvaluation.milestoneScore__m1',
      'midTermEvaluation.milestoneComment__m1',
      'midTermEvaluation.milestoneScore__m2',
      'midTermEvaluation.milestoneComment__m2',
      'midTermEvaluation.milestoneScore__m3',
      'midTermEvaluation.milestoneComment__m3',
    ]);
    expect(ids).toContain('midTermEvaluation.schoolContacted');
    const score = inputsOf(mid)[0] as ChoiceSetInput;
    expect(score.choices.map((c) => c.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(score.choices[0]?.title).toBe('1 – Pas du tout');
    expect(score.label).toContain('Étape clé 1');
  });

  it('says when the plan has no milestones instead of asking for scores', () => {
    const noPlan = openCard(
      { ...demoMomentInput('finalEvaluation', 'mentor'), milestones: [] },
      demoContext('en'),
    );
    expect(inputsOf(noPlan).some((i) => i.id.includes('__'))).toBe(false);
    expect(textOf(noPlan)).toContain('The internship plan has no milestones yet.');
  });

  it('refuses a milestone key that cannot be an input id', () => {
    expect(() =>
      formFor({ kind: 'midTermEvaluation', role: 'mentor', milestones: [{ key: 'a b', title: 'x' }] }),
    ).toThrow(RangeError);
  });

  it('asks the mentor preparation checklist on prepare arrival, the logistics one of the coordinator', () => {
    const mentorIds = inputsOf(openCard(demoMomentInput('prepareArrival', 'mentor'), demoContext('nl'))).map(
      (i) => i.id,
    );
    expect(mentorIds).toEqual(templatesFor('mentorPreparation').map((t) => t.key));
    expect(mentorIds).toEqual(
      expect.arrayContaining([
        'mentorPreparation.projects',
        'mentorPreparation.backupBriefed',
        'mentorPreparation.firstWeekAssignments',
        'mentorPreparation.practicalMail',
      ]),
    );
    const coordinatorIds = inputsOf(
      openCard(demoMomentInput('prepareArrival', 'coordinator'), demoContext('nl')),
    ).map((i) => i.id);
    expect(coordinatorIds).toEqual(templatesFor('logistics').map((t) => t.key));
  });

  it("uses the organisation's edited checklist when given", () => {
    const edited = templatesFor('mentorOnboarding').slice(0, 2);
    const ids = inputsOf(
      openCard({ ...demoMomentInput('firstDay', 'mentor'), checklistItems: edited }, demoContext('de')),
    ).map((i) => i.id);
    expect(ids).toEqual(edited.map((t) => t.key));
  });

  it('gives first-time mentors the ten golden rules and whom to ask', () => {
    const first = openCard(demoMomentInput('firstTimeMentor', 'mentor'), demoContext('fr'));
    expect(inputsOf(first)).toHaveLength(10);
    const text = textOf(first);
    expect(text).toContain('Qui peut vous aider ?');
    expect(text).toContain('Nathalie Lambert · nathalie.lambert@stagemap.local');
    expect(text).toContain('Marc Peeters');
    const none = openCard(
      { ...demoMomentInput('firstTimeMentor', 'mentor', demoInternship({ coordinator: undefined })) },
      demoContext('fr'),
    );
    expect(textOf(none)).toContain("Aucun coordinateur des stages n'est encore désigné");
  });

  it('refuses a moment of another internship', () => {
    const other = demoMomentInput('followUp', 'mentor');
    expect(() =>
      openCard({ ...other, internship: demoInternship({ id: 'i-other' }) }, demoContext('nl')),
    ).toThrow(/belongs to internship/);
  });

  it('stays under 28 KB with ten milestones in every language', () => {
    const milestones = Array.from({ length: 10 }, (_, i) => ({
      key: `m${i + 1}`,
      title: `Mijlpaal met een behoorlijk lange titel om de kaart te vullen, nummer ${i + 1}`,
    }));
    for (const locale of LOCALES) {
      const big = openCard(
        { ...demoMomentInput('finalEvaluation', 'mentor'), milestones },
        demoContext(locale),
      );
      expect(cardBytes(big)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
  });
});

describe('answered, error and expired cards', () => {
  const input = demoMomentInput('followUp', 'mentor');
  const answers = {
    'followUp.status': 'orange',
    'followUp.milestones': 'Analyse klaar',
    'followUp.feedbackGiven': true,
    'followUp.absences': false,
  };

  it('answered: shows who answered what and when, without inputs or answer action', () => {
    const card = answeredCard(input, answers, backup, '2027-03-02T10:15:00Z', demoContext('nl'));
    expect(inputsOf(card)).toEqual([]);
    expect(card.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
    expect(card.refresh).toBeUndefined();
    const text = textOf(card);
    expect(text).toContain('Beantwoord door ');
    expect(text).toContain('"text":"Sophie Dubois"');
    expect(text).toContain('2 maart 2027 om 11:15'); // 10:15 UTC is 11:15 in Brussels in March
    expect(text).toContain('Oranje: er zijn aandachtspunten');
    expect(text).toContain('Analyse klaar');
    expect(text).toContain('(niet ingevuld)');
  });

  it('answered: caps long answers so the card fits, pointing to the tab for the full text', () => {
    const long = 'x'.repeat(4000);
    const many = Object.fromEntries(
      formFor({ kind: 'followUp', role: 'mentor' }).fields.map((f) => [
        f.id,
        f.question.kind === 'longText' ? long : true,
      ]),
    );
    const card = answeredCard(input, many, mentor, '2027-03-02T10:15:00Z', demoContext('de'));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(textOf(card)).toContain('(vollständiger Text in Stagemap)');
  });

  it('error: keeps the values, puts the message right after its field, and still answers the same moment', () => {
    const card = errorCard(
      input,
      { 'followUp.milestones': 'Half af', 'followUp.status': 'red' },
      [
        { path: 'followUp.feedbackGiven', message: 'Dit veld is verplicht.' },
        { path: '', message: 'Algemene fout' },
      ],
      demoContext('nl'),
    );
    const inputs = inputsOf(card);
    expect(inputs.find((i) => i.id === 'followUp.milestones')).toMatchObject({ value: 'Half af' });
    expect(inputs.find((i) => i.id === 'followUp.status')).toMatchObject({ value: 'red' });
    const at = card.body.findIndex((e) => e.type === 'Input.ChoiceSet' && e.id === 'followUp.feedbackGiven');
    expect(JSON.stringify(card.body[at + 1])).toContain('Dit veld is verplicht.');
    expect(textOf(card)).toContain('Controleer de aangeduide velden.');
    expect(textOf(card)).toContain('Algemene fout');
    expect(card.actions?.[0]).toMatchObject({
      type: 'Action.Execute',
      data: { momentKey: input.moment.key },
    });
  });

  it('error: drops a value that is not one of the choices rather than keeping it hidden', () => {
    const card = errorCard(input, { 'followUp.status': 'purple' }, [], demoContext('en'));
    expect(inputsOf(card).find((i) => i.id === 'followUp.status')).not.toHaveProperty('value');
  });

  it('error: shortens huge values to fit Teams and says so', () => {
    const values = Object.fromEntries(
      formFor({ kind: 'followUp', role: 'mentor' })
        .fields.filter((f) => f.question.kind === 'longText')
        .map((f) => [f.id, 'y'.repeat(10_000)]),
    );
    const card = errorCard(input, values, [], demoContext('fr'));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(textOf(card)).toContain('Certains textes longs ont été raccourcis');
  });

  it('expired: no inputs, no answer action; says why', () => {
    const stopped = expiredCard(input, { kind: 'stopped' }, demoContext('de'));
    expect(inputsOf(stopped)).toEqual([]);
    expect(stopped.actions?.map((a) => a.type)).toEqual(['Action.OpenUrl']);
    expect(textOf(stopped)).toContain('Dieses Praktikum wurde vorzeitig beendet.');
    const other = expiredCard(
      input,
      {
        kind: 'answeredByOther',
        by: buildPerson({ displayName: 'Sophie Dubois' }),
        at: '2027-03-02T10:15:00Z',
      },
      demoContext('en'),
    );
    expect(textOf(other)).toContain(' already answered this moment on ');
  });
});
