/**
 * The scheduler (BRIEF "Moments and cards"): one sweep finds what is due through the indexed Moments list — never
 * by scanning internships — and sends cards, escalates to back-ups, and sends each coordinator one digest a day.
 * Every state lives in SharePoint: a sweep can stop at any point (crash, deploy, lost lease) and the next one,
 * on any instance, finishes the work with each card delivered exactly once (docs/scheduler.md).
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../domain/clock';
import { localDateOf, localTimeOf } from '../domain/brussels-time';
import type { Locale } from '../domain/i18n';
import type { Internship, PersonRef, Role } from '../domain/internship';
import type { DeliveryLogEntry, Moment, MomentState } from '../domain/records';
import { MOMENT_RECIPIENTS, resolveScheduleRules, type ScheduleRules } from '../domain/schedule';
import { belgianWorkCalendar, type WorkCalendar } from '../domain/workdays';
import { momentTitle } from '../bot/cards/card-shell';
import { digestCard, type DigestEntry } from '../bot/cards/digest-card';
import { formatDate, interpolate } from '../bot/cards/format';
import type { CardLinks } from '../bot/cards/links';
import { openCard } from '../bot/cards/moment-card';
import { cardInput } from '../bot/runtime/card-input';
import type { BotLogger, MomentView } from '../bot/runtime/ports';
import { silentBotLogger } from '../bot/runtime/ports';
import { RUNTIME_TEXTS } from '../bot/runtime/texts';
import { outOfOfficeOn, type Mailboxes } from '../graph/mailbox';
import type { ConversationRef, ConversationsRepository } from '../graph/repositories/conversations';
import type { Stored } from '../graph/repositories/list-repository';
import { mapPool } from '../graph/repositories/pool';
import type { Repositories } from '../graph/repositories/repositories';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';
import type { AnnouncementReport, Announcements } from './announcements';
import type { Delivery, DeliveryResult } from './delivery';
import { hydrateInternships } from './hydrate';
import {
  decodePending,
  deliveredMarkers,
  digestMarker,
  encodePending,
  markerFor,
  PENDING_MAX_CHARS,
  pendingId,
  type IntentPhase,
  type IntentTarget,
  type PendingMoment,
} from './intents';
import { Lease } from './lease';
import { recomputeInternship, type RecomputeResult } from './recompute';
import { purgeExpired, type PurgeReport } from './retention';

export interface SchedulerDeps {
  repos: Repositories;
  conversations: ConversationsRepository;
  delivery: Delivery;
  mailboxes: Mailboxes;
  clock: Clock;
  links: CardLinks;
  /** Stable per instance (host name, pod name): a restarted instance takes its own lease back at once. */
  instanceId: string;
  tenantId: string;
  calendar?: WorkCalendar;
  leaseTtlMs?: number;
  /** Moments per round of intent writes, sends and result writes (a multiple of 20: $batch). */
  chunkSize?: number;
  /** Cards in flight at once. */
  concurrency?: number;
  logger?: BotLogger;
  /** The weekly arrivals-and-departures channel post (src/jobs/announcements.ts), run by `start()`'s tick. */
  announcements?: Announcements;
}

export interface SweepReport {
  skipped?: 'lease';
  due: number;
  sent: number;
  mailed: number;
  failed: number;
  escalated: number;
  cancelled: number;
  recovered: number;
  digests: number;
}

type StoredMoment = Stored<Moment>;

interface Change {
  m: StoredMoment;
  entries: DeliveryLogEntry[];
  to?: MomentState;
  /** The state change applies only from these states; other changes (log lines) always apply. */
  from?: readonly MomentState[];
  /** Drop the whole change when the moment is no longer in `from` (an intent for an answered moment). */
  onlyFrom?: boolean;
  recipientOids?: string[];
  countAttempt?: boolean;
  /** Counted in the report as cancelled when written. */
  cancels?: boolean;
}

/** A moment of a round and its cards for this attempt (`done`: markers with a result line). */
interface Work {
  m: StoredMoment;
  phase: IntentPhase;
  targets: IntentTarget[];
  done: Set<string>;
  inDoubt: boolean;
}

/** What every round of one sweep shares. */
interface SweepState {
  internships: Map<string, Internship>;
  coordinatorOids: readonly string[];
  away: (oid: string, day: string) => boolean;
  /** Cards of the lease's pending record not settled yet (the previous holder's, then this sweep's failures). */
  carried: Map<string, PendingMoment>;
  report: SweepReport;
}

const emptyReport = (): SweepReport => ({
  due: 0,
  sent: 0,
  mailed: 0,
  failed: 0,
  escalated: 0,
  cancelled: 0,
  recovered: 0,
  digests: 0,
});

export interface Scheduler {
  sweepOnce(now?: Date): Promise<SweepReport>;
  /** Recompute one internship's moments after its dates, mentor or back-up changed (or it was stopped). */
  internshipChanged(internshipKey: string): Promise<RecomputeResult>;
  /** Periodic reconciliation: recompute every running internship. */
  reconcile(): Promise<number>;
  purge(now?: Date): Promise<PurgeReport>;
  /** Posts the week's arrivals and departures in the chosen team channel when due (once per week). */
  announce(now?: Date): Promise<AnnouncementReport>;
  /** Sweeps every `intervalMs` (and reconciles/purges once a day); returns at once. */
  start(intervalMs?: number): void;
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { repos, conversations, delivery, mailboxes, clock, links } = deps;
  const log = deps.logger ?? silentBotLogger;
  const calendar = deps.calendar ?? belgianWorkCalendar();
  const chunkSize = deps.chunkSize ?? 100;
  const concurrency = deps.concurrency ?? 8;
  const lease = new Lease(repos.ctx, 'scheduler', deps.instanceId, deps.leaseTtlMs ?? 120_000, () =>
    clock.now(),
  );
  const nonce = () => randomUUID().slice(0, 8);
  // A send starts only with a third of the lease still ahead: far longer than one connector request.
  const leaseMarginMs = (deps.leaseTtlMs ?? 120_000) / 3;

  // ---------- writes ----------

  const patchFor = (c: Change, m: StoredMoment): Partial<Moment> | undefined => {
    const inFrom = !c.from || c.from.includes(m.state);
    if (c.onlyFrom && !inFrom) return undefined;
    const p: Partial<Moment> = { log: [...m.log, ...c.entries] };
    if (c.to && inFrom) p.state = c.to;
    if (c.recipientOids && inFrom) p.recipientOids = c.recipientOids;
    if (c.countAttempt) p.attempts = m.attempts + 1;
    return p;
  };

  /** ETag-guarded writes in $batch; a conflict is re-applied on the current version (appending, never losing). */
  async function apply(changes: readonly Change[]): Promise<Map<string, StoredMoment>> {
    const out = new Map<string, StoredMoment>();
    const bulk = changes.flatMap((c) => {
      const patch = patchFor(c, c.m);
      return patch ? [{ change: c, current: c.m, patch }] : [];
    });
    if (bulk.length === 0) return out;
    const res = await repos.moments.updateMany(bulk.map(({ current, patch }) => ({ current, patch })));
    for (const u of res.updated) out.set(u.key, u);
    for (const conflict of res.conflicts) {
      const change = bulk.find((b) => b.current.key === conflict.key)?.change;
      let current = conflict.current as StoredMoment | undefined;
      for (let attempt = 0; change && current && attempt < 4; attempt++) {
        const patch = patchFor(change, current);
        if (!patch) break;
        try {
          out.set(current.key, await repos.moments.update(current, patch));
          break;
        } catch (e) {
          if (!(e instanceof RepositoryConflictError)) throw e;
          current = e.current as StoredMoment | undefined;
        }
      }
    }
    return out;
  }

  // ---------- who gets which card ----------

  const coordinatorOf = (i: Internship, coordinatorOids: readonly string[]): string | undefined =>
    i.coordinator?.id || coordinatorOids[0];

  /**
   * The cards of a send: one per recipient role of the moment's kind. The mentor is away on the due day: the
   * back-up gets the mentor's card instead (BRIEF "Escalation") — unless an earlier, interrupted round of this
   * same attempt already reached one of them: that card stays the mentor's one.
   */
  function sendTargets(
    m: StoredMoment,
    i: Internship,
    coordinatorOids: readonly string[],
    away: (oid: string, day: string) => boolean,
    delivered: ReadonlySet<string>,
  ): { oid: string; role: Role }[] {
    const out: { oid: string; role: Role }[] = [];
    const reached = (oid: string) => delivered.has(markerFor(m.key, 'send', m.attempts, oid));
    for (const role of MOMENT_RECIPIENTS[m.kind]) {
      let oid =
        role === 'mentor'
          ? i.mentor?.id
          : role === 'coordinator'
            ? coordinatorOf(i, coordinatorOids)
            : i.intern.id;
      let as: Role = role;
      const b = i.backup?.id;
      if (role === 'mentor' && oid && b && b !== oid) {
        if (reached(b) || (!reached(oid) && away(oid, m.dueDate))) {
          oid = b;
          as = 'backup';
        }
      }
      if (oid && !out.some((t) => t.oid === oid)) out.push({ oid, role: as });
    }
    return out;
  }

  // ---------- cards ----------

  async function recipientsOf(
    oidList: readonly string[],
  ): Promise<Map<string, { locale: Locale; person: PersonRef }>> {
    const oids = [...new Set(oidList)];
    const [locales] = await Promise.all([mailboxes.localesOf(oids), repos.ctx.people.usersById(oids)]);
    return new Map(
      oids.map((o) => [o, { locale: locales.get(o) ?? 'en', person: repos.ctx.people.personRef(o) }]),
    );
  }

  async function deliverTarget(
    view: MomentView,
    t: IntentTarget,
    who: { locale: Locale; person: PersonRef },
  ): Promise<DeliveryResult> {
    const input = cardInput(view, who.person, t.role);
    const card = openCard(input, { locale: who.locale, links });
    const title = momentTitle(input, who.locale);
    return delivery.deliver({
      oid: t.oid,
      card,
      marker: t.marker,
      fence: () => lease.ensure(leaseMarginMs),
      mail: {
        subject: interpolate(RUNTIME_TEXTS.mailSubject[who.locale], { title }),
        text: interpolate(RUNTIME_TEXTS.mailBody[who.locale], {
          intern: view.internship.intern.displayName,
          title,
          date: formatDate(view.moment.dueDate, who.locale),
        }),
        link: links.internship(view.internship.key),
      },
    });
  }

  // ---------- one round of sends ----------

  /**
   * One round: cancel what can no longer be sent, record the cards about to go out on the lease (`writeAhead`),
   * probe the chats for cards a previous holder left in doubt, send the rest, write the results and the states
   * (one ETag-guarded `$batch` write per 20 moments). Returns false when the lease was lost: stop at once.
   */
  async function round(
    phase: IntentPhase,
    moments: readonly StoredMoment[],
    s: SweepState,
  ): Promise<boolean> {
    const fromState: MomentState = phase === 'send' ? 'planned' : 'sent';
    const closing: Change[] = [];
    const work: Work[] = [];
    const at = clock.now().toISOString();

    for (const m of moments) {
      const i = s.internships.get(m.internshipId);
      if (!i || i.phase === 'stopped' || i.decision === 'refused') {
        closing.push({
          m,
          entries: [{ at, event: 'cancelled', detail: i ? `internship ${i.phase}` : 'internship not found' }],
          to: 'cancelled',
          from: [fromState],
          onlyFrom: true,
          cancels: true,
        });
        continue;
      }
      const delivered = deliveredMarkers(m);
      const left = s.carried.get(pendingId(phase, m.key));
      // A card of the previous holder's record for this very attempt may be in a chat without a result line.
      const inDoubt = left !== undefined && left.attempts === m.attempts;
      let to: { oid: string; role: Role }[];
      if (inDoubt) to = left.to;
      else if (phase === 'send') to = sendTargets(m, i, s.coordinatorOids, s.away, delivered);
      else {
        const b = i.backup?.id;
        to = b && b !== i.mentor?.id && !m.recipientOids.includes(b) ? [{ oid: b, role: 'backup' }] : [];
      }
      if (to.length === 0) {
        // Nobody to send to: for a send, a data problem the coordinator must see (failed); for an escalation,
        // no back-up: the moment goes on to the digest.
        closing.push(
          phase === 'send'
            ? {
                m,
                entries: [{ at, event: 'failed', detail: 'no recipient' }],
                to: 'failed',
                from: ['planned'],
                onlyFrom: true,
              }
            : {
                m,
                entries: [{ at, event: 'escalatedToBackup', detail: 'no back-up' }],
                to: 'escalatedToBackup',
                from: ['sent'],
                onlyFrom: true,
              },
        );
        continue;
      }
      const targets = to.map((t) => ({ ...t, marker: markerFor(m.key, phase, m.attempts, t.oid) }));
      work.push({
        m,
        phase,
        targets,
        done: new Set(targets.filter((t) => delivered.has(t.marker)).map((t) => t.marker)),
        inDoubt,
      });
    }

    // 1. Write ahead: after this write a crash leaves cards "in doubt" for the next holder, never unknown ones.
    const open = work.filter((w) => w.targets.some((t) => !w.done.has(t.marker)));
    const ids = new Set(moments.map((m) => pendingId(phase, m.key)));
    const record = encodePending([
      ...[...s.carried.entries()].filter(([id]) => !ids.has(id)).map(([, p]) => p),
      ...open.map((w) => ({
        key: w.m.key,
        phase,
        attempts: w.m.attempts,
        to: w.targets.map(({ oid, role }) => ({ oid, role })),
      })),
    ]);
    if (record.length > PENDING_MAX_CHARS && moments.length > 1) {
      const half = Math.ceil(moments.length / 2);
      return (await round(phase, moments.slice(0, half), s)) && round(phase, moments.slice(half), s);
    }
    if (open.length > 0 && !(await lease.renew(record))) return false;

    const closed = await apply(closing);
    s.report.cancelled += closing.filter((c) => c.cancels && closed.has(c.m.key)).length;

    // 2. Cards in doubt: look for their markers in the chats (one probe per person).
    const found = new Map<string, string>();
    const byPerson = new Map<string, string[]>();
    for (const w of open.filter((x) => x.inDoubt))
      for (const t of w.targets)
        if (!w.done.has(t.marker)) byPerson.set(t.oid, [...(byPerson.get(t.oid) ?? []), t.marker]);
    await mapPool([...byPerson], concurrency, async ([oid, markers]) => {
      for (const [marker, id] of await delivery.probe(oid, markers)) found.set(marker, id);
    });

    // 3. Send what is not in a chat yet.
    await delivery.prepare(open.flatMap((w) => w.targets.map((t) => t.oid)));
    const views = new Map(
      work.map((w) => [
        w.m.key,
        {
          moment: w.m,
          internship: s.internships.get(w.m.internshipId)!,
          coordinatorOids: s.coordinatorOids,
        } satisfies MomentView,
      ]),
    );
    const people = await recipientsOf(open.flatMap((w) => w.targets.map((t) => t.oid)));
    const results = new Map<string, DeliveryLogEntry[]>();
    const jobs = open.flatMap((w) => w.targets.filter((t) => !w.done.has(t.marker)).map((t) => ({ w, t })));
    await mapPool(jobs, concurrency, async ({ w, t }) => {
      const entries = results.get(w.m.key) ?? [];
      results.set(w.m.key, entries);
      const already = found.get(t.marker);
      if (already !== undefined) {
        s.report.recovered++;
        entries.push({
          at: clock.now().toISOString(),
          event: 'sent',
          oid: t.oid,
          channel: 'teams',
          detail: `${t.marker} activity ${already} (found in the chat after a restart)`,
        });
        w.done.add(t.marker);
        return;
      }
      const r = await deliverTarget(views.get(w.m.key)!, t, people.get(t.oid)!).catch(
        (e: unknown): DeliveryResult => ({
          ok: false,
          log: [
            {
              at: clock.now().toISOString(),
              event: 'failed',
              oid: t.oid,
              detail: `${t.marker} ${String(e).slice(0, 300)}`,
            },
          ],
        }),
      );
      entries.push(...r.log);
      if (r.ok) {
        w.done.add(t.marker);
        if (r.channel === 'mail') s.report.mailed++;
        else s.report.sent++;
      } else s.report.failed++;
    });

    // 4. Results, and the state once every card of the attempt is out.
    const at2 = clock.now().toISOString();
    await apply(
      work.map(({ m, targets, done }) => {
        const entries = [...(results.get(m.key) ?? [])];
        const complete = targets.every((t) => done.has(t.marker));
        if (!complete) return { m, entries };
        const toBackup = targets.filter((t) => t.role === 'backup');
        for (const t of toBackup)
          entries.push({
            at: at2,
            event: 'escalatedToBackup',
            oid: t.oid,
            detail: phase === 'send' ? 'mentor out of office on the due day' : 'no answer in time',
          });
        if (toBackup.length > 0) s.report.escalated++;
        return {
          m,
          entries,
          to: phase === 'escalate' || toBackup.length > 0 ? 'escalatedToBackup' : 'sent',
          from: [fromState],
          recipientOids: [
            ...new Set([...(phase === 'escalate' ? m.recipientOids : []), ...targets.map((t) => t.oid)]),
          ],
          countAttempt: true,
        } satisfies Change;
      }),
    );
    // Written: no longer in doubt. A card that failed stays in the record: a failure after a 5xx may still have
    // reached the chat, so the next sweep probes before sending it again.
    for (const id of ids) s.carried.delete(id);
    for (const w of open)
      if (w.targets.some((t) => !w.done.has(t.marker)))
        s.carried.set(pendingId(phase, w.m.key), {
          key: w.m.key,
          phase,
          attempts: w.m.attempts,
          to: w.targets.map(({ oid, role }) => ({ oid, role })),
        });
    return true;
  }

  // ---------- digest ----------

  async function digests(
    overdue: readonly StoredMoment[],
    internships: Map<string, Internship>,
    coordinatorOids: readonly string[],
    rules: ScheduleRules,
    now: Date,
    report: SweepReport,
  ): Promise<void> {
    const at = now.toISOString();
    const byCoordinator = new Map<string, StoredMoment[]>();
    const escalate: Change[] = [];
    for (const m of overdue) {
      const i = internships.get(m.internshipId);
      if (!i || i.phase === 'stopped') continue;
      const c = coordinatorOf(i, coordinatorOids);
      if (!c) continue;
      byCoordinator.set(c, [...(byCoordinator.get(c) ?? []), m]);
      if (m.state !== 'escalatedToCoordinator')
        escalate.push({
          m,
          entries: [{ at, event: 'escalatedToCoordinator', oid: c }],
          to: 'escalatedToCoordinator',
          from: ['sent', 'escalatedToBackup'],
          onlyFrom: true,
        });
    }
    await apply(escalate);
    const today = localDateOf(at, rules.timeZone);
    // One digest per coordinator per workday, from the send time on.
    if (!calendar.isWorkday(today) || localTimeOf(at, rules.timeZone) < rules.sendTime) return;
    const oids = [...byCoordinator.keys()];
    const [locales] = await Promise.all([mailboxes.localesOf(oids), repos.ctx.people.usersById(oids)]);
    await delivery.prepare(oids);
    await mapPool([...byCoordinator], concurrency, async ([oid, moments]) => {
      const locale = locales.get(oid) ?? 'en';
      const coordinator = repos.ctx.people.personRef(oid);
      const entries: DigestEntry[] = moments.map((m) => {
        const i = internships.get(m.internshipId)!;
        return {
          momentKey: m.key,
          internshipId: i.key,
          internName: i.intern.displayName,
          kind: m.kind,
          seq: m.seq,
          dueDate: m.dueDate,
          daysLate: Math.max(0, calendar.workdaysBetween(m.dueDate, today)),
          askedPeople: m.recipientOids.map((o) => repos.ctx.people.personRef(o)),
        };
      });
      const card = digestCard({ coordinator, date: today, entries }, { locale, links });
      if (await sendDigestOnce(oid, today, card, entries.length, locale)) report.digests++;
    });
  }

  /** The digest's intent and result live on the coordinator's Conversations item (DigestLog). */
  async function sendDigestOnce(
    oid: string,
    today: string,
    card: ReturnType<typeof digestCard>,
    n: number,
    locale: Locale,
  ): Promise<boolean> {
    let rec: Stored<ConversationRef> | undefined = await conversations.create({
      key: oid,
      userOid: oid,
      conversationId: '',
      serviceUrl: '',
      tenantId: deps.tenantId,
      installed: false,
    });
    let marker: string | undefined;
    for (let attempt = 0; attempt < 4 && rec; attempt++) {
      if (rec.digest?.date === today) {
        if (rec.digest.channel) return false;
        marker = rec.digest.marker;
        const landed = (await delivery.probe(oid, [marker])).get(marker);
        if (landed !== undefined)
          return confirmDigest(oid, { date: today, marker, activityId: landed, channel: 'teams' });
        break;
      }
      marker = digestMarker(oid, today, nonce());
      try {
        rec = await conversations.update(rec, { digest: { date: today, marker } });
        break;
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
        rec = e.current as Stored<ConversationRef> | undefined;
        marker = undefined;
      }
    }
    if (!marker) return false;
    const r = await delivery.deliver({
      oid,
      card,
      marker,
      mail: {
        subject: RUNTIME_TEXTS.digestSubject[locale],
        text: interpolate(RUNTIME_TEXTS.digestMailBody[locale], { n }),
        link: links.overview(),
      },
    });
    if (!r.ok || !r.channel) {
      log.warn('digest not delivered', { oid, log: r.log });
      return false;
    }
    return confirmDigest(oid, {
      date: today,
      marker,
      ...(r.activityId ? { activityId: r.activityId } : {}),
      channel: r.channel,
    });
  }

  async function confirmDigest(oid: string, d: NonNullable<ConversationRef['digest']>): Promise<boolean> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const rec = await conversations.byUser(oid);
      if (!rec) return false;
      try {
        await conversations.update(rec, { digest: d });
        return true;
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
      }
    }
    return false;
  }

  // ---------- the sweep ----------

  async function sweepOnce(now: Date = clock.now()): Promise<SweepReport> {
    const report = emptyReport();
    // Only reads until there is something to do: an idle sweep (most minutes) writes nothing.
    const seen = await lease.peek();
    if (!seen) return { ...report, skipped: 'lease' };
    let finished = false;
    const carried = new Map<string, PendingMoment>();
    const left = decodePending(seen.pending);
    if (!left) log.warn('unreadable pending record on the lease: cards in doubt cannot be probed');
    for (const p of left ?? []) carried.set(pendingId(p.phase, p.key), p);
    try {
      delivery.reset();
      const settings = (await repos.settings.read()).settings;
      const rules = resolveScheduleRules(settings.scheduleRules);
      const [dueAll, escalationsAll, overdue] = await Promise.all([
        repos.moments.due({ before: now, states: ['planned'] }),
        repos.moments.escalationsDue(now),
        repos.moments.digestDue(now),
      ]);
      // The previous holder's cards in doubt go first, so its record is settled before new ones pile up.
      const doubtFirst = (phase: IntentPhase, list: readonly StoredMoment[]) => [
        ...list.filter((m) => carried.get(pendingId(phase, m.key))?.attempts === m.attempts),
        ...list.filter((m) => carried.get(pendingId(phase, m.key))?.attempts !== m.attempts),
      ];
      // Records of moments no longer due (answered, sent, moved) are settled.
      const stillDue = new Set([
        ...dueAll.map((m) => pendingId('send', m.key)),
        ...escalationsAll.map((m) => pendingId('escalate', m.key)),
      ]);
      for (const id of [...carried.keys()]) if (!stillDue.has(id)) carried.delete(id);
      const due = doubtFirst('send', dueAll);
      const escalations = doubtFirst('escalate', escalationsAll);
      report.due = due.length;
      if (due.length + escalations.length + overdue.length === 0) {
        finished = true;
        return report;
      }

      const keys = [...new Set([...due, ...escalations, ...overdue].map((m) => m.internshipId))];
      const found = await repos.internships.byKeys(keys);
      const internships = new Map(
        (await hydrateInternships(repos.ctx.people, [...found.values()])).map((i) => [i.key, i]),
      );

      // Out of office is asked only for mentors of cards due now, once per person.
      const mentors = due.flatMap((m) => {
        const i = internships.get(m.internshipId);
        return i?.mentor?.id && i.backup?.id && MOMENT_RECIPIENTS[m.kind].includes('mentor')
          ? [i.mentor.id]
          : [];
      });
      const replies = await mailboxes.automaticReplies(mentors);
      const away = (oid: string, day: string) => {
        const r = replies.get(oid);
        return r ? outOfOfficeOn(r, day, rules.timeZone) : false;
      };
      const state: SweepState = {
        internships,
        coordinatorOids: settings.coordinatorOids,
        away,
        carried,
        report,
      };

      for (let i = 0; i < due.length; i += chunkSize)
        if (!(await round('send', due.slice(i, i + chunkSize), state)))
          return { ...report, skipped: 'lease' };
      for (let i = 0; i < escalations.length; i += chunkSize)
        if (!(await round('escalate', escalations.slice(i, i + chunkSize), state)))
          return { ...report, skipped: 'lease' };
      if (overdue.length > 0) {
        if (!(await lease.renew(encodePending([...carried.values()]))))
          return { ...report, skipped: 'lease' };
        // Re-read: this sweep's escalations and answers changed some of them.
        const open = await repos.moments.digestDue(now);
        await digests(open, internships, settings.coordinatorOids, rules, now, report);
      }
      finished = true;
      log.info('sweep', { ...report });
      return report;
    } finally {
      // A clean end settles the record; after a failure it stays for whoever sweeps next.
      await lease.release(finished ? encodePending([...carried.values()]) : undefined);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let lastDaily = '';

  return {
    sweepOnce,
    internshipChanged: (key) => recomputeInternship({ repos, calendar, clock }, key),
    async reconcile() {
      // Stopped ones too: one stopped directly in SharePoint still has open moments to cancel.
      const running = await repos.internships.byPhase(['decision', 'execution', 'evaluation', 'stopped']);
      let n = 0;
      for (const i of running) {
        const r = await recomputeInternship({ repos, calendar, clock }, i.key);
        n += r.added + r.moved + r.cancelled;
      }
      return n;
    },
    purge: (now = clock.now()) => purgeExpired({ repos, clock }, now),
    announce: (now = clock.now()) =>
      deps.announcements
        ? deps.announcements.run(now)
        : Promise.resolve({ week: localDateOf(now.toISOString()), outcome: 'off' as const }),
    start(intervalMs = 60_000) {
      if (timer) return;
      const tick = async () => {
        if (running) return;
        running = (async () => {
          try {
            await sweepOnce();
            const day = localDateOf(clock.now().toISOString());
            if (day !== lastDaily) {
              lastDaily = day;
              await this.reconcile();
              await this.purge();
            }
          } catch (e) {
            log.error('scheduler tick failed', { error: String(e) });
          }
          // The weekly channel post; cheap on every tick but the first due one of a week.
          await this.announce().catch((e: unknown) => log.error('announcement failed', { error: String(e) }));
        })().finally(() => {
          running = undefined;
        });
      };
      timer = setInterval(() => void tick(), intervalMs);
      void tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
