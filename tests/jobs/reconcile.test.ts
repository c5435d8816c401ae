/**
 * `reconcile()` against the emulator over HTTP: internships changed straight in SharePoint (not through the
 * server, so `internshipChanged` was never called) get their moments back in line with `computeSchedule`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Internship } from '../../src/domain/internship';
import type { Moment } from '../../src/domain/records';
import { computeSchedule, resolveScheduleRules } from '../../src/domain/schedule';
import { belgianWorkCalendar } from '../../src/domain/workdays';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { segment } from '../../src/graph/odata';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { internshipOf, person, startBotHarness, type BotHarness } from './support';

const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;
const calendar = belgianWorkCalendar();

describe('reconcile: moments follow internships changed in SharePoint', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness('2027-01-04T08:00:00.000Z');
  }, 60_000);
  afterAll(() => h.close());

  const team = (n: number) => ({
    intern: role('intern', n),
    mentor: role('mentor', n),
    backup: role('backup', n),
    coordinator: role('coordinator', 0),
  });
  /** An edit in the SharePoint list: columns written as they are, nobody tells the scheduler. */
  const editInSharePoint = async (key: string, fields: Record<string, unknown>) => {
    const i = (await h.fx.repos.internships.getByKey(key))!;
    await h.fx.graph.patch(
      `/sites/${segment(h.fx.site.siteId)}/lists/Internships/items/${segment(i.id)}/fields`,
      fields,
      { ifMatch: i.etag },
    );
  };
  const moments = async (key: string) =>
    new Map((await h.fx.repos.moments.byInternship(key)).map((m) => [m.key, m]));
  const live = (all: Map<string, Stored<Moment>>) => [...all.values()].filter((m) => m.state !== 'cancelled');
  const expectedSchedule = async (i: Internship, mentorIsFirstTime: boolean) =>
    computeSchedule(
      { internshipId: i.key, startDate: i.startDate, endDate: i.endDate, mentorIsFirstTime },
      resolveScheduleRules((await h.fx.repos.settings.read()).settings.scheduleRules),
      calendar,
    );
  /** A second run changes nothing: same counts, not a single write. */
  const expectStable = async (keys: string[]) => {
    const before = await Promise.all(keys.map(moments));
    expect(await h.scheduler.reconcile()).toBe(0);
    const after = await Promise.all(keys.map(moments));
    after.forEach((all, n) => {
      for (const [k, m] of all) expect(m.etag, k).toBe(before[n]!.get(k)?.etag);
    });
  };

  it('stopped in SharePoint: every open moment is cancelled, nothing more is sent', async () => {
    await h.fx.repos.internships.create(internshipOf('rec-stop', team(4), '2027-01-11', '2027-03-26'));
    await h.scheduler.internshipChanged('rec-stop');
    // First in this file: the sweeps below meet no other internship.
    const week1 = (await moments('rec-stop')).get('rec-stop:week1CheckIn:1')!;
    h.clock.set(new Date(Date.parse(week1.sendAt) + 60_000));
    await h.scheduler.sweepOnce();
    const before = await moments('rec-stop');
    expect(before.get(week1.key)!.state).toBe('sent');

    await editInSharePoint('rec-stop', {
      Phase: 'stopped',
      StoppedBy: 'school',
      StoppedAt: '2027-01-18T10:00:00Z',
    });
    // Docs: reconcile recomputes the running internships; a stopped one is recomputed through
    // internshipChanged (the server calls it; see the report on reconcile for the SharePoint-only path).
    const r = await h.scheduler.internshipChanged('rec-stop');
    const after = await moments('rec-stop');
    const open = [...before.values()].filter((m) => m.state !== 'answered' && m.state !== 'cancelled');
    expect(r.cancelled).toBe(open.length);
    expect([...after.values()].every((m) => m.state === 'cancelled')).toBe(true);
    expect(after.get(week1.key)!.log.at(-1)).toMatchObject({
      event: 'cancelled',
      detail: 'internship stopped',
    });
    expect(await h.scheduler.internshipChanged('rec-stop')).toEqual({ added: 0, moved: 0, cancelled: 0 });
    // Time passes: the sweep sends nothing for it.
    h.clock.set('2027-04-30T10:00:00.000Z');
    const sweep = await h.scheduler.sweepOnce();
    expect(sweep.sent).toBe(0);
    expect(await moments('rec-stop')).toEqual(after);
  }, 60_000);

  it('dates moved and lengthened: planned moments move, new ones are added, sent ones keep their date', async () => {
    await h.fx.repos.internships.create(internshipOf('rec-dates', team(0), '2027-02-01', '2027-04-30'));
    await h.scheduler.internshipChanged('rec-dates');
    const first = await moments('rec-dates');
    expect(first.size).toBe(14);
    // The preparation cards went out (ten workdays before the start).
    const prepare = first.get('rec-dates:prepareArrival:1')!;
    h.clock.set(new Date(Date.parse(prepare.sendAt) + 60_000));
    await h.scheduler.sweepOnce();
    const sent = [...(await moments('rec-dates')).values()].filter((m) => m.state === 'sent');
    expect(sent.map((m) => m.kind).sort()).toEqual(['firstTimeMentor', 'prepareArrival']);

    // The school moves the internship two weeks later and a month longer.
    await editInSharePoint('rec-dates', {
      StartDate: '2027-02-15T00:00:00Z',
      EndDate: '2027-05-31T00:00:00Z',
    });
    const changed = await reconcileCount();
    const after = await moments('rec-dates');
    const internship = (await h.fx.repos.internships.getByKey('rec-dates'))!;
    const schedule = await expectedSchedule(internship, true);
    // Every moment of the new schedule is there, planned at its new date, except those already sent.
    for (const p of schedule) {
      const m = after.get(p.key);
      expect(m, p.key).toBeDefined();
      if (sent.some((s) => s.key === p.key)) {
        expect(m).toMatchObject({ state: 'sent', dueDate: first.get(p.key)!.dueDate });
      } else {
        expect(m, p.key).toMatchObject({ state: 'planned', dueDate: p.dueDate, sendAt: p.sendAt });
        expect(m!.escalateAt).toBe(p.escalateAt);
        expect(m!.digestAt).toBe(p.digestAt);
      }
    }
    expect(live(after)).toHaveLength(schedule.length);
    const added = schedule.filter((p) => !first.has(p.key));
    expect(added.length).toBeGreaterThan(0);
    for (const p of added) expect(after.get(p.key)!.log.map((l) => l.event)).toEqual(['scheduled']);
    // Moved: the planned ones whose timing changed (a few keep theirs: the two weeks' shift can bring a
    // follow-up back onto the date the same key had).
    const shouldMove = schedule.filter((p) => {
      const old = first.get(p.key);
      return (
        old && !sent.some((s) => s.key === p.key) && (old.sendAt !== p.sendAt || old.digestAt !== p.digestAt)
      );
    });
    expect(shouldMove.length).toBeGreaterThan(5);
    const moved = [...after.values()].filter((m) => m.log.some((l) => l.event === 'moved'));
    expect(moved.map((m) => m.key).sort()).toEqual(shouldMove.map((p) => p.key).sort());
    expect(changed).toBe(added.length + moved.length);
    await expectStable(['rec-dates']);
  }, 90_000);

  it('shortened: dropped planned moments are cancelled; lengthened again, they come back', async () => {
    await h.fx.repos.internships.create(internshipOf('rec-short', team(1), '2027-03-01', '2027-06-30'));
    await h.scheduler.internshipChanged('rec-short');
    const long = live(await moments('rec-short'));

    await editInSharePoint('rec-short', { EndDate: '2027-04-16T00:00:00Z' });
    await reconcileCount();
    const short = await moments('rec-short');
    const internship = (await h.fx.repos.internships.getByKey('rec-short'))!;
    const schedule = await expectedSchedule(internship, true);
    const keys = new Set(schedule.map((p) => p.key));
    const dropped = long.filter((m) => !keys.has(m.key));
    expect(dropped.length).toBeGreaterThan(0);
    for (const m of dropped)
      expect(short.get(m.key)).toMatchObject({
        state: 'cancelled',
        log: expect.arrayContaining([expect.objectContaining({ event: 'cancelled' })]) as unknown,
      });
    expect(
      live(short)
        .map((m) => [m.key, m.dueDate])
        .sort(),
    ).toEqual(schedule.map((p) => [p.key, p.dueDate]).sort());
    await expectStable(['rec-short']);

    // The end date is put back: the schedule is the first one again, under the same keys.
    await editInSharePoint('rec-short', { EndDate: '2027-06-30T00:00:00Z' });
    await reconcileCount();
    const back = await moments('rec-short');
    expect(
      live(back)
        .map((m) => [m.key, m.dueDate])
        .sort(),
    ).toEqual(long.map((m) => [m.key, m.dueDate]).sort());
    await expectStable(['rec-short']);
  }, 90_000);

  it('a new mentor who never had an intern gets the first-time mentor moment', async () => {
    // An experienced mentor: an earlier internship of theirs.
    const experienced = team(2);
    await h.fx.repos.internships.create(internshipOf('rec-earlier', experienced, '2026-09-07', '2026-12-18'));
    await h.scheduler.internshipChanged('rec-earlier');
    await h.fx.repos.internships.create(internshipOf('rec-mentor', experienced, '2027-09-06', '2027-12-17'));
    await h.scheduler.internshipChanged('rec-mentor');
    expect([...(await moments('rec-mentor')).values()].some((m) => m.kind === 'firstTimeMentor')).toBe(false);

    const newcomer = role('mentor', 3);
    expect(await h.fx.repos.internships.byMentorOrBackup(newcomer.id)).toHaveLength(0);
    const current = (await h.fx.repos.internships.getByKey('rec-mentor'))!;
    // Written through the repository: it fills the person column and the oid column, as a SharePoint edit of
    // the person field followed by the app's sync would.
    await h.fx.repos.internships.update(current, { mentor: person(newcomer) });
    expect(await reconcileCount()).toBe(1);
    const after = await moments('rec-mentor');
    const schedule = await expectedSchedule(current, true);
    expect(after.get('rec-mentor:firstTimeMentor:1')).toMatchObject({
      state: 'planned',
      dueDate: schedule.find((p) => p.kind === 'firstTimeMentor')!.dueDate,
    });
    await expectStable(['rec-mentor']);
  }, 60_000);

  async function reconcileCount(): Promise<number> {
    const n = await h.scheduler.reconcile();
    expect(n).toBeGreaterThan(0);
    return n;
  }
});
