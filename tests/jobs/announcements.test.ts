/**
 * The weekly "arrivals and departures" channel post (issue #6), end to end with a fake clock: the emulator plays
 * Teams (a team "Stages", the Bot Connector, Graph channel messages), the bot on the real Teams SDK learns the team
 * when the app is added to it, and the job posts once per week in the organisation's language, with interns who
 * did not consent anonymised — also across a second run, a crash between intent and result, and two instances.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKER_PROPERTY, type ProactiveConnector } from '../../src/bot/runtime/bot';
import type { Internship } from '../../src/domain/internship';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { DEFAULT_TEAM, threadId } from '../../src/emulator/bot-connector/store';
import {
  announcementWeek,
  chooseTeam,
  createAnnouncements,
  graphChannelProbe,
  mondayOf,
} from '../../src/jobs/announcements';
import { belgianWorkCalendar } from '../../src/domain/workdays';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { axeViolations, launchChromium } from '../e2e/support/browser';
import { demoUser, signIn, startStack } from '../e2e/support/stack';
import { apiAs, type ApiCaller } from '../server/policy-support';
import { admin, appToken, raw } from '../emulator/support';
import { internshipOf, links, startBotHarness, type BotHarness } from './support';

const TEAM_ID = threadId(`team|${DEFAULT_TEAM.name}`);
const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;
const intern = (n: number) => role('intern', n);
/** Brussels is UTC+1 in winter, UTC+2 from the last Sunday of March. */
const brussels = (date: string, time: string) => {
  const offset = date >= '2027-03-28' ? '+02:00' : '+01:00';
  return new Date(`${date}T${time}:00${offset}`);
};

interface ChannelPost {
  id: string;
  marker?: string;
  card: Record<string, unknown>;
}

describe('the weekly arrivals-and-departures post in a team channel', () => {
  let h: BotHarness;
  let browser: Browser | undefined;
  let stagemap: Server;

  beforeAll(async () => {
    h = await startBotHarness('2027-02-22T08:00:00.000Z');
    // The organisation writes in French: the post is in its default language, whoever reads the channel.
    const { settings } = await h.fx.repos.settings.read();
    const { etag: _e, itemId: _i, ...rest } = settings;
    await h.fx.repos.settings.write({ ...rest, announcements: true, defaultLanguage: 'fr' }, settings);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    if (stagemap) await new Promise((r) => stagemap.close(r));
    await h?.close();
  });

  async function postsIn(channelId = TEAM_ID): Promise<ChannelPost[]> {
    const r = await admin(h.fx.emu, 'GET', `/bot/channels?channel=${encodeURIComponent(channelId)}`);
    const activities = (
      r.json.value as {
        activities: { id: string; attachments?: { content?: Record<string, unknown> }[] }[];
      }[]
    )[0]!.activities;
    return activities.flatMap((a) =>
      (a.attachments ?? []).map((att) => ({
        id: a.id,
        marker: att.content?.[MARKER_PROPERTY] as string | undefined,
        card: att.content ?? {},
      })),
    );
  }
  const postsOfWeek = async (week: string) =>
    (await postsIn()).filter((p) => p.marker?.startsWith(`announcement:${week}~`));

  /** A fresh job: what a restarted (or another) instance runs, with no memory of earlier runs. */
  const job = (connector: Pick<ProactiveConnector, 'sendCard'> = h.bot.connector, instanceId = 'test') =>
    createAnnouncements({
      repos: h.fx.repos,
      teams: h.jobs.teams,
      connector,
      probe: graphChannelProbe(h.fx.graph),
      clock: h.clock,
      links,
      instanceId,
    });

  const create = (
    key: string,
    n: number,
    start: string,
    end: string,
    extra: Partial<Internship> = {},
  ): Promise<unknown> =>
    h.fx.repos.internships.create({
      ...internshipOf(
        key,
        {
          intern: intern(n),
          mentor: role('mentor', n % 8),
          backup: role('backup', n % 6),
          coordinator: role('coordinator'),
        },
        start,
        end,
      ),
      topic: `Sujet ${key}`,
      ...extra,
    });

  it('chooses the week, its first workday after 09:00, and the team (pure rules)', () => {
    const cal = belgianWorkCalendar();
    const rules = { sendTime: '09:00', timeZone: 'Europe/Brussels' };
    expect(mondayOf('2027-03-04')).toBe('2027-03-01');
    expect(mondayOf('2027-03-07')).toBe('2027-03-01');
    expect(announcementWeek(brussels('2027-03-01', '08:59'), rules, cal).due).toBe(false);
    expect(announcementWeek(brussels('2027-03-01', '09:00'), rules, cal)).toEqual({
      week: '2027-03-01',
      from: '2027-03-01',
      to: '2027-03-07',
      due: true,
    });
    // Easter Monday 2027-03-29 is a holiday: the week's post waits for Tuesday 09:00.
    expect(announcementWeek(brussels('2027-03-29', '10:00'), rules, cal).due).toBe(false);
    expect(announcementWeek(brussels('2027-03-30', '09:05'), rules, cal).due).toBe(true);
    const a = { teamId: 'a', installed: true };
    const b = { teamId: 'b', installed: true };
    expect(chooseTeam({}, [a])).toBe(a);
    expect(chooseTeam({}, [a, b])).toBeUndefined();
    expect(chooseTeam({ announcementTeamId: 'b' }, [a, b])).toBe(b);
    expect(chooseTeam({ announcementTeamId: null }, [a])).toBeUndefined();
    expect(chooseTeam({ announcementTeamId: 'b' }, [a, { ...b, installed: false }])).toBeUndefined();
  });

  it('learns the team when the app is added to it; the installer’s own chat reference stays untouched', async () => {
    h.clock.set(brussels('2027-02-22', '09:30'));
    expect((await job().run()).outcome).toBe('noChannel');
    const installer = role('coordinator');
    const before = await h.jobs.conversations.byUser(installer.id);
    const r = await admin(h.fx.emu, 'PUT', `/teams/teams/${encodeURIComponent(TEAM_ID)}/installation`, {
      state: 'installed',
      userId: installer.id,
    });
    expect(r.status).toBe(200);
    const teams = await h.jobs.teams.teams();
    expect(teams).toHaveLength(1);
    expect(teams[0]).toMatchObject({
      teamId: TEAM_ID,
      teamName: 'Stages',
      channelId: TEAM_ID,
      installed: true,
      serviceUrl: h.fx.emu.url,
    });
    expect(teams[0]!.aadGroupId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await h.jobs.conversations.byUser(installer.id)).toEqual(before);
  });

  it('refuses channel posts where the app is not installed, and serves posts through Graph only with RSC', async () => {
    const created = await admin(h.fx.emu, 'POST', '/teams/teams', {
      displayName: 'Autre équipe',
      channels: [],
    });
    expect(created.status).toBe(201);
    const other = created.json as { id: string; aadGroupId: string };
    const refused = await h.bot.connector
      .sendCard(other.id, { type: 'AdaptiveCard' } as never, 'x')
      .catch((e: unknown) => e as { status?: number; code?: string });
    expect(refused).toMatchObject({ status: 403, code: 'BotNotInConversationRoster' });
    const token = await appToken(h.fx.emu);
    const denied = await raw(
      h.fx.emu,
      'GET',
      `/v1.0/teams/${other.aadGroupId}/channels/${encodeURIComponent(other.id)}/messages`,
      token,
    );
    expect(denied.status).toBe(403);
    // The thread id is not a Graph team id.
    const byThread = await raw(
      h.fx.emu,
      'GET',
      `/v1.0/teams/${encodeURIComponent(TEAM_ID)}/channels/${encodeURIComponent(TEAM_ID)}/messages`,
      token,
    );
    expect(byThread.status).toBe(404);
  });

  it('on: posts once per week, in French, naming only the interns who consented', async () => {
    await create('ann-a', 0, '2027-03-01', '2027-05-28', { overviewConsent: true });
    await create('ann-b', 1, '2027-03-03', '2027-04-30', { phase: 'decision', decision: 'accepted' });
    await create('ann-c', 2, '2027-03-02', '2027-04-30', { phase: 'decision', decision: 'refused' });
    await create('ann-d', 3, '2027-03-03', '2027-04-30', { phase: 'stopped', stoppedBy: 'intern' });
    await create('ann-e', 4, '2027-03-08', '2027-05-28', { overviewConsent: true });
    await create('ann-f', 5, '2026-12-01', '2027-03-05', { overviewConsent: true });
    await create('ann-g', 6, '2026-11-02', '2027-03-04', { phase: 'evaluation' });

    h.clock.set(brussels('2027-03-01', '08:30'));
    const j = job();
    expect((await j.run()).outcome).toBe('notDue');
    h.clock.set(brussels('2027-03-01', '09:10'));
    const report = await j.run();
    expect(report).toMatchObject({ week: '2027-03-01', outcome: 'posted', arrivals: 2, departures: 2 });

    const posts = await postsOfWeek('2027-03-01');
    expect(posts).toHaveLength(1);
    const json = JSON.stringify(posts[0]!.card);
    expect(json).toContain('Arrivées et départs des stagiaires');
    expect(json).toContain(intern(0).displayName);
    expect(json).toContain('Sujet ann-a');
    expect(json).toContain(intern(5).displayName);
    // Without consent: neither the name nor the topic, "Un stagiaire" instead; mentor and dates still there.
    for (const n of [1, 6]) expect(json).not.toContain(intern(n).displayName);
    expect(json).not.toContain('Sujet ann-b');
    expect(json).not.toContain('Sujet ann-g');
    expect(json.match(/Un stagiaire/g)).toHaveLength(2);
    expect(json).toContain(role('mentor', 1).displayName);
    // Refused, stopped and next week's internships are not in it.
    for (const n of [2, 3, 4]) expect(json).not.toContain(intern(n).displayName);
    expect((await h.jobs.teams.byTeam(TEAM_ID))!.announcement).toMatchObject({
      week: '2027-03-01',
      activityId: posts[0]!.id,
      channelId: TEAM_ID,
    });
  });

  it('twice, or after a restart, or later in the week: still one post', async () => {
    h.clock.set(brussels('2027-03-01', '09:20'));
    const again = await job().run();
    expect(again.outcome).toBe('alreadyPosted');
    h.clock.set(brussels('2027-03-04', '15:00'));
    expect((await job().run()).outcome).toBe('alreadyPosted');
    expect((await h.scheduler.announce()).outcome).toBe('alreadyPosted');
    expect(await postsOfWeek('2027-03-01')).toHaveLength(1);
  });

  it('a crash after the post, before its result: the restart finds the post and does not post again', async () => {
    h.clock.set(brussels('2027-03-08', '09:01'));
    const dying: Pick<ProactiveConnector, 'sendCard'> = {
      async sendCard(conversationId, card, marker) {
        await h.bot.connector.sendCard(conversationId, card, marker);
        throw new Error('process killed before the result was written');
      },
    };
    expect((await job(dying).run()).outcome).toBe('failed');
    const intent = (await h.jobs.teams.byTeam(TEAM_ID))!.announcement!;
    expect(intent).toMatchObject({ week: '2027-03-08' });
    expect(intent.activityId).toBeUndefined();
    expect(await postsOfWeek('2027-03-08')).toHaveLength(1);

    const restarted = await job().run();
    expect(restarted.outcome).toBe('recovered');
    const posts = await postsOfWeek('2027-03-08');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.marker).toBe(intent.marker);
    expect((await h.jobs.teams.byTeam(TEAM_ID))!.announcement).toMatchObject({
      marker: intent.marker,
      activityId: posts[0]!.id,
    });
    expect((await job().run()).outcome).toBe('alreadyPosted');
  });

  it('a crash after the intent, before the post: the restart posts it, once, with the same marker', async () => {
    await create('ann-h', 7, '2027-03-17', '2027-06-30');
    h.clock.set(brussels('2027-03-15', '09:01'));
    const dead: Pick<ProactiveConnector, 'sendCard'> = {
      sendCard: () => Promise.reject(new Error('process killed before the post')),
    };
    expect((await job(dead).run()).outcome).toBe('failed');
    const intent = (await h.jobs.teams.byTeam(TEAM_ID))!.announcement!;
    expect(await postsOfWeek('2027-03-15')).toHaveLength(0);
    expect((await job().run()).outcome).toBe('posted');
    const posts = await postsOfWeek('2027-03-15');
    expect(posts.map((p) => p.marker)).toEqual([intent.marker]);
  });

  it('two instances at once: one post', async () => {
    await create('ann-i', 8, '2027-03-24', '2027-06-30', { overviewConsent: true });
    h.clock.set(brussels('2027-03-22', '09:01'));
    const reports = await Promise.all([job(h.bot.connector, 'one').run(), job(h.bot.connector, 'two').run()]);
    expect(reports.map((r) => r.outcome).sort()).toEqual(['busy', 'posted']);
    expect(await postsOfWeek('2027-03-22')).toHaveLength(1);
  });

  it('the scheduler’s tick posts after Easter Monday, from Tuesday 09:00', async () => {
    await create('ann-j', 9, '2027-03-30', '2027-06-30');
    h.clock.set(brussels('2027-03-29', '10:00'));
    expect((await h.scheduler.announce()).outcome).toBe('notDue');
    h.clock.set(brussels('2027-03-30', '09:02'));
    h.scheduler.start(3_600_000);
    await h.scheduler.stop();
    expect(await postsOfWeek('2027-03-29')).toHaveLength(1);
  });

  it('off, or nothing to announce: no post', async () => {
    await create('ann-k', 0, '2027-04-14', '2027-06-30', { overviewConsent: true });
    const { settings } = await h.fx.repos.settings.read();
    const { etag: _e, itemId: _i, ...rest } = settings;
    await h.fx.repos.settings.write({ ...rest, announcements: false }, settings);
    h.clock.set(brussels('2027-04-12', '09:30'));
    expect((await job().run()).outcome).toBe('off');
    expect(await postsOfWeek('2027-04-12')).toHaveLength(0);

    const now = await h.fx.repos.settings.read();
    const { etag: _e2, itemId: _i2, ...on } = now.settings;
    await h.fx.repos.settings.write({ ...on, announcements: true }, now.settings);
    h.clock.set(brussels('2027-04-05', '09:30'));
    expect((await job().run()).outcome).toBe('nothingToAnnounce');
    expect(await postsOfWeek('2027-04-05')).toHaveLength(0);
  });

  it('the coordinator’s choice of team wins; none means none', async () => {
    const { settings } = await h.fx.repos.settings.read();
    const { etag: _e, itemId: _i, ...rest } = settings;
    await h.fx.repos.settings.write({ ...rest, announcementTeamId: null }, settings);
    h.clock.set(brussels('2027-04-12', '09:30'));
    expect((await job().run()).outcome).toBe('noChannel');
    const now = await h.fx.repos.settings.read();
    const { etag: _e2, itemId: _i2, ...next } = now.settings;
    await h.fx.repos.settings.write({ ...next, announcementTeamId: TEAM_ID }, now.settings);
    expect((await job().run()).outcome).toBe('posted');
    expect(await postsOfWeek('2027-04-12')).toHaveLength(1);
  });

  it('the local Teams page shows the channel with the post rendered, accessible, and posts on demand', async () => {
    // A stand-in for Stagemap's /dev/announce, which the page's button reaches through the emulator's relay.
    stagemap = createServer((req, res) => {
      if (req.method !== 'POST' || req.url !== '/dev/announce') return res.writeHead(404).end();
      void h.scheduler
        .announce()
        .then((r) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(r)));
    });
    await new Promise<void>((r) => stagemap.listen(0, '127.0.0.1', r));
    await admin(h.fx.emu, 'PUT', '/bot', {
      stagemapUrl: `http://127.0.0.1:${(stagemap.address() as AddressInfo).port}`,
    });
    browser = await launchChromium();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${h.fx.emu.url}/_emulator/teams`);
    await page.getByRole('link', { name: 'Team: Stages — General' }).click();
    await page.getByRole('heading', { name: 'Team: Stages — General' }).waitFor();
    await page.getByText('Arrivées et départs des stagiaires').first().waitFor();
    await page.waitForFunction(() => document.getElementById('clock-now')?.textContent !== '…');
    expect(await axeViolations(page)).toEqual([]);

    const before = (await postsIn()).length;
    await page.getByRole('button', { name: 'Post the weekly announcement now' }).click();
    await page.getByText('Stagemap answered HTTP 200: alreadyPosted.').waitFor();
    expect((await postsIn()).length).toBe(before);
    await page.close();
  }, 60_000);

  it('removing the app from the team stops the posts; adding it again in another channel moves them', async () => {
    const path = `/teams/teams/${encodeURIComponent(TEAM_ID)}/installation`;
    await admin(h.fx.emu, 'PUT', path, { state: 'notInstalled' });
    const removed = (await h.jobs.teams.byTeam(TEAM_ID))!;
    expect(removed).toMatchObject({ installed: false, channelId: TEAM_ID });
    expect(removed.announcement?.week).toBe('2027-04-12');
    h.clock.set(brussels('2027-04-19', '09:30'));
    expect((await job().run()).outcome).toBe('noChannel');

    const news = threadId(`channel|${DEFAULT_TEAM.name}|${DEFAULT_TEAM.channels[0]}`);
    await admin(h.fx.emu, 'PUT', path, { state: 'installed', channelId: news });
    expect(await h.jobs.teams.byTeam(TEAM_ID)).toMatchObject({
      installed: true,
      channelId: news,
      channelName: DEFAULT_TEAM.channels[0],
      teamName: 'Stages',
    });
    await create('ann-l', 1, '2027-04-20', '2027-06-30');
    expect((await job().run()).outcome).toBe('posted');
    expect((await postsIn(news)).map((p) => p.marker)).toEqual([
      expect.stringMatching(/^announcement:2027-04-19~send~/),
    ]);
  });
});

describe('the whole local stack: the server’s bot, the Settings API and the emulator’s “post now”', () => {
  let stack: LocalStack;
  let coordinator: ApiCaller;
  let mentor: ApiCaller;
  beforeAll(async () => {
    stack = await startStack();
    [coordinator, mentor] = await Promise.all([
      apiAs(stack, demoUser('coordinator')),
      apiAs(stack, demoUser('mentor')),
    ]);
  }, 180_000);
  afterAll(() => stack?.close());

  it('lists the team the app was added to, validates the choice, and posts through /dev/announce', async () => {
    const emu = stack.emulator;
    // Picking the interns' news channel at installation: the posts go there, not to General.
    const team = (
      (await admin(emu, 'GET', '/teams/teams')).json.value as {
        id: string;
        channels: { id: string; displayName: string }[];
      }[]
    )[0]!;
    const news = team.channels.find((c) => c.displayName !== 'General')!;
    await admin(emu, 'PUT', `/teams/teams/${encodeURIComponent(team.id)}/installation`, {
      state: 'installed',
      channelId: news.id,
      userId: demoUser('coordinator').id,
    });

    const s = await (await coordinator('GET', '/settings')).json();
    expect(s.announcementTeamId).toBeUndefined();
    expect(s.announcementTeams).toEqual([
      { teamId: team.id, teamName: 'Stages', channelName: news.displayName, general: false, installed: true },
    ]);
    expect((await mentor('GET', '/settings')).status).toBe(403);

    const body = {
      scheduleRules: s.scheduleRules,
      checklistOverrides: s.checklistOverrides,
      customChecklistItems: s.customChecklistItems,
      retentionMonths: s.retentionMonths,
      announcements: true,
    };
    const unknown = await coordinator('PUT', '/settings', {
      body: { ...body, announcementTeamId: '19:nope@thread.tacv2' },
      ifMatch: s.etag,
      locale: 'fr',
    });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.fields).toEqual([
      {
        path: 'announcementTeamId',
        message: "Stagemap n'a pas été ajouté à cette équipe. Choisissez une équipe de la liste.",
      },
    ]);
    const wrongType = await coordinator('PUT', '/settings', {
      body: { ...body, announcementTeamId: 42 },
      ifMatch: s.etag,
    });
    expect(wrongType.status).toBe(400);
    const saved = await coordinator('PUT', '/settings', {
      body: { ...body, announcementTeamId: team.id },
      ifMatch: s.etag,
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).announcementTeamId).toBe(team.id);

    // An arrival next Monday (2026-11-30), and the clock there at 09:30 Brussels.
    await stack.stagemap.deps.repos.internships.create(
      internshipOf(
        'stack-arrival',
        {
          intern: intern(0),
          mentor: role('mentor'),
          backup: role('backup'),
          coordinator: role('coordinator'),
        },
        '2026-11-30',
        '2027-02-26',
      ),
    );
    await admin(emu, 'PUT', '/clock', { now: '2026-11-30T08:30:00.000Z' });
    const first = await admin(emu, 'POST', '/teams/announce');
    expect(first.status).toBe(200);
    expect(JSON.parse(first.json.body as string)).toMatchObject({ week: '2026-11-30', outcome: 'posted' });
    const second = await admin(emu, 'POST', '/teams/announce');
    expect(JSON.parse(second.json.body as string)).toMatchObject({ outcome: 'alreadyPosted' });
    const channel = await admin(emu, 'GET', `/bot/channels?channel=${encodeURIComponent(news.id)}`);
    const posts = (channel.json.value as { activities: unknown[] }[])[0]!.activities;
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0])).toContain('Stagiairs die komen en gaan');
    const general = await admin(emu, 'GET', `/bot/channels?channel=${encodeURIComponent(team.id)}`);
    expect((general.json.value as { activities: unknown[] }[])[0]!.activities).toHaveLength(0);
    // Back to real time: sign-in tokens are checked against the real clock.
    await admin(emu, 'DELETE', '/clock');
  }, 120_000);

  it('the Settings screen offers the team’s channel next to the toggle, by keyboard, accessible in every theme', async () => {
    const browser = await launchChromium();
    try {
      const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=fr');
      await page.goto(`${stack.stagemap.url}/tab/settings?lang=fr`);
      const select = page.getByLabel('Canal Teams pour le message hebdomadaire');
      await select.waitFor();
      expect(await select.locator('option').allTextContents()).toEqual([
        'Aucun canal',
        'Stages — Nieuws stagiairs',
      ]);
      expect(await select.inputValue()).not.toBe('');
      // Keyboard only: focus the list, choose "none", save.
      await select.focus();
      await page.keyboard.press('Home');
      expect(await select.inputValue()).toBe('');
      await page.getByRole('button', { name: 'Enregistrer' }).click();
      await page.getByText('Enregistré.').waitFor();
      expect((await stack.stagemap.deps.repos.settings.read()).settings.announcementTeamId).toBeNull();
      for (const theme of ['light', 'dark', 'contrast'] as const) {
        await page.getByLabel(/^(Theme|Thema|Thème|Design)$/).selectOption(theme);
        await page.waitForSelector(`[data-theme="${theme}"]`);
        expect(await axeViolations(page), theme).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
