/**
 * End to end with a fake clock: the emulator (Graph, Bot Connector, Teams), the bot on the real Teams SDK behind
 * an ExpressAdapter on a free port, and the scheduler sweeping through one internship's life.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBadPayload, demoPayload } from '../../src/bot/cards/demo';
import { answeringRole, cardInput } from '../../src/bot/runtime/card-input';
import { localDateOf } from '../../src/domain/brussels-time';
import { LOCAL_TENANT_ID } from '../../src/emulator/config';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { answerItemKey } from '../../src/jobs/bot-ports';
import { admin } from '../emulator/support';
import { cardsOf, internshipOf, startBotHarness, type BotHarness } from './support';

const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;

describe('scheduler and bot, end to end against the emulator', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  }, 60_000);
  afterAll(() => h.close());

  const invoke = (oid: string, activityId: string, verb: string, data: unknown) =>
    admin(h.fx.emu, 'POST', `/teams/users/${oid}/invoke`, { activityId, verb, data, trigger: 'manual' });

  async function payloadFor(momentKey: string, oid: string, bad = false) {
    const view = (await h.jobs.botPorts.loadMoment(momentKey))!;
    const r = answeringRole(view, oid)!;
    const input = cardInput(view, await h.jobs.botPorts.person(oid), r);
    const locale = await h.jobs.mailboxes.localeOf(oid);
    return bad ? demoBadPayload(input, locale) : demoPayload(input, locale);
  }

  it('an internship from start to end: exactly the moments of the brief, every card answered and stored', async () => {
    const people = {
      intern: role('intern', 0),
      mentor: role('mentor', 0),
      backup: role('backup', 0),
      coordinator: role('coordinator', 0),
    };
    expect(await h.fx.repos.internships.byMentorOrBackup(people.mentor.id)).toHaveLength(0);
    await h.fx.repos.internships.create(internshipOf('e2e-1', people, '2027-02-01', '2027-04-30'));
    const r = await h.scheduler.internshipChanged('e2e-1');
    expect(r.added).toBe(14);
    const moments = await h.fx.repos.moments.byInternship('e2e-1');
    const perKind: Record<string, number> = {};
    for (const m of moments) perKind[m.kind] = (perKind[m.kind] ?? 0) + 1;
    // 64 workdays (Easter Monday 2027-03-29 is off): follow-ups on workdays 11, 21, 41, 51 (31 is next to the
    // mid-term on 32 and dropped); first-time mentor since this mentor never had an intern.
    expect(perKind).toEqual({
      firstTimeMentor: 1,
      prepareArrival: 1,
      firstDay: 1,
      week1CheckIn: 1,
      wellbeingPulse: 1,
      followUp: 4,
      midTermEvaluation: 1,
      finalEvaluation: 1,
      satisfactionMentor: 1,
      satisfactionIntern: 1,
      results: 1,
    });
    // A second recompute changes nothing (deterministic keys).
    expect(await h.scheduler.internshipChanged('e2e-1')).toEqual({ added: 0, moved: 0, cancelled: 0 });

    const sendTimes = [...new Set(moments.map((m) => m.sendAt))].sort();
    for (const at of sendTimes) {
      h.clock.set(new Date(new Date(at).getTime() + 60_000));
      const report = await h.scheduler.sweepOnce();
      expect(report.failed).toBe(0);
      for (const m of moments.filter((x) => x.sendAt === at)) {
        const stored = (await h.fx.repos.moments.getByKey(m.key))!;
        expect(stored.state).toBe('sent');
        const recipient = stored.recipientOids[0]!;
        const card = (await cardsOf(h.fx.emu.url, recipient)).find((c) => c.momentKey === m.key)!;
        expect(card).toBeDefined();
        const res = await invoke(
          recipient,
          card.activityId,
          'moment.answer',
          await payloadFor(m.key, recipient),
        );
        expect(res.json.outcome).toBe('card');
        const after = (await h.fx.repos.moments.getByKey(m.key))!;
        expect(after).toMatchObject({ state: 'answered', answeredByOid: recipient });
        expect(after.log.map((e) => e.event)).toEqual(
          expect.arrayContaining(['scheduled', 'sent', 'answered']),
        );
        const answer = await h.fx.repos.evaluations.getByKey(answerItemKey(m.key));
        expect(answer).toMatchObject({ momentKey: m.key, respondentOid: recipient, internshipKey: 'e2e-1' });
      }
    }
    expect(await h.fx.repos.evaluations.byInternship('e2e-1')).toHaveLength(14);
  }, 120_000);

  it('mentor out of office on the due day: the back-up gets the card', async () => {
    const people = {
      intern: role('intern', 1),
      mentor: role('mentor', 1),
      backup: role('backup', 1),
      coordinator: role('coordinator', 0),
    };
    await admin(h.fx.emu, 'PUT', `/users/${people.mentor.id}/out-of-office`, { message: 'On leave' });
    await h.fx.repos.internships.create(internshipOf('e2e-ooo', people, '2027-06-07', '2027-07-30'));
    await h.scheduler.internshipChanged('e2e-ooo');
    const week1 = (await h.fx.repos.moments.byInternship('e2e-ooo')).find((m) => m.kind === 'week1CheckIn')!;
    h.clock.set(new Date(new Date(week1.sendAt).getTime() + 60_000));
    await h.scheduler.sweepOnce();
    const stored = (await h.fx.repos.moments.getByKey(week1.key))!;
    expect(stored.state).toBe('escalatedToBackup');
    expect(stored.recipientOids).toEqual([people.backup.id]);
    expect((await cardsOf(h.fx.emu.url, people.backup.id)).some((c) => c.momentKey === week1.key)).toBe(true);
    expect((await cardsOf(h.fx.emu.url, people.mentor.id)).some((c) => c.momentKey === week1.key)).toBe(
      false,
    );
    await admin(h.fx.emu, 'DELETE', `/users/${people.mentor.id}/out-of-office`);

    // Stopping the internship cancels what is still open; nothing more is sent for it.
    const current = (await h.fx.repos.internships.getByKey('e2e-ooo'))!;
    await h.fx.repos.internships.update(current, { phase: 'stopped', stoppedBy: 'organisation' });
    const r = await h.scheduler.internshipChanged('e2e-ooo');
    expect(r.cancelled).toBeGreaterThan(5);
    const left = await h.fx.repos.moments.byInternship('e2e-ooo');
    expect(left.every((m) => m.state === 'cancelled')).toBe(true);
  }, 60_000);

  it('no answer: back-up after 3 workdays, the coordinator digest after 5, once a day', async () => {
    const people = {
      intern: role('intern', 2),
      mentor: role('mentor', 2),
      backup: role('backup', 2),
      coordinator: role('coordinator', 1),
    };
    await h.fx.repos.internships.create(internshipOf('e2e-late', people, '2027-09-06', '2027-10-29'));
    await h.scheduler.internshipChanged('e2e-late');
    const week1 = (await h.fx.repos.moments.byInternship('e2e-late')).find((m) => m.kind === 'week1CheckIn')!;
    h.clock.set(new Date(new Date(week1.sendAt).getTime() + 60_000));
    await h.scheduler.sweepOnce();
    expect((await h.fx.repos.moments.getByKey(week1.key))!.state).toBe('sent');

    // Two workdays later: not yet.
    h.clock.set(new Date(new Date(week1.escalateAt).getTime() - 86_400_000));
    await h.scheduler.sweepOnce();
    expect((await h.fx.repos.moments.getByKey(week1.key))!.state).toBe('sent');
    h.clock.set(new Date(new Date(week1.escalateAt).getTime() + 60_000));
    await h.scheduler.sweepOnce();
    const escalated = (await h.fx.repos.moments.getByKey(week1.key))!;
    expect(escalated.state).toBe('escalatedToBackup');
    expect(escalated.recipientOids).toEqual([people.mentor.id, people.backup.id]);
    expect(
      (await cardsOf(h.fx.emu.url, people.backup.id)).filter((c) => c.momentKey === week1.key),
    ).toHaveLength(1);

    h.clock.set(new Date(new Date(week1.digestAt).getTime() + 60_000));
    await h.scheduler.sweepOnce();
    await h.scheduler.sweepOnce();
    expect((await h.fx.repos.moments.getByKey(week1.key))!.state).toBe('escalatedToCoordinator');
    // Catching up, the first sweep also sent the earlier moments (preparation, first day) to the coordinator,
    // which were overdue on the days of the earlier sweeps: one digest per day, and one only today.
    const today = localDateOf(h.clock.now().toISOString());
    const all = (await cardsOf(h.fx.emu.url, people.coordinator.id)).filter((c) =>
      c.momentKey.startsWith('digest:'),
    );
    const digests = all.filter((c) => c.momentKey === `digest:${people.coordinator.id}:${today}`);
    expect(digests).toHaveLength(1);
    expect(new Set(all.map((c) => c.momentKey)).size).toBe(all.length);
    expect(JSON.stringify(digests[0]!.card)).toContain(people.intern.displayName);

    // The back-up answers the escalated card: closed for everyone.
    const card = (await cardsOf(h.fx.emu.url, people.backup.id)).find((c) => c.momentKey === week1.key)!;
    const res = await invoke(
      people.backup.id,
      card.activityId,
      'moment.answer',
      await payloadFor(week1.key, people.backup.id),
    );
    expect(res.json.outcome).toBe('card');
    expect((await h.fx.repos.moments.getByKey(week1.key))!).toMatchObject({
      state: 'answered',
      answeredByOid: people.backup.id,
    });
    // The mentor's refresh now shows the answered card.
    const mentorCard = (await cardsOf(h.fx.emu.url, people.mentor.id)).find(
      (c) => c.momentKey === week1.key,
    )!;
    const refreshed = await invoke(people.mentor.id, mentorCard.activityId, 'moment.refresh', {
      momentKey: week1.key,
    });
    expect(refreshed.json.outcome).toBe('card');
    expect(JSON.stringify(refreshed.json)).toContain(people.backup.displayName);
  }, 60_000);

  it('refuses a non-assigned user, keeps a bad answer out, and writes a double invoke once', async () => {
    const people = {
      intern: role('intern', 3),
      mentor: role('mentor', 3),
      backup: role('backup', 3),
      coordinator: role('coordinator', 0),
    };
    await h.fx.repos.internships.create(internshipOf('e2e-auth', people, '2027-11-08', '2027-12-17'));
    await h.scheduler.internshipChanged('e2e-auth');
    const week1 = (await h.fx.repos.moments.byInternship('e2e-auth')).find((m) => m.kind === 'week1CheckIn')!;
    h.clock.set(new Date(new Date(week1.sendAt).getTime() + 60_000));
    await h.scheduler.sweepOnce();
    const card = (await cardsOf(h.fx.emu.url, people.mentor.id)).find((c) => c.momentKey === week1.key)!;
    const payload = await payloadFor(week1.key, people.mentor.id);

    // Someone else gets the same card (forwarded) and answers: refused, nothing written.
    const stranger = role('mentor', 4);
    const conv = await h.bot.connector.createConversation(stranger.id, LOCAL_TENANT_ID);
    const copy = await h.bot.connector.sendCard(conv.conversationId, card.card as never, 'forwarded');
    const refused = await invoke(stranger.id, copy.activityId, 'moment.answer', payload);
    expect(refused.json.outcome).toBe('error');
    expect(await h.fx.repos.evaluations.getByKey(answerItemKey(week1.key))).toBeUndefined();
    expect((await h.fx.repos.moments.getByKey(week1.key))!.state).toBe('sent');

    // A bad answer: the card with errors, nothing written.
    const bad = await invoke(
      people.mentor.id,
      card.activityId,
      'moment.answer',
      await payloadFor(week1.key, people.mentor.id, true),
    );
    expect(bad.json.outcome).toBe('card');
    expect(await h.fx.repos.evaluations.getByKey(answerItemKey(week1.key))).toBeUndefined();

    // A double click: two invokes at once, one answer.
    const [a, b] = await Promise.all([
      invoke(people.mentor.id, card.activityId, 'moment.answer', payload),
      invoke(people.mentor.id, card.activityId, 'moment.answer', payload),
    ]);
    expect([a.json.outcome, b.json.outcome]).toEqual(['card', 'card']);
    expect(await h.fx.repos.evaluations.byMoment(week1.key)).toHaveLength(1);
    const m = (await h.fx.repos.moments.getByKey(week1.key))!;
    expect(m.state).toBe('answered');
    expect(m.log.filter((e) => e.event === 'answered')).toHaveLength(1);
  }, 60_000);
});
