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
import type { Delivery, DeliveryResult } from './delivery';
import { hydrateInternships } from './hydrate';
import {
  intentEntry,
  lastIntent,
  markerFor,
  type Intent,
  type IntentPhase,
  type IntentTarget,
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

  async function sendTargets(
    m: StoredMoment,
    i: Internship,
    coordinatorOids: readonly string[],
    away: (oid: string, day: string) => boolean,
  ): Promise<IntentTarget[]> {
    const id = nonce();
    const targets: IntentTarget[] = [];
    for (const role of MOMENT_RECIPIENTS[m.kind]) {
      let oid =
        role === 'mentor'
          ? i.mentor?.id
          : role === 'coordinator'
            ? coordinatorOf(i, coordinatorOids)
            : i.intern.id;
      let as: Role = role;
      // The mentor is away on the due day: the back-up gets the mentor's card instead (BRIEF "Escalation").
      if (role === 'mentor' && oid && i.backup?.id && i.backup.id !== oid && away(oid, m.dueDate)) {
        oid = i.backup.id;
        as = 'backup';
      }
      if (oid && !targets.some((t) => t.oid === oid))
        targets.push({ oid, role: as, marker: markerFor(m.key, 'send', id, oid) });
    }
    return targets;
  }

  // ---------- cards ----------

  async function cardsFor(
    items: { view: MomentView; targets: IntentTarget[] }[],
  ): Promise<Map<string, { locale: Locale; person: PersonRef }>> {
    const oids = [...new Set(items.flatMap((x) => x.targets.map((t) => t.oid)))];
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

  // ---------- one round of sends (new or in doubt) ----------

  async function round(
    phase: IntentPhase,
    moments: readonly StoredMoment[],
    internships: Map<string, Internship>,
    coordinatorOids: readonly string[],
    away: (oid: string, day: string) => boolean,
    report: SweepReport,
  ): Promise<void> {
    const fromState: MomentState = phase === 'send' ? 'planned' : 'sent';
    const cancel: Change[] = [];
    const fresh: { m: StoredMoment; intent: Intent }[] = [];
    const doubt: { m: StoredMoment; intent: Intent; done: Set<string> }[] = [];
    const noTarget: Change[] = [];
    const at = clock.now().toISOString();

    for (const m of moments) {
      const i = internships.get(m.internshipId);
      if (!i || i.phase === 'stopped' || i.decision === 'refused') {
        cancel.push({
          m,
          entries: [{ at, event: 'cancelled', detail: i ? `internship ${i.phase}` : 'internship not found' }],
          to: 'cancelled',
          from: [fromState],
          onlyFrom: true,
        });
        continue;
      }
      const pending = lastIntent(m, phase);
      if (pending && pending.intent.to.some((t) => !pending.done.has(t.marker))) {
        doubt.push({ m, intent: pending.intent, done: new Set(pending.done.keys()) });
        continue;
      }
      let targets: IntentTarget[];
      if (phase === 'send') targets = await sendTargets(m, i, coordinatorOids, away);
      else {
        const b = i.backup?.id;
        targets =
          b && b !== i.mentor?.id && !m.recipientOids.includes(b)
            ? [{ oid: b, role: 'backup', marker: markerFor(m.key, 'escalate', nonce(), b) }]
            : [];
      }
      if (targets.length === 0) {
        // Nobody to send to: for a send, a data problem the coordinator must see (failed); for an escalation,
        // no back-up: the moment goes on to the digest.
        noTarget.push(
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
      fresh.push({ m, intent: { id: nonce(), phase, to: targets } });
    }
    const closed = await apply([...cancel, ...noTarget]);
    report.cancelled += cancel.filter((c) => closed.has(c.m.key)).length;

    // 1. Intents first: after this write a crash leaves "in doubt" cards, never unknown ones.
    const written = await apply(
      fresh.map(({ m, intent }) => ({
        m,
        entries: [intentEntry(intent, at)],
        from: [fromState],
        onlyFrom: true,
      })),
    );
    const work: { m: StoredMoment; intent: Intent; done: Set<string>; inDoubt: boolean }[] = [
      ...fresh.flatMap(({ m, intent }) => {
        const w = written.get(m.key);
        return w ? [{ m: w, intent, done: new Set<string>(), inDoubt: false }] : [];
      }),
      ...doubt.map((d) => ({ ...d, inDoubt: true })),
    ];
    if (work.length === 0) return;

    // 2. Cards in doubt: look for their markers in the chats (one probe per person).
    const found = new Map<string, string>();
    const byPerson = new Map<string, string[]>();
    for (const w of work.filter((x) => x.inDoubt))
      for (const t of w.intent.to)
        if (!w.done.has(t.marker)) byPerson.set(t.oid, [...(byPerson.get(t.oid) ?? []), t.marker]);
    await mapPool([...byPerson], concurrency, async ([oid, markers]) => {
      for (const [marker, id] of await delivery.probe(oid, markers)) found.set(marker, id);
    });

    // 3. Send what is not in a chat yet.
    await delivery.prepare(work.flatMap((w) => w.intent.to.map((t) => t.oid)));
    const views = work.map((w) => ({
      w,
      view: {
        moment: w.m,
        internship: internships.get(w.m.internshipId)!,
        coordinatorOids,
      } satisfies MomentView,
    }));
    const people = await cardsFor(views.map(({ w, view }) => ({ view, targets: w.intent.to })));
    const results = new Map<string, DeliveryLogEntry[]>();
    const jobs = views.flatMap(({ w, view }) =>
      w.intent.to.filter((t) => !w.done.has(t.marker)).map((t) => ({ w, view, t })),
    );
    await mapPool(jobs, concurrency, async ({ w, view, t }) => {
      const entries = results.get(w.m.key) ?? [];
      results.set(w.m.key, entries);
      const already = found.get(t.marker);
      if (already !== undefined) {
        report.recovered++;
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
      const r = await deliverTarget(view, t, people.get(t.oid)!).catch((e: unknown): DeliveryResult => ({
        ok: false,
        log: [
          {
            at: clock.now().toISOString(),
            event: 'failed',
            oid: t.oid,
            detail: `${t.marker} ${String(e).slice(0, 300)}`,
          },
        ],
      }));
      entries.push(...r.log);
      if (r.ok) {
        w.done.add(t.marker);
        if (r.channel === 'mail') report.mailed++;
        else report.sent++;
      } else report.failed++;
    });

    // 4. Results, and the state once every card of the intent is out.
    const at2 = clock.now().toISOString();
    await apply(
      work.map(({ m, intent, done }) => {
        const entries = [...(results.get(m.key) ?? [])];
        const complete = intent.to.every((t) => done.has(t.marker));
        if (!complete) return { m, entries };
        const toBackup = intent.to.filter((t) => t.role === 'backup');
        for (const t of toBackup)
          entries.push({
            at: at2,
            event: 'escalatedToBackup',
            oid: t.oid,
            detail: phase === 'send' ? 'mentor out of office on the due day' : 'no answer in time',
          });
        if (toBackup.length > 0) report.escalated++;
        return {
          m,
          entries,
          to: phase === 'escalate' || toBackup.length > 0 ? 'escalatedToBackup' : 'sent',
          from: [fromState],
          recipientOids: [
            ...new Set([...(phase === 'escalate' ? m.recipientOids : []), ...intent.to.map((t) => t.oid)]),
          ],
          countAttempt: true,
        } satisfies Change;
      }),
    );
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
      marker = markerFor(`digest:${oid}:${today}`, 'send', nonce(), oid);
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
    if (!(await lease.acquire())) return { ...report, skipped: 'lease' };
    try {
      delivery.reset();
      const settings = (await repos.settings.read()).settings;
      const rules = resolveScheduleRules(settings.scheduleRules);
      const [due, escalations, overdue] = await Promise.all([
        repos.moments.due({ before: now, states: ['planned'] }),
        repos.moments.escalationsDue(now),
        repos.moments.digestDue(now),
      ]);
      report.due = due.length;
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

      for (let i = 0; i < due.length; i += chunkSize) {
        if (i > 0 && !(await lease.renew())) return { ...report, skipped: 'lease' };
        await round('send', due.slice(i, i + chunkSize), internships, settings.coordinatorOids, away, report);
      }
      for (let i = 0; i < escalations.length; i += chunkSize) {
        if (!(await lease.renew())) return { ...report, skipped: 'lease' };
        await round(
          'escalate',
          escalations.slice(i, i + chunkSize),
          internships,
          settings.coordinatorOids,
          away,
          report,
        );
      }
      if (overdue.length > 0) {
        if (!(await lease.renew())) return { ...report, skipped: 'lease' };
        // Re-read: this sweep's escalations and answers changed some of them.
        const open = await repos.moments.digestDue(now);
        await digests(open, internships, settings.coordinatorOids, rules, now, report);
      }
      log.info('sweep', { ...report });
      return report;
    } finally {
      await lease.release();
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let lastDaily = '';

  return {
    sweepOnce,
    internshipChanged: (key) => recomputeInternship({ repos, calendar, clock }, key),
    async reconcile() {
      const running = await repos.internships.byPhase(['decision', 'execution', 'evaluation']);
      let n = 0;
      for (const i of running) {
        const r = await recomputeInternship({ repos, calendar, clock }, i.key);
        n += r.added + r.moved + r.cancelled;
      }
      return n;
    },
    purge: (now = clock.now()) => purgeExpired({ repos, clock }, now),
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
