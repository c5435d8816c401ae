import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInternship } from '../../../src/domain/factories';
import type { Internship } from '../../../src/domain/internship';
import type { NewRecord } from '../../../src/graph/repositories/list-repository';
import { RepositoryConflictError } from '../../../src/graph/repositories/repository-errors';
import { startRepoFixture, type RepoFixture } from './support';

let fx: RepoFixture;
beforeAll(async () => {
  fx = await startRepoFixture();
}, 60_000);
afterAll(() => fx.emu.close());

const person = (u: { id: string; displayName: string; mail: string | null }) => ({
  id: u.id,
  displayName: u.displayName,
  email: u.mail ?? '',
});

function newInternship(key: string, overrides: Partial<Internship> = {}): NewRecord<Internship> {
  const { id: _id, ...rest } = buildInternship({
    key,
    intern: { id: '', displayName: 'Lotte Janssens', email: 'lotte@student.kuleuven.be' },
    ...overrides,
  });
  return rest;
}

describe('InternshipsRepository', () => {
  it('creates, reads back every field, and writes person columns with lookup ids and oids', async () => {
    const mentor = fx.user('mentor');
    const backup = fx.user('backup');
    const created = await fx.repos.internships.create(
      newInternship('it-1', {
        phase: 'decision',
        mentor: person(mentor),
        backup: person(backup),
        schoolId: 'school:kuleuven',
        schoolName: 'KU Leuven',
        programme: 'Master Rechten',
        schoolSupervisor: { name: 'Prof. Peeters', phone: '+32 16 00 00 00' },
        decision: 'accepted',
        decisionAt: '2026-11-20T14:00:00.000Z',
        overviewConsent: true,
      }),
    );
    expect(created.id).toMatch(/^\d+$/);
    expect(created.etag).not.toBe('');
    const read = await fx.repos.internships.getByKey('it-1');
    expect(read).toMatchObject({
      key: 'it-1',
      phase: 'decision',
      startDate: '2027-02-01',
      endDate: '2027-04-30',
      mentor: { id: mentor.id, displayName: mentor.displayName },
      backup: { id: backup.id },
      schoolSupervisor: { name: 'Prof. Peeters' },
      decisionAt: '2026-11-20T14:00:00.000Z',
      overviewConsent: true,
    });
    const raw = await fx.graph.get<{ fields: Record<string, unknown> }>(
      `/sites/${encodeURIComponent(fx.site.siteId)}/lists/Internships/items/${created.id}`,
    );
    expect(raw.fields.MentorOid).toBe(mentor.id);
    expect(raw.fields.MentorLookupId).toMatch(/^\d+$/);
  });

  it('a 412 surfaces as RepositoryConflictError carrying the current version', async () => {
    const a = await fx.repos.internships.create(newInternship('it-conflict'));
    const first = await fx.repos.internships.update(a, { topic: 'Changed by someone else' });
    expect(first.etag).not.toBe(a.etag);
    const err = await fx.repos.internships.update(a, { phase: 'preparation' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RepositoryConflictError);
    const conflict = err as RepositoryConflictError<Internship>;
    expect(conflict.current?.topic).toBe('Changed by someone else');
    expect(conflict.current?.phase).toBe('request');
    expect(conflict.current?.etag).toBe(first.etag);
    // Re-applied on the current version, it goes through.
    expect((await fx.repos.internships.update(conflict.current!, { phase: 'preparation' })).phase).toBe(
      'preparation',
    );
  });

  it('an idempotent create retried after a lost response returns the same item', async () => {
    await fx.faults({ path: '/lists/Internships/items$', method: 'POST', resetAfter: 1, count: 1 });
    const created = await fx.repos.internships.create(newInternship('it-lost-response'));
    const injected = await fetch(`${fx.emu.url}/_emulator/faults`).then(
      (r) => r.json() as Promise<{ injected: { resetAfter: number } }>,
    );
    expect(injected.injected.resetAfter).toBe(1);
    await fx.faults(null);
    const all = (await fx.repos.internships.all()).filter((i) => i.key === 'it-lost-response');
    expect(all).toHaveLength(1);
    expect(all[0]!.id).toBe(created.id);
    // And a plain second create (a re-run) answers the same item too.
    expect((await fx.repos.internships.create(newInternship('it-lost-response'))).id).toBe(created.id);
  });

  it('filters match injection strings literally', async () => {
    const tricky = [
      "' or 1 eq 1",
      "O'Brien",
      "''",
      '50%',
      '%27',
      '#1',
      'a&b=c',
      'a/b',
      'é ✓ 日本 🎓',
      ')) or ((true',
    ];
    await fx.repos.internships.createMany(
      tricky.map((s, n) => newInternship(`it-tricky-${n}`, { service: s })),
    );
    for (const [n, s] of tricky.entries()) {
      const found = await fx.repos.internships.byService(s);
      expect(
        found.map((i) => i.key),
        s,
      ).toEqual([`it-tricky-${n}`]);
    }
    expect(await fx.repos.internships.getByKey("x' or fields/Key ne 'x")).toBeUndefined();
  });

  it('queries by phase, mentor/back-up, date range and active date', async () => {
    const m = fx.user('mentor', 2);
    const b = fx.user('backup', 2);
    await fx.repos.internships.createMany([
      newInternship('q-1', {
        phase: 'execution',
        mentor: person(m),
        startDate: '2026-10-01',
        endDate: '2026-12-20',
        service: 'Q',
      }),
      newInternship('q-2', {
        phase: 'evaluation',
        backup: person(m),
        startDate: '2026-09-01',
        endDate: '2026-11-20',
        service: 'Q',
      }),
      newInternship('q-3', {
        phase: 'closed',
        mentor: person(b),
        startDate: '2026-01-05',
        endDate: '2026-03-31',
        service: 'Q',
      }),
    ]);
    expect((await fx.repos.internships.byMentorOrBackup(m.id)).map((i) => i.key).sort()).toEqual([
      'q-1',
      'q-2',
    ]);
    expect((await fx.repos.internships.byPhase('closed')).map((i) => i.key)).toContain('q-3');
    expect((await fx.repos.internships.activeOn('2026-11-15')).map((i) => i.key).sort()).toEqual([
      'q-1',
      'q-2',
    ]);
    expect((await fx.repos.internships.activeOn('2026-11-25')).map((i) => i.key)).toEqual(['q-1']);
    const overlapping = (await fx.repos.internships.overlapping('2026-03-01', '2026-09-15')).map(
      (i) => i.key,
    );
    expect(overlapping).toEqual(expect.arrayContaining(['q-2', 'q-3']));
    expect(overlapping).not.toContain('q-1');
  });

  it('loads the overview with the largest page: one request for every item', async () => {
    const before = fx.events.length;
    const all = await fx.repos.internships.overview();
    expect(all.length).toBeGreaterThan(10);
    expect(fx.events.length - before).toBeLessThanOrEqual(2);
  });
});
