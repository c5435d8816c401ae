import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHASES } from '../../src/domain/internship';
import { seedDemo, type SeedReport } from '../../src/graph/seed/demo-seed';
import { startRepoFixture, type RepoFixture } from './repositories/support';

let fx: RepoFixture;
let first: SeedReport;
const lines: string[] = [];
beforeAll(async () => {
  fx = await startRepoFixture();
  first = await seedDemo(fx.repos, fx.folders, { today: '2026-11-26', progress: (l) => lines.push(l) });
}, 120_000);
afterAll(() => fx.emu.close());

describe('demo organisation seed', () => {
  it('creates internships in every phase with checklists, moments, answers, journal and documents', async () => {
    expect(lines.filter((l) => /^step \d+\/12: /.test(l))).toHaveLength(12);
    const internships = await fx.repos.internships.all();
    expect(new Set(internships.map((i) => i.phase))).toEqual(new Set(PHASES));
    const running = internships.find((i) => i.phase === 'execution' && i.intern.id !== '')!;
    expect(running.mentor?.displayName).not.toBe('');
    expect(running.backup).toBeDefined();
    const moments = await fx.repos.moments.byInternship(running.key);
    const states = new Set(moments.map((m) => m.state));
    expect(states.has('planned')).toBe(true);
    expect([...states].some((s) => s === 'answered' || s === 'sent')).toBe(true);
    const items = await fx.repos.checklistItems.byInternship(running.key);
    expect(items.some((i) => i.done) && items.some((i) => !i.done)).toBe(true);
    const stopped = internships.find((i) => i.phase === 'stopped')!;
    expect(stopped.stoppedBy).toBeDefined();
    expect((await fx.repos.moments.byInternship(stopped.key)).some((m) => m.state === 'cancelled')).toBe(
      true,
    );
    const status = await fx.folders.requiredDocuments(running.key);
    expect(status.missing).toEqual([]);
    const decision = internships.find((i) => i.phase === 'decision')!;
    expect((await fx.folders.requiredDocuments(decision.key)).missing.length).toBeGreaterThan(0);
    expect((await fx.repos.evaluations.all()).length).toBeGreaterThan(0);
    expect((await fx.repos.journal.all()).some((j) => j.type === 'absence')).toBe(true);
    expect((await fx.repos.partners.schools()).map((s) => s.name)).toContain(
      'Autonome Hochschule Ostbelgien',
    );
    expect((await fx.repos.settings.read()).settings.coordinatorOids.length).toBeGreaterThan(0);
  });

  it('is deterministic and idempotent: a second run plans the same and changes nothing', async () => {
    const before = await fx.repos.internships.all();
    const again = await seedDemo(fx.repos, fx.folders, { today: '2026-11-26' });
    expect(again.plan.internships).toEqual(first.plan.internships);
    expect(Object.values(again.lists).every((l) => l.created === 0)).toBe(true);
    expect(again.folders).toMatchObject({ invitationsAdded: 0, uploaded: 0 });
    const after = await fx.repos.internships.all();
    expect(after.map((i) => i.etag)).toEqual(before.map((i) => i.etag));
  });
});
