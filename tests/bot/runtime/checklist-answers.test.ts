/**
 * Checklist cards (prepare arrival, first day, results) answered in the emulated Teams: the `adaptiveCard/action`
 * invoke goes over HTTP to the bot on the Teams SDK, and what the card reports as done ticks the internship's
 * ChecklistItems in SharePoint, the way the tab ticks them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_VERB } from '../../../src/bot/cards/card-shell';
import { CHECKLIST_TEMPLATES } from '../../../src/domain/checklists';
import type { ChecklistItem } from '../../../src/domain/records';
import { DEMO_USERS } from '../../../src/emulator/demo-directory';
import { checklistItemKey } from '../../../src/graph/repositories/checklist-items';
import type { Stored } from '../../../src/graph/repositories/list-repository';
import { answerItemKey, tickAnsweredItems } from '../../../src/jobs/bot-ports';
import { admin } from '../../emulator/support';
import { cardsOf, internshipOf, startBotHarness, type BotHarness } from '../../jobs/support';

const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;

interface CardNode {
  type?: string;
  id?: string;
  verb?: string;
  data?: Record<string, unknown>;
  [k: string]: unknown;
}

/** What a Teams client reads off a card: the toggles' ids and the `moment.answer` action's data. */
function formOfCard(card: Record<string, unknown>): { toggles: string[]; data: Record<string, unknown> } {
  const toggles: string[] = [];
  let data: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as CardNode;
    if (n.type === 'Input.Toggle' && n.id) toggles.push(n.id);
    if (n.type === 'Action.Execute' && n.verb === ANSWER_VERB && n.data) data = n.data;
    // The refresh action has its own data; it is not the answer's.
    for (const [k, v] of Object.entries(n)) if (k !== 'refresh') walk(v);
  };
  walk(card);
  if (!data) throw new Error('the card has no answer action');
  return { toggles, data };
}

describe('checklist card answers tick the ChecklistItems', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  }, 60_000);
  afterAll(() => h.close());

  const people = {
    intern: role('intern', 0),
    mentor: role('mentor', 0),
    backup: role('backup', 0),
    coordinator: role('coordinator', 0),
  };
  const invoke = (oid: string, activityId: string, data: unknown) =>
    admin(h.fx.emu, 'POST', `/teams/users/${oid}/invoke`, {
      activityId,
      verb: ANSWER_VERB,
      data,
      trigger: 'manual',
    });
  const items = async (key: string) =>
    new Map((await h.fx.repos.checklistItems.byInternship(key)).map((i) => [i.templateKey, i]));

  async function sentCard(internshipKey: string, kind: string, oid: string) {
    const moment = (await h.fx.repos.moments.byInternship(internshipKey)).find((m) => m.kind === kind)!;
    h.clock.set(new Date(Date.parse(moment.sendAt) + 60_000));
    expect((await h.scheduler.sweepOnce()).failed).toBe(0);
    const card = (await cardsOf(h.fx.emu.url, oid)).find((c) => c.momentKey === moment.key)!;
    expect(card).toBeDefined();
    return { moment, card, form: formOfCard(card.card) };
  }

  it("the mentor's prepare-arrival card ticks what is reported done, once, and never unticks", async () => {
    await h.fx.repos.internships.create(internshipOf('cl-prep', people, '2027-02-01', '2027-04-30'));
    await h.scheduler.internshipChanged('cl-prep');
    await h.fx.repos.checklistItems.instantiate('cl-prep', CHECKLIST_TEMPLATES);
    const { moment, card, form } = await sentCard('cl-prep', 'prepareArrival', people.mentor.id);
    expect(form.toggles.length).toBeGreaterThanOrEqual(3);
    expect(form.toggles.every((id) => id.startsWith('mentorPreparation.'))).toBe(true);
    const [first, second, third, ...rest] = form.toggles as [string, string, string, ...string[]];

    // The coordinator ticked the second item in the tab last week; the mentor ticks the third in the tab and
    // then reports it as not done on the card.
    const before = await items('cl-prep');
    const earlier = await h.fx.repos.checklistItems.tick(
      before.get(second)!,
      people.coordinator.id,
      '2027-01-10T10:00:00.000Z',
    );
    await h.fx.repos.checklistItems.tick(before.get(third)!, people.mentor.id, '2027-01-11T10:00:00.000Z');

    const payload = {
      ...form.data,
      [first]: 'true',
      [second]: 'true',
      [third]: 'false',
      ...Object.fromEntries(rest.map((id) => [id, 'false'])),
    };
    const answeredAt = h.clock.now().toISOString();
    const res = await invoke(people.mentor.id, card.activityId, payload);
    expect(res.json.outcome).toBe('card');
    expect(await h.fx.repos.evaluations.getByKey(answerItemKey(moment.key))).toMatchObject({
      respondentOid: people.mentor.id,
      answers: { [first]: true, [second]: true, [third]: false },
    });

    const after = await items('cl-prep');
    expect(after.get(first)).toMatchObject({ done: true, doneByOid: people.mentor.id, doneAt: answeredAt });
    // Already done: kept with who ticked it and when, not rewritten.
    expect(after.get(second)).toMatchObject({
      done: true,
      doneByOid: people.coordinator.id,
      doneAt: '2027-01-10T10:00:00.000Z',
      etag: earlier.etag,
    });
    // "Not done" on the card does not untick what was ticked in the tab.
    expect(after.get(third)).toMatchObject({ done: true, doneByOid: people.mentor.id });
    for (const id of rest) expect(after.get(id)?.done).toBe(false);
    // Only this card's checklist: the coordinator's logistics of the same moment are untouched.
    expect([...after.values()].filter((i) => i.checklist !== 'mentorPreparation').some((i) => i.done)).toBe(
      false,
    );

    // A retried invoke (Teams retries on a timeout) is answered with the closed card and writes nothing.
    h.clock.set(new Date(h.clock.now().getTime() + 3_600_000));
    const retry = await invoke(people.mentor.id, card.activityId, payload);
    expect(retry.json.outcome).toBe('card');
    const again = await items('cl-prep');
    for (const [k, v] of after) expect(again.get(k)?.etag, k).toBe(v.etag);
    expect(await h.fx.repos.evaluations.byMoment(moment.key)).toHaveLength(1);
  }, 60_000);

  it("the coordinator's first-day card ticks the coordinator's onboarding checklist", async () => {
    const team = {
      intern: role('intern', 1),
      mentor: role('mentor', 1),
      backup: role('backup', 1),
      coordinator: role('coordinator', 1),
    };
    await h.fx.repos.internships.create(internshipOf('cl-day1', team, '2027-06-07', '2027-07-30'));
    await h.scheduler.internshipChanged('cl-day1');
    await h.fx.repos.checklistItems.instantiate('cl-day1', CHECKLIST_TEMPLATES);
    const { card, form } = await sentCard('cl-day1', 'firstDay', team.coordinator.id);
    expect(form.toggles.every((id) => id.startsWith('coordinatorOnboarding.'))).toBe(true);
    const payload = { ...form.data, ...Object.fromEntries(form.toggles.map((id) => [id, 'true'])) };
    expect((await invoke(team.coordinator.id, card.activityId, payload)).json.outcome).toBe('card');
    const after = await items('cl-day1');
    for (const id of form.toggles)
      expect(after.get(id), id).toMatchObject({ done: true, doneByOid: team.coordinator.id });
    expect([...after.values()].filter((i) => i.checklist === 'mentorOnboarding').every((i) => !i.done)).toBe(
      true,
    );
  }, 60_000);

  it('a conflicting write is re-read and applied; an item ticked meanwhile keeps its own done-by', async () => {
    await h.fx.repos.internships.create(internshipOf('cl-race', people, '2027-09-06', '2027-10-29'));
    await h.fx.repos.checklistItems.instantiate(
      'cl-race',
      CHECKLIST_TEMPLATES.filter((t) => t.kind === 'mentorPreparation'),
    );
    const stale = await h.fx.repos.checklistItems.byInternship('cl-race');
    const [a, b] = stale as [Stored<ChecklistItem>, Stored<ChecklistItem>];
    // Between the card's read and its write: a note on one item, a tick by the back-up on the other.
    await h.fx.repos.checklistItems.comment(a, 'Projects shared in the team site');
    await h.fx.repos.checklistItems.tick(b, people.backup.id, '2027-08-20T08:00:00.000Z');
    // The card's read is the stale one; the writes go to SharePoint.
    const staleRead = {
      checklistItems: Object.assign(
        Object.create(h.fx.repos.checklistItems) as typeof h.fx.repos.checklistItems,
        { byInternship: async () => stale },
      ),
    };
    const ticked = await tickAnsweredItems(staleRead, 'cl-race', {
      respondentOid: people.mentor.id,
      submittedAt: '2027-08-23T09:05:00.000Z',
      answers: { [a.templateKey]: true, [b.templateKey]: true },
    });
    expect(ticked).toBe(1);
    const now = await items('cl-race');
    expect(now.get(a.templateKey)).toMatchObject({
      done: true,
      doneByOid: people.mentor.id,
      doneAt: '2027-08-23T09:05:00.000Z',
      note: 'Projects shared in the team site',
    });
    expect(now.get(b.templateKey)).toMatchObject({
      done: true,
      doneByOid: people.backup.id,
      doneAt: '2027-08-20T08:00:00.000Z',
    });
    expect((await h.fx.repos.checklistItems.getByKey(checklistItemKey('cl-race', a.templateKey)))?.done).toBe(
      true,
    );
  }, 60_000);
});
