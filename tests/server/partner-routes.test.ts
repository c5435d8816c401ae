import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { demoUser, startStack } from '../e2e/support/stack';
import { apiAs, type ApiCaller } from './policy-support';

let stack: LocalStack;
let coordinator: ApiCaller;
let mentor: ApiCaller;
let staff: ApiCaller;
beforeAll(async () => {
  stack = await startStack();
  [coordinator, mentor, staff] = await Promise.all([
    apiAs(stack, demoUser('coordinator')),
    apiAs(stack, demoUser('mentor')),
    apiAs(stack, demoUser('staff')),
  ]);
}, 180_000);
afterAll(() => stack?.close());

// The server runs on the real clock: dates are relative to today.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const school = {
  name: 'Hogeschool Testland',
  kind: 'universityCollege',
  website: 'https://www.testland.example',
  programmes: ['Bachelor Office Management', 'Bachelor Toegepaste Informatica'],
  contacts: [{ name: 'An Peeters', role: 'stagebegeleider', email: 'an.peeters@testland.example' }],
  agreementSignedOn: '2025-09-01',
  agreementValidUntil: day(30),
  reviewDue: day(-10),
};

describe('partners API', { timeout: 90_000 }, () => {
  it('refuses non-coordinators (403) on every partner endpoint', async () => {
    for (const call of [mentor, staff]) {
      expect((await call('GET', '/partners')).status).toBe(403);
      expect((await call('POST', '/partners', { body: school })).status).toBe(403);
    }
    const [first] = (await (await coordinator('GET', '/partners')).json()).items;
    expect((await staff('GET', `/partners/${first.id}`)).status).toBe(403);
    expect((await mentor('DELETE', `/partners/${first.id}`, { ifMatch: first.etag })).status).toBe(403);
  });

  it('creates, reads, updates with the ETag, and lists the yearly review due', async () => {
    const created = await coordinator('POST', '/partners', { body: school });
    expect(created.status).toBe(201);
    const p = await created.json();
    expect(p).toMatchObject({
      name: 'Hogeschool Testland',
      kind: 'universityCollege',
      programmes: school.programmes,
      contacts: [{ name: 'An Peeters', role: 'stagebegeleider', email: 'an.peeters@testland.example' }],
      agreementValidUntil: day(30),
      // The agreement ends within 90 days, the review date has passed.
      agreementStatus: 'expiring',
      dueForReview: true,
    });
    const due = (await (await coordinator('GET', '/partners?due=true')).json()).items;
    expect(due.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(due.every((x: { dueForReview: boolean }) => x.dueForReview)).toBe(true);

    const changed = await coordinator('PUT', `/partners/${p.id}`, {
      body: { ...school, programmes: ['Bachelor Office Management'], reviewDue: day(300) },
      ifMatch: p.etag,
    });
    expect(changed.status).toBe(200);
    const v2 = await changed.json();
    expect(v2.programmes).toEqual(['Bachelor Office Management']);
    expect(v2.dueForReview).toBe(false);
    // SharePoint holds exactly one programme item under the school now (the other was deleted, not orphaned).
    const children = await stack.stagemap.deps.repos.partners.children(p.key);
    expect(children.filter((c) => c.type === 'programme').map((c) => c.name)).toEqual([
      'Bachelor Office Management',
    ]);

    // A stale ETag: 409 with the current version, and nothing changed.
    const stale = await coordinator('PUT', `/partners/${p.id}`, {
      body: { ...school, name: 'Overwritten' },
      ifMatch: p.etag,
    });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe('conflict');
    expect(body.error.current).toMatchObject({ id: p.id, name: 'Hogeschool Testland', etag: v2.etag });
    expect((await (await coordinator('GET', `/partners/${p.id}`)).json()).name).toBe('Hogeschool Testland');

    const reviewed = await coordinator('POST', `/partners/${p.id}/reviewed`, { ifMatch: v2.etag });
    const nextYear = new Date();
    nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
    expect((await reviewed.json()).reviewDue).toBe(nextYear.toISOString().slice(0, 10));

    const noIfMatch = await coordinator('DELETE', `/partners/${p.id}`);
    expect(noIfMatch.status).toBe(400);
    const current = await (await coordinator('GET', `/partners/${p.id}`)).json();
    expect((await coordinator('DELETE', `/partners/${p.id}`, { ifMatch: current.etag })).status).toBe(204);
    expect((await coordinator('GET', `/partners/${p.id}`)).status).toBe(404);
    expect(await stack.stagemap.deps.repos.partners.children(p.key)).toEqual([]);
  });

  it('refuses bad input in the caller language and creates nothing', async () => {
    const before = (await stack.stagemap.deps.repos.partners.all()).length;
    const res = await coordinator('POST', '/partners', {
      body: { ...school, website: 'javascript:alert(1)', reviewDue: 'soon' },
      locale: 'fr',
    });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toBe('Certains champs ne sont pas correctement remplis.');
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['reviewDue', 'website']);
    expect(error.fields.find((f: { path: string }) => f.path === 'reviewDue').message).toBe(
      'Indiquez une date valide (AAAA-MM-JJ).',
    );
    expect((await stack.stagemap.deps.repos.partners.all()).length).toBe(before);
  });
});
