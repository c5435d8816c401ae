import type { Internship } from '../../domain/internship';
import type { WorkCalendar } from '../../domain/workdays';
import { createWorkCalendar } from '../../domain/workdays';
import type { InternshipFolders } from '../folders/internship-folders';
import type { ListRepository, NewRecord } from '../repositories/list-repository';
import { mapPool } from '../repositories/pool';
import type { Repositories } from '../repositories/repositories';
import { planDemo, type SeedPlan } from './demo-plan';

/**
 * `npm run seed`: writes the demo organisation through the repositories. Idempotent: every record has a fixed key,
 * the seed first reads which keys exist and writes only the missing ones (a create that races or is replayed gets
 * 409 and returns what is there), folders are found by name, invitations are diffed and documents and final works
 * are uploaded only when their name is missing. A second run therefore changes nothing.
 */

export interface SeedOptions {
  /** The demo's fixed "today" (YYYY-MM-DD). */
  today: string;
  /** Number of internships (spread over every phase). Default 42. */
  internships?: number;
  seed?: number;
  calendar?: WorkCalendar;
  /** Parallel folder/document operations. */
  concurrency?: number;
  progress?: (line: string) => void;
}

export interface SeedReport {
  plan: SeedPlan;
  /** Per list: records the plan holds and how many this run created. */
  lists: Record<string, { planned: number; created: number }>;
  folders: { internships: number; invitationsAdded: number; uploaded: number };
  /** Final works the plan holds, and how many this run uploaded and published. */
  finalWorks: { planned: number; uploaded: number; published: number };
  durationMs: number;
}

export async function seedDemo(
  repos: Repositories,
  folders: InternshipFolders,
  opts: SeedOptions,
): Promise<SeedReport> {
  const started = performance.now();
  const say = opts.progress ?? (() => {});
  const steps = 12;
  let step = 0;
  const progress = (what: string) => say(`step ${++step}/${steps}: ${what}`);

  progress('read the directory');
  const directory = await repos.ctx.people.loadDirectory();
  const plan = planDemo(directory, {
    today: opts.today,
    internships: opts.internships ?? 42,
    seed: opts.seed ?? 20261126,
    calendar: opts.calendar ?? createWorkCalendar(),
  });
  const report: SeedReport = {
    plan,
    lists: {},
    folders: { internships: 0, invitationsAdded: 0, uploaded: 0 },
    finalWorks: { planned: plan.finalWorks.length, uploaded: 0, published: 0 },
    durationMs: 0,
  };

  progress('organisation settings');
  const current = await repos.settings.read();
  if (!current.settings.etag) await repos.settings.write(plan.settings);
  report.lists.Settings = { planned: 1, created: current.settings.etag ? 0 : 1 };

  const load = async <T extends { id: string; key: string }>(
    label: string,
    repo: ListRepository<T>,
    records: readonly NewRecord<T>[],
  ) => {
    const have = await repo.keys();
    const missing = records.filter((r) => !have.has(r.key));
    progress(`${label}: ${records.length} planned, ${missing.length} to create`);
    // Chunks keep memory and the blast radius of a failure small; each chunk is $batch-ed by the repository.
    for (let i = 0; i < missing.length; i += 400) await repo.createMany(missing.slice(i, i + 400));
    report.lists[repo.list] = { planned: records.length, created: missing.length };
  };

  await load('partners', repos.partners, plan.partners);
  await load('assignments', repos.assignments, plan.assignments);
  await load('applications', repos.applications, plan.applications);
  await load('internships', repos.internships, plan.internships);
  await load('moments', repos.moments, plan.moments);
  await load('checklist items', repos.checklistItems, plan.checklistItems);
  await load('evaluations', repos.evaluations, plan.evaluations);
  await load('journal', repos.journal, plan.journal);

  const decided = plan.internships.filter((i) => plan.documents.has(i.key));
  const fresh = new Set<string>();
  progress(`folders and invitations for ${decided.length} internships`);
  const concurrency = opts.concurrency ?? 6;
  let done = 0;
  await mapPool(decided, concurrency, async (i: NewRecord<Internship>) => {
    const { shared, confidential } = await folders.ensureFolders(i);
    if (shared.created && confidential.created) fresh.add(i.key);
    const changes = await folders.syncInvitations(i, shared);
    report.folders.invitationsAdded += changes.added.length;
    report.folders.internships += 1;
    if (++done % 100 === 0) say(`  ${done}/${decided.length} folders`);
  });

  progress('documents and final works');
  done = 0;
  await mapPool(decided, concurrency, async (i: NewRecord<Internship>) => {
    // Folders created by this run are empty; others are read once (one request) to skip what is there.
    const existing = fresh.has(i.key)
      ? new Set<string>()
      : new Set((await folders.documents(i.key)).map((d) => d.name.toLowerCase()));
    const missing = (plan.documents.get(i.key) ?? []).filter((d) => !existing.has(d.name.toLowerCase()));
    if (missing.length > 0) {
      await folders.uploadMany(
        i,
        missing.map((d) => ({ name: d.name, content: d.content, documentType: d.documentType })),
      );
      report.folders.uploaded += missing.length;
    }
    if (++done % 100 === 0) say(`  ${done}/${decided.length} internships' documents`);
  });
  // Final works by name within their internship: handed in to its folder when missing, then published as planned
  // (a copy in FinalWorks); the one waiting for the coordinator exists in the folder only.
  const internships = new Map(plan.internships.map((i) => [i.key, i]));
  await mapPool(plan.finalWorks, concurrency, async (w) => {
    const internship = internships.get(w.internshipKey);
    if (!internship) throw new Error(`seed: final work of unknown internship ${w.internshipKey}`);
    const works = await repos.finalWorks.byInternship(w.internshipKey);
    let work = works.find((x) => x.name.toLowerCase() === w.name.toLowerCase());
    if (!work) {
      work = await repos.finalWorks.upload(internship, {
        name: w.name,
        title: w.title,
        content: w.content,
      });
      report.finalWorks.uploaded += 1;
    }
    if (w.published && !work.published) {
      await repos.finalWorks.publish(work, works);
      report.finalWorks.published += 1;
    }
  });

  report.durationMs = Math.round(performance.now() - started);
  say(
    `done in ${(report.durationMs / 1000).toFixed(1)} s: ${Object.entries(report.lists)
      .map(([k, v]) => `${k} ${v.created}/${v.planned}`)
      .join(', ')}; ${report.folders.uploaded} document(s) uploaded`,
  );
  return report;
}
