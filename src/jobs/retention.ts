/**
 * Purging personal data after the retention period (BRIEF "Security and privacy"; Settings `retentionMonths`,
 * written on each internship as `PurgeAfter` when it ends). For every internship with PurgeAfter ≤ today:
 *
 * 1. its anonymous figures are added to the yearly counts (Settings item `yearlyCounts:<year of the start>`),
 *    once: the item lists the purged internship keys, so a purge re-run after a crash does not count twice;
 * 2. its Evaluations and Journal items are deleted (answers and notes are free text about a person);
 * 3. the intern's identity and every free-text column are cleared on the Internships item, and PurgeAfter is
 *    emptied (so the item is not found again).
 *
 * What is KEPT, for the yearly policy evaluation (toolbox A, "figures from the data"): Key, Phase, Service,
 * StartDate, EndDate, SchoolKey, SchoolName, Programme, Decision, StoppedBy, AssignmentKey, the staff columns
 * (mentor, back-up, coordinator, service head: employees in their role, "mentors involved") and the moments
 * (kind, dates, state: answered or not). What is CLEARED: Intern/InternOid, InternName (set to "—"), InternEmail,
 * Topic, SchoolSupervisor, InterviewAt, StopReason, ClosingWaiver, OverviewConsent (false); DELETED: Evaluations,
 * Journal. The yearly counts keep per year: internships, per service, per school, workdays in total, stopped
 * early, evaluations per questionnaire (checklist card answers are not evaluations), and for every 1–5 question of
 * the satisfaction surveys the sum and count (by question key).
 * Documents in the libraries are not purged here (see docs/scheduler.md, "Not done").
 */
import type { Clock } from '../domain/clock';
import { localDateOf } from '../domain/brussels-time';
import { belgianWorkCalendar } from '../domain/workdays';
import type { EvaluationRecord } from '../domain/records';
import { ConflictError } from '../graph/errors';
import { and, anyOf, le, segment } from '../graph/odata';
import { dateLiteral, readText, type Fields } from '../graph/repositories/fields';
import { ListRepository, type RepositoryContext, type Stored } from '../graph/repositories/list-repository';
import { mapPool } from '../graph/repositories/pool';
import type { Repositories } from '../graph/repositories/repositories';
import { RepositoryConflictError } from '../graph/repositories/repository-errors';

/** Rounds of ETag conflicts on the yearly counts (several purges at once) before the purge stops. */
const COUNT_ATTEMPTS = 5;

export interface YearlyCounts {
  year: number;
  internships: number;
  byService: Record<string, number>;
  bySchool: Record<string, number>;
  workdays: number;
  stoppedEarly: number;
  evaluations: Record<string, number>;
  scores: Record<string, { sum: number; count: number }>;
  purgedKeys: string[];
}

export interface PurgeReport {
  purged: number;
  deleted: number;
}

interface Entry {
  id: string;
  key: string;
  value: string;
}

class SettingsEntries extends ListRepository<Entry> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Settings',
      columns: ['Value'],
      fromFields: (id: string, f: Fields) => ({
        id,
        key: readText(f, 'Key') ?? '',
        value: readText(f, 'Value') ?? '',
      }),
      toFields: (v: Partial<Entry>) => ({
        ...('key' in v ? { Title: v.key } : {}),
        ...('value' in v ? { Value: v.value } : {}),
      }),
    });
  }
}

const emptyCounts = (year: number): YearlyCounts => ({
  year,
  internships: 0,
  byService: {},
  bySchool: {},
  workdays: 0,
  stoppedEarly: 0,
  evaluations: {},
  scores: {},
  purgedKeys: [],
});

/** The questionnaire an Evaluations item answers, for the counts; undefined for a checklist card's answer. */
const countedQuestionnaire = (e: EvaluationRecord): string | undefined => e.questionnaire;

/** The yearly counts of purged internships (Settings item `yearlyCounts:<year>`), if any was purged that year. */
export async function yearlyCounts(
  repos: Pick<Repositories, 'ctx'>,
  year: number,
): Promise<YearlyCounts | undefined> {
  const entry = await new SettingsEntries(repos.ctx).getByKey(`yearlyCounts:${year}`);
  return entry
    ? { ...emptyCounts(year), ...(JSON.parse(entry.value || '{}') as Partial<YearlyCounts>) }
    : undefined;
}

export async function purgeExpired(
  deps: { repos: Repositories; clock: Clock },
  now: Date,
): Promise<PurgeReport> {
  const { repos } = deps;
  const ctx = repos.ctx;
  const today = localDateOf(now.toISOString());
  const entries = new SettingsEntries(ctx);
  const calendar = belgianWorkCalendar();
  const due = await repos.internships.query(
    and(le('fields/PurgeAfter', dateLiteral(today)), anyOf('fields/Phase', ['closed', 'stopped'])),
  );
  const report: PurgeReport = { purged: 0, deleted: 0 };
  for (const i of due) {
    const [evaluations, journal] = await Promise.all([
      repos.evaluations.byInternship(i.key),
      repos.journal.byInternship(i.key),
    ]);
    const year = Number(i.startDate.slice(0, 4)) || Number(today.slice(0, 4));
    // 1. Count once. Nothing is deleted before the figures are stored: a purge that cannot count stops here and
    // the next run starts again (the internship is still due).
    let counted = false;
    for (let attempt = 0; attempt < COUNT_ATTEMPTS && !counted; attempt++) {
      const key = `yearlyCounts:${year}`;
      const entry: Stored<Entry> = await entries.create({ key, value: JSON.stringify(emptyCounts(year)) });
      const counts = { ...emptyCounts(year), ...(JSON.parse(entry.value || '{}') as Partial<YearlyCounts>) };
      if (counts.purgedKeys.includes(i.key)) {
        counted = true;
        break;
      }
      counts.internships++;
      counts.byService[i.service] = (counts.byService[i.service] ?? 0) + 1;
      const school = i.schoolId ?? 'unknown';
      counts.bySchool[school] = (counts.bySchool[school] ?? 0) + 1;
      if (i.startDate && i.endDate) counts.workdays += calendar.workdaysIn(i.startDate, i.endDate).length;
      if (i.phase === 'stopped') counts.stoppedEarly++;
      for (const e of evaluations) {
        const q = countedQuestionnaire(e);
        if (!q) continue;
        counts.evaluations[q] = (counts.evaluations[q] ?? 0) + 1;
        if (q !== 'satisfactionMentor' && q !== 'satisfactionIntern') continue;
        // Question keys already start with their questionnaire's key (`satisfactionMentor.…`).
        for (const [question, v] of Object.entries(e.answers))
          if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) {
            const s = (counts.scores[question] ??= { sum: 0, count: 0 });
            s.sum += v;
            s.count++;
          }
      }
      counts.purgedKeys.push(i.key);
      try {
        await entries.update(entry, { value: JSON.stringify(counts) });
        counted = true;
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
      }
    }
    if (!counted)
      throw new RepositoryConflictError('Settings', `yearlyCounts:${year}`, undefined, new Error(i.key));
    // 2. Delete answers and notes.
    await mapPool([...evaluations, ...journal], 4, async (item) => {
      await ctx.graph
        .delete(
          `/sites/${segment(ctx.siteId)}/lists/${segment(evaluations.includes(item as never) ? 'Evaluations' : 'Journal')}/items/${segment(item.id)}`,
        )
        .catch((e: unknown) => {
          if ((e as { status?: number }).status !== 404) throw e;
        });
      report.deleted++;
    });
    // 3. Clear the person and free text, last: until then the item is found again and the purge resumes. The
    // write carries the ETag read above; if the item changed meanwhile, it is read again and cleared then.
    const itemPath = `/sites/${segment(ctx.siteId)}/lists/Internships/items/${segment(i.id)}`;
    const cleared = {
      InternName: '—',
      InternEmail: null,
      InternOid: null,
      InternLookupId: null,
      Title: i.key,
      Topic: null,
      SchoolSupervisor: null,
      InterviewAt: null,
      StopReason: null,
      ClosingWaiver: null,
      OverviewConsent: false,
      PurgeAfter: null,
    };
    try {
      await ctx.graph.patch(`${itemPath}/fields`, cleared, { ifMatch: i.etag });
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      const current = await repos.internships.getById(i.id);
      if (!current) continue;
      await ctx.graph.patch(`${itemPath}/fields`, cleared, { ifMatch: current.etag });
    }
    report.purged++;
  }
  return report;
}
