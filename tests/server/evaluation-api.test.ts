import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { Internship } from '../../src/domain/internship';
import type { EvaluationView, EvaluationsView } from '../../src/domain/views-records';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import { startStack } from '../e2e/support/stack';
import { apiClient } from './support/api-client';

// Evaluations and surveys over HTTP against the `npm start` stack: validation, storage, who reads what.
let stack: LocalStack;
let internship: Internship;
let intern: DemoUser;
let mentor: DemoUser;
const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;

beforeAll(async () => {
  stack = await startStack();
  const users = new Map(DEMO_USERS.map((u) => [u.id, u]));
  const all = await stack.stagemap.deps.repos.internships.all();
  const found = all.find(
    (i) => i.phase === 'execution' && users.has(i.intern.id) && i.mentor && users.has(i.mentor.id),
  )!;
  internship = found;
  intern = users.get(found.intern.id)!;
  mentor = users.get(found.mentor!.id)!;
}, 180_000);
afterAll(() => stack?.close());

const { call } = apiClient(() => stack);

interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
    current?: EvaluationView;
  };
}

const base = () => `/internships/${internship.id}/evaluations`;
const midTerm = {
  'midTermEvaluation.status': 'orange',
  'midTermEvaluation.improvementPointsAsked': true,
  'midTermEvaluation.schoolContacted': false,
  'midTermEvaluation.comment': 'Goed op weg; de planning van mijlpaal 2 schuift een week op.',
};

describe('evaluations and surveys over HTTP', { timeout: 90_000 }, () => {
  it('answers are validated per question, with field errors in the caller language', async () => {
    const res = await call<ErrorBody>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      lang: 'nl',
      json: {
        answers: {
          'midTermEvaluation.status': 'purple',
          'midTermEvaluation.comment': 'x'.repeat(5000),
          'midTermEvaluation.bogus': 'x',
        },
      },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('Sommige velden zijn niet correct ingevuld.');
    expect(res.json.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'midTermEvaluation.status', message: 'Kies een van de voorgestelde waarden.' },
        { path: 'midTermEvaluation.schoolContacted', message: 'Dit veld is verplicht.' },
        { path: 'midTermEvaluation.comment', message: 'Gebruik hoogstens 4000 tekens.' },
        { path: 'midTermEvaluation.bogus', message: 'Onbekend veld: midTermEvaluation.bogus.' },
      ]),
    );
    const survey = await call<ErrorBody>(intern, 'PUT', `${base()}/satisfactionIntern`, {
      lang: 'fr',
      json: { answers: { 'satisfactionIntern.overall': 9 } },
    });
    expect(survey.status).toBe(400);
    expect(survey.json.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'satisfactionIntern.overall', message: 'Indiquez un nombre de 5 au maximum.' },
      ]),
    );
    const stored = await stack.stagemap.deps.repos.evaluations.byInternship(
      internship.key,
      'midTermEvaluation',
    );
    expect(stored.filter((e) => e.respondentOid === mentor.id)).toEqual([]);
  });

  it('stores the mentor mid-term evaluation; a resubmission needs the ETag', async () => {
    // Arrange: the mid-term card went out and waits for an answer.
    const moments = stack.stagemap.deps.repos.moments;
    const card = (await moments.byInternship(internship.key)).find((m) => m.kind === 'midTermEvaluation');
    expect(card, 'the demo internship has a mid-term moment').toBeDefined();
    await moments.update(card!, { state: 'sent', recipientOids: [mentor.id] });

    const first = await call<EvaluationView>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      json: { answers: midTerm },
    });
    expect(first.status).toBe(201);
    // Answering in the tab answers the moment: no escalation, no digest, the card shows it answered.
    const closed = (await moments.byInternship(internship.key)).find((m) => m.key === card!.key);
    expect(closed).toMatchObject({ state: 'answered', answeredByOid: mentor.id });
    expect(closed?.log.at(-1)).toMatchObject({
      event: 'answered',
      oid: mentor.id,
      detail: 'answered in the tab',
    });
    const stored = await stack.stagemap.deps.repos.evaluations.getByKey(
      `${internship.key}:midTermEvaluation:${mentor.id}`,
    );
    expect(stored).toMatchObject({
      questionnaire: 'midTermEvaluation',
      respondentOid: mentor.id,
      answers: midTerm,
    });
    expect(stored?.sharedWithIntern).toBeUndefined();

    const blind = await call<ErrorBody>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      json: { answers: { ...midTerm, 'midTermEvaluation.status': 'green' } },
    });
    expect(blind.status).toBe(409);
    expect(blind.json.error.current?.answers['midTermEvaluation.status']).toBe('orange');

    const update = await call<EvaluationView>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      json: { answers: { ...midTerm, 'midTermEvaluation.status': 'green' } },
      headers: { 'if-match': first.json.etag },
    });
    expect(update.status).toBe(200);
    expect(update.json.answers['midTermEvaluation.status']).toBe('green');
    const stale = await call<ErrorBody>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      json: { answers: midTerm },
      headers: { 'if-match': first.json.etag },
    });
    expect(stale.status).toBe(409);
    const all = await stack.stagemap.deps.repos.evaluations.byInternship(internship.key, 'midTermEvaluation');
    expect(all.filter((e) => e.respondentOid === mentor.id)).toHaveLength(1);
  });

  it('the intern cannot read an unshared evaluation, and can once the mentor shares it', async () => {
    const mine = (await call<EvaluationsView>(mentor, 'GET', base())).json.records.find(
      (r) => r.questionnaire === 'midTermEvaluation' && r.mine,
    )!;
    expect(mine).toBeDefined();
    const list = await call<EvaluationsView>(intern, 'GET', base());
    expect(list.status).toBe(200);
    expect(list.json.records.map((r) => r.id)).not.toContain(mine.id);
    expect(list.json.fillable.sort()).toEqual(['satisfactionIntern', 'wellbeingPulse']);
    expect((await call(intern, 'GET', `${base()}/${mine.id}`)).status).toBe(403);

    const shared = await call<EvaluationView>(mentor, 'PUT', `${base()}/midTermEvaluation`, {
      json: { answers: mine.answers, sharedWithIntern: true },
      headers: { 'if-match': mine.etag },
    });
    expect(shared.status).toBe(200);
    const read = await call<EvaluationView>(intern, 'GET', `${base()}/${mine.id}`);
    expect(read.status).toBe(200);
    expect(read.json.sharedWithIntern).toBe(true);
  });

  it('stores the intern satisfaction survey; the mentor cannot read it, a coordinator can', async () => {
    const answers = {
      'satisfactionIntern.overall': 4,
      'satisfactionIntern.matchedPresentation': '5',
      'satisfactionIntern.learningGoals': 4,
      'satisfactionIntern.concreteResult': 'true',
      'satisfactionIntern.guidance': 4,
      'satisfactionIntern.improvements': 'Meer overleg met het team over de planning.',
      'satisfactionIntern.recommend': true,
    };
    const res = await call<EvaluationView>(intern, 'PUT', `${base()}/satisfactionIntern`, {
      json: { answers },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const stored = await stack.stagemap.deps.repos.evaluations.getByKey(
      `${internship.key}:satisfactionIntern:${intern.id}`,
    );
    expect(stored?.answers).toMatchObject({
      'satisfactionIntern.matchedPresentation': 5,
      'satisfactionIntern.concreteResult': true,
    });
    expect((await call(mentor, 'GET', `${base()}/${res.json.id}`)).status).toBe(403);
    expect((await call(coordinator, 'GET', `${base()}/${res.json.id}`)).status).toBe(200);
  });

  it('refuses a questionnaire the caller may not fill in', async () => {
    expect(
      (await call(intern, 'PUT', `${base()}/midTermEvaluation`, { json: { answers: midTerm } })).status,
    ).toBe(403);
    expect(
      (await call(mentor, 'PUT', `${base()}/satisfactionIntern`, { json: { answers: {} } })).status,
    ).toBe(403);
    expect((await call(mentor, 'PUT', `${base()}/intake`, { json: { answers: {} } })).status).toBe(404);
  });
});
