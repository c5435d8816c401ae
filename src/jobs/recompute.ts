/**
 * Keeping stored moments in line with the internship (dates, mentor, back-up, stop). The schedule is a pure
 * function of the internship and the rules (computeSchedule); diffSchedules says what to add, move and remove.
 * Only moments still `planned` are moved or removed: one already sent keeps its history (and stays answerable),
 * removed ones are cancelled rather than deleted so the log stays. Recipients are not stored ahead: they are
 * resolved at send time from the internship, and card actions are authorised against it, so a new mentor or
 * back-up takes over open moments without rewriting them.
 */
import type { Clock } from '../domain/clock';
import type { Internship } from '../domain/internship';
import { OPEN_MOMENT_STATES, type Moment } from '../domain/records';
import { computeSchedule, diffSchedules, resolveScheduleRules } from '../domain/schedule';
import type { WorkCalendar } from '../domain/workdays';
import type { Stored } from '../graph/repositories/list-repository';
import type { Repositories } from '../graph/repositories/repositories';

export interface RecomputeResult {
  added: number;
  moved: number;
  cancelled: number;
}

/** Phases in which an internship has moments: accepted (decision taken), running, being evaluated, closed. */
const SCHEDULED_PHASES = new Set<Internship['phase']>(['decision', 'execution', 'evaluation', 'closed']);

/** Log detail of a moment the schedule dropped (dates changed): the one kind of cancel a later change undoes. */
const DROPPED = 'no longer in the schedule';

export async function recomputeInternship(
  deps: { repos: Repositories; calendar: WorkCalendar; clock: Clock },
  internshipKey: string,
): Promise<RecomputeResult> {
  const { repos, calendar, clock } = deps;
  const at = clock.now().toISOString();
  const result: RecomputeResult = { added: 0, moved: 0, cancelled: 0 };
  const [internship, stored] = await Promise.all([
    repos.internships.getByKey(internshipKey),
    repos.moments.byInternship(internshipKey),
  ]);
  const active =
    internship !== undefined &&
    SCHEDULED_PHASES.has(internship.phase) &&
    internship.decision !== 'refused' &&
    internship.startDate !== '' &&
    internship.endDate !== '';

  const cancel = async (moments: Stored<Moment>[], why: string) => {
    const open = moments.filter((m) => OPEN_MOMENT_STATES.includes(m.state));
    const res = await repos.moments.updateMany(
      open.map((m) => ({
        current: m,
        patch: {
          state: 'cancelled' as const,
          log: [...m.log, { at, event: 'cancelled' as const, detail: why }],
        },
      })),
    );
    result.cancelled += res.updated.length;
  };

  if (!active) {
    if (internship?.phase === 'stopped' || internship?.decision === 'refused' || !internship)
      await cancel(stored, internship ? `internship ${internship.phase}` : 'internship deleted');
    return result;
  }

  const settings = (await repos.settings.read()).settings;
  const rules = resolveScheduleRules(settings.scheduleRules);
  const mentorIsFirstTime =
    stored.some((m) => m.kind === 'firstTimeMentor') ||
    (internship.mentor?.id !== undefined &&
      !(await repos.internships.byMentorOrBackup(internship.mentor.id)).some(
        (o) =>
          o.key !== internship.key &&
          o.mentor?.id === internship.mentor?.id &&
          o.startDate < internship.startDate,
      ));
  const next = computeSchedule(
    {
      internshipId: internship.key,
      startDate: internship.startDate,
      endDate: internship.endDate,
      mentorIsFirstTime,
    },
    rules,
    calendar,
  );
  const diff = diffSchedules(stored, next);

  await repos.moments.createMany(
    diff.add.map((p) => ({
      ...p,
      state: 'planned' as const,
      recipientOids: [],
      attempts: 0,
      log: [{ at, event: 'scheduled' as const, detail: 'planned' }],
    })),
  );
  result.added = diff.add.length;

  // A moment dropped by an earlier change (the internship shortened) and back in the schedule now (lengthened
  // again) is planned again under its own key, with the new timing.
  const storedByKey = new Map<string, Stored<Moment>>();
  for (const m of stored) if (!storedByKey.has(m.key)) storedByKey.set(m.key, m);
  const dropped = (m: Stored<Moment> | undefined): m is Stored<Moment> =>
    m?.state === 'cancelled' && m.log.at(-1)?.event === 'cancelled' && m.log.at(-1)?.detail === DROPPED;
  const back = diff.keep.flatMap((n) => {
    const previous = storedByKey.get(n.key);
    return dropped(previous) ? [{ previous, next: n }] : [];
  });
  const revived = await repos.moments.updateMany(
    back.map(({ previous, next: n }) => ({
      current: previous,
      patch: {
        state: 'planned' as const,
        dueDate: n.dueDate,
        sendAt: n.sendAt,
        escalateAt: n.escalateAt,
        digestAt: n.digestAt,
        log: [...previous.log, { at, event: 'scheduled' as const, detail: 'back in the schedule' }],
      },
    })),
  );
  result.added += revived.updated.length;

  const moves = diff.changed.filter((c) => c.previous.state === 'planned');
  const moved = await repos.moments.updateMany(
    moves.map(({ previous, next: n }) => ({
      current: previous,
      patch: {
        dueDate: n.dueDate,
        sendAt: n.sendAt,
        escalateAt: n.escalateAt,
        digestAt: n.digestAt,
        log: [...previous.log, { at, event: 'moved' as const, detail: `${previous.dueDate} → ${n.dueDate}` }],
      },
    })),
  );
  result.moved = moved.updated.length;
  await cancel(
    diff.remove.filter((m) => m.state === 'planned'),
    DROPPED,
  );
  return result;
}
