import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { OrganisationSettings } from '../../src/domain/records';
import type { AssignmentView, PublicationView } from '../../src/domain/views-coordination';
import { demoUser, startStack } from '../e2e/support/stack';
import { callerFor, INJECTIONS, type ApiCaller } from './application-api-support';

let stack: LocalStack;
let settings: OrganisationSettings;
let head: ApiCaller;
let coordinator: ApiCaller;
let staff: ApiCaller;
let ownService: string;
let otherService: string;

beforeAll(async () => {
  stack = await startStack();
  settings = await stack.stagemap.deps.organisation.current();
  const h = demoUser('serviceHead');
  ownService = settings.services.find((s) => s.headOid === h.id)!.key;
  otherService = settings.services.find((s) => s.key !== ownService)!.key;
  [head, coordinator, staff] = await Promise.all([
    callerFor(stack, h),
    callerFor(stack, demoUser('coordinator')),
    callerFor(stack, demoUser('staff')),
  ]);
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const proposal = (service: string, over: Record<string, unknown> = {}) => ({
  service,
  title: 'Dashboard verkeersveiligheid',
  description: 'Een dashboard bouwen met de ongevallencijfers van de voorbije vijf jaar.',
  context: 'De dienst rapporteert jaarlijks aan de minister.',
  contacts: 'Pieter Claes',
  qualityCriteria: 'Cijfers reproduceerbaar, dashboard toegankelijk',
  deadlines: 'Prototype na zes weken',
  profile: 'Master data science',
  periodStart: '2027-02-01',
  periodEnd: '2027-05-31',
  places: 2,
  research: false,
  ...over,
});

describe('needs analysis over HTTP', { timeout: 60_000 }, () => {
  it('a service head proposes for the service they head, not for another one (403)', async () => {
    const other = await head.call('POST', '/assignments', proposal(otherService));
    expect(other.status).toBe(403);
    const own = await head.call('POST', '/assignments', proposal(ownService));
    expect(own.status).toBe(201);
    const v = own.body as unknown as AssignmentView;
    expect(v).toMatchObject({ service: ownService, status: 'proposed', places: 2, year: 2026, allowed: [] });
    expect(v.proposedBy?.id).toBe(demoUser('serviceHead').id);
    // Nothing was written for the refused one.
    const all = await stack.stagemap.deps.repos.assignments.byService(otherService, 2026);
    expect(all.filter((a) => a.title === 'Dashboard verkeersveiligheid')).toEqual([]);
  });

  it('staff may neither propose nor read the needs analysis; bad input gets localised field errors', async () => {
    expect((await staff.call('POST', '/assignments', proposal(ownService))).status).toBe(403);
    expect((await staff.call('GET', '/assignments?year=2026')).status).toBe(403);
    const fr = await callerFor(stack, demoUser('serviceHead'), 'fr');
    const bad = await fr.call('POST', '/assignments', {
      ...proposal(ownService),
      title: '',
      periodEnd: '2027-01-01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields).toEqual(
      expect.arrayContaining([
        { path: 'title', message: 'Ce champ est obligatoire.' },
        { path: 'periodEnd', message: 'La date de fin ne peut pas précéder la date de début.' },
      ]),
    );
  });

  it('a service head sees only their services; the coordinator sees all, with the capacity', async () => {
    const mine = await head.call('GET', '/assignments?year=2026');
    expect(mine.status).toBe(200);
    const items = mine.body.items as AssignmentView[];
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((a) => a.service))).toEqual(new Set([ownService]));
    expect(mine.body.capacity).toBeUndefined();
    const all = await coordinator.call('GET', '/assignments?year=2026');
    expect(new Set((all.body.items as AssignmentView[]).map((a) => a.service)).size).toBeGreaterThan(1);
    expect(all.body.capacity).toMatchObject({ year: 2026, policySet: false });
  });

  it('the coordinator approves with a capacity warning and the figures, then publishes', async () => {
    const created = (
      await head.call('POST', '/assignments', proposal(ownService, { title: 'Capaciteitstest', places: 3 }))
    ).body as unknown as AssignmentView;
    // The policy's capacity (plan of approach, A1) is not in the settings schema yet: inject it where it is read.
    const org = stack.stagemap.deps.organisation;
    const original = org.current.bind(org);
    org.current = async () => ({
      ...(await original()),
      capacity: { perYear: 100, perService: { [ownService]: 1 } },
    });
    try {
      expect(
        (await head.call('POST', `/assignments/${created.id}/approve`, {}, { 'if-match': created.etag }))
          .status,
      ).toBe(403);
      const noEtag = await coordinator.call('POST', `/assignments/${created.id}/approve`, {});
      expect(noEtag.status).toBe(400);
      const stale = await coordinator.call(
        'POST',
        `/assignments/${created.id}/approve`,
        {},
        { 'if-match': '"stale"' },
      );
      expect(stale.status).toBe(409);
      const ok = await coordinator.call(
        'POST',
        `/assignments/${created.id}/approve`,
        {},
        { 'if-match': created.etag },
      );
      expect(ok.status).toBe(200);
      const cap = ok.body.capacity as Record<string, unknown>;
      expect(cap).toMatchObject({ exceeds: true, capacityService: 1, capacityYear: 100 });
      expect(cap.afterService).toBe((cap.usedService as number) + 3);
      expect(cap.afterYear).toBe((cap.usedYear as number) + 3);
      expect((cap.warnings as string[])[0]).toMatch(
        new RegExp(`reaches ${String(cap.afterService)} internship places.*provides for 1`),
      );
      const approved = ok.body.assignment as AssignmentView;
      expect(approved.status).toBe('approved');
      expect(approved.allowed).toEqual(['publish', 'withdraw']);
      // A second approve is not a step from "approved".
      const again = await coordinator.call(
        'POST',
        `/assignments/${created.id}/approve`,
        {},
        { 'if-match': approved.etag },
      );
      expect(again.status).toBe(409);
      const pub = await coordinator.call(
        'POST',
        `/assignments/${created.id}/publish`,
        {},
        { 'if-match': approved.etag },
      );
      expect(pub.status).toBe(200);
      expect((pub.body.assignment as AssignmentView).status).toBe('published');
    } finally {
      org.current = original;
    }
    const text = await coordinator.call('POST', '/assignments/publication', {
      year: 2026,
      mailbox: 'stages@fod.example.be',
      applyBy: '2026-12-15',
    });
    expect(text.status).toBe(200);
    const p = text.body as unknown as PublicationView;
    expect(p.assignments).toBeGreaterThan(0);
    for (const l of ['nl', 'fr', 'de', 'en'] as const) {
      expect(p.texts[l]).toContain('Capaciteitstest');
      expect(p.texts[l]).toContain('stages@fod.example.be');
    }
    expect(p.texts.nl).toContain('Stel je kandidaat vóór 15 december 2026.');
    expect(p.texts.fr).toContain('Informations pratiques');
    expect(
      (await head.call('POST', '/assignments/publication', { year: 2026, mailbox: 'a@b.be' })).status,
    ).toBe(403);
  });

  it('stores and returns injection strings literally', async () => {
    for (const s of INJECTIONS) {
      const res = await head.call(
        'POST',
        '/assignments',
        proposal(ownService, { title: s, description: s, profile: s }),
      );
      expect(res.status).toBe(201);
      const v = res.body as unknown as AssignmentView;
      expect([v.title, v.description, v.profile]).toEqual([s, s, s]);
      const read = await coordinator.call('GET', `/assignments/${v.id}`);
      expect((read.body as unknown as AssignmentView).title).toBe(s);
    }
    // The list (an OData filter on Year and Service) is not disturbed by them.
    const list = await head.call('GET', '/assignments?year=2026');
    const titles = (list.body.items as AssignmentView[]).map((a) => a.title);
    for (const s of INJECTIONS) expect(titles).toContain(s);
  });
});
