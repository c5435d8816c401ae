/**
 * The weekly channel post "arrivals and departures" (issue #6; toolbox A3/B3: tell colleagues through internal
 * channels who arrives, with which mentor and back-up, on which topic, and who leaves). Once a week, from the send
 * time (09:00 Brussels by default) of the week's first workday, when Settings.announcements is on and a team is
 * chosen: the internships starting and ending in that week (Monday to Sunday), found with two indexed range
 * queries on StartDate and EndDate, go into one card posted by the bot in the team's channel.
 *
 * Why the bot: app-only Graph cannot post channel messages (ChannelMessage.Send is delegated only; the app-only
 * variant is for migrations), so the post goes through the Bot Connector, like every card.
 *
 * Exactly once, as the scheduler's cards (docs/scheduler.md "Exactly once"): the week's intent (a marker, also
 * embedded in the card) is written on the team's Conversations item under its ETag before the post, the activity
 * id after. A run that finds an intent without result probes the channel for the marker (Graph channel messages):
 * found → only the result is written; not found → posted now with the same marker. A lease keeps two instances
 * from running it at once. A week with nothing to announce posts nothing.
 */
import { markersInChannel } from '../graph/chat-messages';
import { randomUUID } from 'node:crypto';
import { localDateOf, localTimeOf } from '../domain/brussels-time';
import type { Clock } from '../domain/clock';
import type { Locale } from '../domain/i18n';
import type { Internship, IsoDate } from '../domain/internship';
import type { OrganisationSettings } from '../domain/records';
import { resolveScheduleRules } from '../domain/schedule';
import { belgianWorkCalendar, fromEpochDay, toEpochDay, type WorkCalendar } from '../domain/workdays';
import { announcementCard, type AnnouncementEntry } from '../bot/cards/announcement-card';
import type { CardLinks } from '../bot/cards/links';
import type { ProactiveConnector } from '../bot/runtime/bot';
import type { BotLogger } from '../bot/runtime/ports';
import { silentBotLogger } from '../bot/runtime/ports';
import type { Graph } from '../graph/client';
import { and, ge, le } from '../graph/odata';
import type { TeamChannelRef, TeamChannelsRepository } from '../graph/repositories/conversations';
import { dateLiteral } from '../graph/repositories/fields';
import type { Stored } from '../graph/repositories/list-repository';
import type { Repositories } from '../graph/repositories/repositories';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';
import { hydrateInternships } from './hydrate';
import { Lease } from './lease';

export type AnnouncementOutcome =
  /** Posted now. */
  | 'posted'
  /** An earlier run's post was found in the channel after a crash; only its result was written. */
  | 'recovered'
  | 'alreadyPosted'
  /** Before the week's first workday at the send time. */
  | 'notDue'
  | 'off'
  | 'noChannel'
  | 'nothingToAnnounce'
  /** Another instance holds the lease. */
  | 'busy'
  /** The post failed; the intent stays, the next run probes and tries again. */
  | 'failed';

export interface AnnouncementReport {
  /** Monday of the week. */
  week: IsoDate;
  outcome: AnnouncementOutcome;
  teamId?: string;
  channelId?: string;
  arrivals?: number;
  departures?: number;
  activityId?: string;
  detail?: string;
}

/** "Is the post with this marker in the channel?" — marker → message id. */
export interface ChannelProbe {
  find(
    team: Pick<TeamChannelRef, 'teamId' | 'aadGroupId' | 'channelId'>,
    markers: readonly string[],
  ): Promise<Map<string, string>>;
}

/**
 * Graph `GET /teams/{groupId}/channels/{channelId}/messages`: the newest root posts, whose card attachments carry
 * their JSON (with the marker) as a string. Permission: the resource-specific ChannelMessage.Read.Group that
 * the app holds in the teams it is installed in (or ChannelMessage.Read.All). A week's post is the bot's newest or
 * nearly so when a probe runs (minutes after the lost answer), so 50 messages are plenty.
 */
export function graphChannelProbe(graph: Graph): ChannelProbe {
  return {
    find: async (team, markers) =>
      team.aadGroupId ? markersInChannel(graph, team.aadGroupId, team.channelId, markers) : new Map(),
  };
}

// ---------- pure parts ----------

/** Monday of the week `date` is in. */
export function mondayOf(date: IsoDate): IsoDate {
  const day = toEpochDay(date);
  const sundayBased = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return fromEpochDay(day - ((sundayBased + 6) % 7));
}

export interface AnnouncementWeek {
  week: IsoDate;
  from: IsoDate;
  to: IsoDate;
  /** The week's first workday at the send time has passed (a week without workdays is never due). */
  due: boolean;
}

/**
 * The week to announce at `now` and whether it is due: from the send time of the week's first workday (Monday,
 * or Tuesday after Easter Monday) until the week ends, so a server that was down on Monday still posts that week.
 */
export function announcementWeek(
  now: Date,
  rules: { sendTime: string; timeZone: string },
  calendar: WorkCalendar,
): AnnouncementWeek {
  const at = now.toISOString();
  const today = localDateOf(at, rules.timeZone);
  const week = mondayOf(today);
  const to = fromEpochDay(toEpochDay(week) + 6);
  const first = calendar.nextWorkdayOnOrAfter(week);
  const due =
    first <= to && (today > first || (today === first && localTimeOf(at, rules.timeZone) >= rules.sendTime));
  return { week, from: week, to, due };
}

/**
 * The team whose channel gets the post: the chosen one (if the app is still installed there); without a choice
 * the only team the app is installed in; none when the coordinator chose none.
 */
export function chooseTeam<T extends Pick<TeamChannelRef, 'teamId' | 'installed'>>(
  settings: Pick<OrganisationSettings, 'announcementTeamId'>,
  teams: readonly T[],
): T | undefined {
  const installed = teams.filter((t) => t.installed);
  if (settings.announcementTeamId === null) return undefined;
  if (settings.announcementTeamId !== undefined)
    return installed.find((t) => t.teamId === settings.announcementTeamId);
  return installed.length === 1 ? installed[0] : undefined;
}

const inWeek = (d: string, from: IsoDate, to: IsoDate) => d >= from && d <= to;

/** Arrivals: accepted internships that start in the week. Departures: running ones that end in it. */
export function arrivalsAndDepartures(
  starting: readonly Internship[],
  ending: readonly Internship[],
  from: IsoDate,
  to: IsoDate,
): { arrivals: Internship[]; departures: Internship[] } {
  const arrivals = starting.filter(
    (i) =>
      inWeek(i.startDate, from, to) &&
      i.decision !== 'refused' &&
      (i.phase === 'execution' ||
        i.phase === 'evaluation' ||
        (i.phase === 'decision' && i.decision === 'accepted')),
  );
  const departures = ending.filter(
    (i) =>
      inWeek(i.endDate, from, to) &&
      (i.phase === 'execution' || i.phase === 'evaluation' || i.phase === 'closed'),
  );
  return { arrivals, departures };
}

export function serviceName(
  s: Pick<OrganisationSettings, 'services' | 'defaultLanguage'>,
  key: string,
  locale: Locale,
) {
  const svc = s.services.find((x) => x.key === key);
  return svc?.name[locale] ?? svc?.name[s.defaultLanguage] ?? svc?.name.en ?? key;
}

/** What the card may know of an internship; the card itself drops name and topic without consent. */
export const announcementEntry = (
  i: Internship,
  settings: Pick<OrganisationSettings, 'services' | 'defaultLanguage'>,
  locale: Locale,
): AnnouncementEntry => ({
  internshipId: i.key,
  consented: i.overviewConsent === true,
  internName: i.intern.displayName,
  serviceName: serviceName(settings, i.service, locale),
  topic: i.topic,
  startDate: i.startDate,
  endDate: i.endDate,
  ...(i.mentor?.displayName ? { mentorName: i.mentor.displayName } : {}),
  ...(i.backup?.displayName ? { backupName: i.backup.displayName } : {}),
});

export const announcementMarker = (week: IsoDate, nonce: string, channelId: string): string =>
  `announcement:${week}~send~${nonce}|${channelId}`;

// ---------- the job ----------

export interface AnnouncementsDeps {
  repos: Repositories;
  teams: TeamChannelsRepository;
  connector: Pick<ProactiveConnector, 'sendCard'>;
  probe: ChannelProbe;
  clock: Clock;
  links: CardLinks;
  /** Stable per instance (see the scheduler's lease). */
  instanceId: string;
  calendar?: WorkCalendar;
  leaseTtlMs?: number;
  logger?: BotLogger;
}

export interface Announcements {
  /** Posts this week's announcement if it is due and not posted yet; cheap when there is nothing to do. */
  run(now?: Date): Promise<AnnouncementReport>;
}

export function createAnnouncements(deps: AnnouncementsDeps): Announcements {
  const { repos, teams, clock } = deps;
  const log = deps.logger ?? silentBotLogger;
  const calendar = deps.calendar ?? belgianWorkCalendar();
  const lease = new Lease(repos.ctx, 'announcements', deps.instanceId, deps.leaseTtlMs ?? 120_000, () =>
    clock.now(),
  );
  // Weeks this process finished (posted, or nothing to announce when it was due): later ticks of the same week
  // then cost no request. A restart forgets it; the stored record (or a fresh look) decides again.
  const finished = new Set<string>();

  async function save(
    team: Stored<TeamChannelRef>,
    patch: Partial<TeamChannelRef>,
  ): Promise<Stored<TeamChannelRef> | 'conflict'> {
    try {
      return await teams.save(team, patch);
    } catch (e) {
      if (e instanceof RepositoryConflictError) return 'conflict';
      throw e;
    }
  }

  /** Writes the result on the current version of the team item (another write may have come in between). */
  async function confirm(
    team: Stored<TeamChannelRef>,
    posted: { activityId: string; channelId: string },
    at: string,
  ) {
    const { activityId } = posted;
    let current: Stored<TeamChannelRef> | undefined = team;
    for (let attempt = 0; attempt < 4 && current?.announcement; attempt++) {
      const saved = await save(current, {
        announcement: { ...current.announcement, ...posted, postedAt: at },
      });
      if (saved !== 'conflict') return;
      current = await teams.byTeam(team.teamId);
    }
    log.warn('announcement posted but its result could not be written', { team: team.teamId, activityId });
  }

  async function run(now: Date = clock.now()): Promise<AnnouncementReport> {
    const localDay = localDateOf(now.toISOString());
    if (finished.has(mondayOf(localDay))) return { week: mondayOf(localDay), outcome: 'alreadyPosted' };
    const settings = (await repos.settings.read()).settings;
    const rules = resolveScheduleRules(settings.scheduleRules);
    const w = announcementWeek(now, rules, calendar);
    const base = { week: w.week };
    if (!w.due) return { ...base, outcome: 'notDue' };
    if (!settings.announcements) return { ...base, outcome: 'off' };
    const chosen = chooseTeam(settings, await teams.teams());
    if (!chosen) return { ...base, outcome: 'noChannel' };
    if (!(await lease.acquire())) return { ...base, outcome: 'busy' };
    try {
      return await announce(settings, w, chosen, now);
    } finally {
      await lease.release();
    }
  }

  async function announce(
    settings: OrganisationSettings,
    w: AnnouncementWeek,
    found: Stored<TeamChannelRef>,
    now: Date,
  ): Promise<AnnouncementReport> {
    // Re-read under the lease: the version read before it may be older than what the last holder wrote.
    let team = (await teams.byTeam(found.teamId)) ?? found;
    const where = { teamId: team.teamId, channelId: team.channelId };
    const base = { week: w.week, ...where };
    let marker: string | undefined;
    const record = team.announcement?.week === w.week ? team.announcement : undefined;
    if (record?.activityId) {
      finished.add(w.week);
      return { ...base, outcome: 'alreadyPosted', activityId: record.activityId };
    }
    if (record) {
      // In doubt: an earlier run wrote the intent and stopped (crash, lost answer, failure) before the result.
      const landed = (await deps.probe.find({ ...team, channelId: record.channelId }, [record.marker])).get(
        record.marker,
      );
      if (landed !== undefined) {
        await confirm(team, { activityId: landed, channelId: record.channelId }, now.toISOString());
        finished.add(w.week);
        return { ...base, outcome: 'recovered', activityId: landed };
      }
      marker = record.marker;
    }

    const [starting, ending] = await Promise.all([
      repos.internships.query(
        and(ge('fields/StartDate', dateLiteral(w.from)), le('fields/StartDate', dateLiteral(w.to))),
      ),
      repos.internships.query(
        and(ge('fields/EndDate', dateLiteral(w.from)), le('fields/EndDate', dateLiteral(w.to))),
      ),
    ]);
    const picked = arrivalsAndDepartures(starting, ending, w.from, w.to);
    const counts = { arrivals: picked.arrivals.length, departures: picked.departures.length };
    if (counts.arrivals + counts.departures === 0) {
      finished.add(w.week);
      return { ...base, ...counts, outcome: 'nothingToAnnounce' };
    }
    const [arrivals, departures] = await Promise.all([
      hydrateInternships(repos.ctx.people, picked.arrivals),
      hydrateInternships(repos.ctx.people, picked.departures),
    ]);
    const locale = settings.defaultLanguage;
    const card = announcementCard(
      {
        from: w.from,
        to: w.to,
        arrivals: arrivals.map((i) => announcementEntry(i, settings, locale)),
        departures: departures.map((i) => announcementEntry(i, settings, locale)),
      },
      { locale, links: deps.links },
    );

    if (!marker) {
      // 1. The intent, before anything is posted.
      marker = announcementMarker(w.week, randomUUID().slice(0, 8), team.channelId);
      const saved = await save(team, {
        announcement: { week: w.week, marker, channelId: team.channelId },
      });
      if (saved === 'conflict')
        return { ...base, outcome: 'busy', detail: 'the team item changed meanwhile' };
      team = saved;
    }
    // 2. The post (Bot Connector: new thread in the channel), the marker embedded in the card.
    let activityId: string;
    try {
      activityId = (await deps.connector.sendCard(team.channelId, card, marker)).activityId;
    } catch (e) {
      log.error('announcement not posted', { team: team.teamId, error: String(e) });
      return { ...base, ...counts, outcome: 'failed', detail: String(e).slice(0, 300) };
    }
    // 3. The result.
    await confirm(team, { activityId, channelId: team.channelId }, clock.now().toISOString());
    finished.add(w.week);
    log.info('announcement posted', { ...base, ...counts, activityId });
    return { ...base, ...counts, outcome: 'posted', activityId };
  }

  return { run };
}
