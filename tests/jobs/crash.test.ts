/**
 * Exactly-once under crashes: the worker (scripts/worker.ts, a child process) is killed with SIGKILL at a random
 * point of a sweep of 1,000 due moments, then restarted; every card must be in the chats exactly once. Also: two
 * instances side by side, and 20% throttling/unavailability on Graph and the Bot Connector.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { Moment } from '../../src/domain/records';
import { admin } from '../emulator/support';
import { startRepoFixture, type RepoFixture } from '../graph/repositories/support';
import { countPerMoment, internshipOf } from './support';

const INTERNSHIPS = 50;
const PER_INTERNSHIP = 20;
const RUNS = Number(process.env.CRASH_RUNS ?? 30);
const role = (r: string, n: number) => {
  const all = DEMO_USERS.filter((u) => u.role === r);
  return all[n % all.length]!;
};

function worker(
  fx: RepoFixture,
  id: string,
  extra: Record<string, string> = {},
): { child: ChildProcess; done: Promise<number | null>; out: string[] } {
  const out: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: {
      ...process.env,
      EMULATOR_URL: fx.emu.url,
      SITE_ID: fx.site.siteId,
      WORKER_ID: id,
      WORKER_ONCE: '1',
      LEASE_TTL_MS: '3000',
      CHUNK_SIZE: '100',
      CONCURRENCY: '8',
      GRAPH_RETRY_BASE_MS: '20',
      DELIVERY_RETRY_BASE_MS: '20',
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => out.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => out.push(d.toString()));
  const done = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, done, out };
}

describe('exactly once under crashes, concurrency and faults', () => {
  let fx: RepoFixture;
  const expected = new Set<string>();

  beforeAll(async () => {
    fx = await startRepoFixture();
    const dueAt = new Date(Date.now() - 3_600_000).toISOString();
    const internships = Array.from({ length: INTERNSHIPS }, (_, i) =>
      internshipOf(
        `crash-${String(i).padStart(3, '0')}`,
        {
          intern: role('intern', i),
          mentor: role('mentor', i),
          backup: role('backup', i),
          coordinator: role('coordinator', i),
        },
        '2027-02-01',
        '2027-06-30',
      ),
    );
    await fx.repos.internships.createMany(internships);
    const moments: Omit<Moment, 'id'>[] = internships.flatMap((i) =>
      Array.from({ length: PER_INTERNSHIP }, (_, s) => ({
        key: `${i.key}:followUp:${s + 1}`,
        internshipId: i.key,
        kind: 'followUp' as const,
        seq: s + 1,
        dueDate: '2027-02-15',
        sendAt: dueAt,
        escalateAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        digestAt: new Date(Date.now() + 60 * 86_400_000).toISOString(),
        recipients: ['mentor' as const],
        state: 'planned' as const,
        recipientOids: [],
        attempts: 0,
        log: [],
      })),
    );
    await fx.repos.moments.createMany(moments);
    for (const i of internships)
      for (let s = 1; s <= PER_INTERNSHIP; s++) expected.add(`${i.key}:followUp:${s}|${i.mentor!.id}`);
    const snap = await admin(fx.emu, 'PUT', '/snapshots/crash-base');
    expect(snap.status).toBe(201);
  }, 180_000);
  afterAll(() => fx.emu.close());

  async function reset() {
    await fx.faults(null);
    const r = await admin(fx.emu, 'POST', '/snapshots/crash-base/restore');
    expect(r.status).toBe(204);
    await admin(fx.emu, 'DELETE', '/bot/conversations');
  }

  async function expectExactlyOnce(label: string) {
    const counts = await countPerMoment(fx.emu.url);
    const wrong = [...expected].filter((k) => counts.get(k) !== 1);
    const extra = [...counts.keys()].filter((k) => !expected.has(k));
    expect({ label, wrong: wrong.slice(0, 5), wrongCount: wrong.length, extra: extra.slice(0, 5) }).toEqual({
      label,
      wrong: [],
      wrongCount: 0,
      extra: [],
    });
  }

  it(`${RUNS} runs: SIGKILL at a random point of a sweep of 1,000 due cards, restart, each card exactly once`, async () => {
    const started = performance.now();
    // Calibrate: how long an uninterrupted run takes, to spread the kills over the whole sweep.
    await reset();
    const t0 = performance.now();
    const full = worker(fx, 'crash');
    expect(await full.done, full.out.join('')).toBe(0);
    const fullMs = performance.now() - t0;
    await expectExactlyOnce('uninterrupted');

    let killedMidway = 0;
    for (let run = 0; run < RUNS; run++) {
      await reset();
      const first = worker(fx, 'crash');
      const delay = Math.random() * fullMs;
      const timer = setTimeout(() => first.child.kill('SIGKILL'), delay);
      const code = await first.done;
      clearTimeout(timer);
      if (code === null) killedMidway++;
      const second = worker(fx, 'crash');
      expect(await second.done, second.out.join('')).toBe(0);
      await expectExactlyOnce(`run ${run} (killed after ${Math.round(delay)} ms)`);
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `crash test: ${RUNS} runs, ${killedMidway} killed mid-run, uninterrupted run ${Math.round(fullMs)} ms, total ${seconds.toFixed(1)} s`,
    );
    expect(killedMidway).toBeGreaterThan(RUNS / 2);
  }, 600_000);

  it('two scheduler instances side by side deliver each card once', async () => {
    await reset();
    const a = worker(fx, 'instance-a');
    const b = worker(fx, 'instance-b');
    expect([await a.done, await b.done]).toEqual([0, 0]);
    await expectExactlyOnce('two instances');
  }, 120_000);

  it('20% 429/503 on Graph and on the Bot Connector: every card once, retries in the logs', async () => {
    await reset();
    await fx.faults({ seed: 7, rules: [{ throttle: 0.1, unavailable: 0.1, retryAfter: 0 }] });
    const w = worker(fx, 'faults');
    expect(await w.done, w.out.join('').slice(-2000)).toBe(0);
    const stats = await admin(fx.emu, 'GET', '/faults');
    await fx.faults(null);
    await expectExactlyOnce('faults');
    expect(JSON.stringify(stats.json)).toMatch(/\d/);
    const moments = await fx.repos.moments.query();
    expect(moments.filter((m) => m.state === 'sent')).toHaveLength(INTERNSHIPS * PER_INTERNSHIP);
    const retried = moments.filter((m) => m.log.some((e) => e.event === 'retried'));
    expect(retried.length).toBeGreaterThan(20);
  }, 300_000);
});
