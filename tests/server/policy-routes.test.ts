import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { demoUser, startStack } from '../e2e/support/stack';
import { apiAs, type ApiCaller } from './policy-support';

let stack: LocalStack;
let coordinator: ApiCaller;
let mentor: ApiCaller;
let staff: ApiCaller;
let intern: ApiCaller;
beforeAll(async () => {
  stack = await startStack();
  [coordinator, mentor, staff, intern] = await Promise.all([
    apiAs(stack, demoUser('coordinator')),
    apiAs(stack, demoUser('mentor')),
    apiAs(stack, demoUser('staff')),
    apiAs(stack, demoUser('intern')),
  ]);
}, 180_000);
afterAll(() => stack?.close());

const regulation = {
  internEngagements: 'Actief meewerken, het werkreglement volgen, verwittigen bij ziekte.',
  organisationEngagements: 'Rapporteren aan de school na de tussentijdse en de eindevaluatie.',
  terminationByIntern: 'Na een gesprek met de mentor en de coördinator.',
};

const settingsBody = (s: Record<string, unknown>) => ({
  scheduleRules: s.scheduleRules,
  checklistOverrides: s.checklistOverrides,
  customChecklistItems: s.customChecklistItems,
  retentionMonths: s.retentionMonths,
  announcements: s.announcements,
});

describe('policy and settings API', { timeout: 90_000 }, () => {
  it('refuses the policy and the settings to non-coordinators (403)', async () => {
    for (const call of [mentor, staff, intern]) {
      expect((await call('GET', '/policy')).status).toBe(403);
      expect((await call('PUT', '/policy', { body: { regulation }, ifMatch: '*' })).status).toBe(403);
      expect((await call('GET', '/settings')).status).toBe(403);
      expect((await call('PUT', '/settings', { body: {}, ifMatch: '*' })).status).toBe(403);
    }
  });

  it('saves the policy with its ETag; every staff member reads the regulation, and only that', async () => {
    const first = await (await coordinator('GET', '/policy')).json();
    const saved = await coordinator('PUT', '/policy', {
      body: {
        regulation,
        planOfApproach: {
          vision: 'Frisse blik',
          domains: ['ICT', 'HR'],
          capacityPerYear: 40,
          capacityPerTeam: [],
        },
      },
      ifMatch: first.etag,
    });
    expect(saved.status).toBe(200);
    const v1 = await saved.json();
    expect(v1.policy.regulation).toEqual(regulation);
    expect(v1.policy.planOfApproach).toMatchObject({ vision: 'Frisse blik', capacityPerYear: 40 });

    // Saving one part leaves the others as they are.
    const comms = await coordinator('PUT', '/policy', {
      body: { communicationPlan: { internal: 'Intranetbericht bij elke nieuwe stagiair' } },
      ifMatch: v1.etag,
    });
    const v2 = await comms.json();
    expect(v2.policy.regulation).toEqual(regulation);
    expect(v2.policy.communicationPlan.internal).toBe('Intranetbericht bij elke nieuwe stagiair');

    const stale = await coordinator('PUT', '/policy', { body: { regulation: {} }, ifMatch: v1.etag });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.current.policy.regulation).toEqual(regulation);

    for (const call of [staff, intern, mentor]) {
      const r = await call('GET', '/policy/regulation');
      expect(r.status).toBe(200);
      const body = await r.json();
      expect(body.regulation).toEqual(regulation);
      // The regulation, not the plan of approach or the communication plan.
      expect(JSON.stringify(body)).not.toContain('Frisse blik');
      expect(JSON.stringify(body)).not.toContain('Intranetbericht');
    }
  });

  it('writes schedule rules, checklist templates, retention and announcements; a stale ETag gets 409', async () => {
    const s = await (await coordinator('GET', '/settings')).json();
    expect(s.templates.length).toBeGreaterThan(10);
    const item = s.templates.find((t: { kind: string }) => t.kind === 'logistics');
    const next = {
      ...settingsBody(s),
      scheduleRules: { prepareArrivalWorkdaysBefore: 8, followUpEveryWorkdays: 15 },
      checklistOverrides: [
        { templateKey: item.key, text: { nl: 'Badge en laptop klaarzetten' } },
        { templateKey: s.templates[1].key, hidden: true },
      ],
      customChecklistItems: [
        {
          key: 'custom.parking',
          kind: 'logistics',
          text: { nl: 'Parkeerkaart aanvragen', fr: 'Demander une carte de parking' },
          due: { anchor: 'start', workdays: -3 },
        },
      ],
      retentionMonths: 36,
      announcements: false,
    };
    const ok = await coordinator('PUT', '/settings', { body: next, ifMatch: s.etag });
    expect(ok.status).toBe(200);
    const v = await ok.json();
    expect(v).toMatchObject({ retentionMonths: 36, announcements: false, scheduleRules: next.scheduleRules });
    expect(v.templates.find((t: { key: string }) => t.key === 'custom.parking')).toMatchObject({
      custom: true,
    });
    const stored = await stack.stagemap.deps.repos.settings.read();
    expect(stored.settings.checklistOverrides).toEqual(next.checklistOverrides);
    // Coordinators and services are untouched by a settings save.
    expect(stored.settings.coordinatorOids).toContain(demoUser('coordinator').id);
    expect(stored.settings.services.length).toBeGreaterThan(0);

    const stale = await coordinator('PUT', '/settings', {
      body: { ...next, retentionMonths: 12 },
      ifMatch: s.etag,
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()).error;
    expect(conflict.current).toMatchObject({ retentionMonths: 36, etag: v.etag });
    expect((await stack.stagemap.deps.repos.settings.read()).settings.retentionMonths).toBe(36);
  });

  it('refuses bad schedule rules with localised field errors and changes nothing', async () => {
    const s = await (await coordinator('GET', '/settings')).json();
    const bad = await coordinator('PUT', '/settings', {
      body: { ...settingsBody(s), scheduleRules: { followUpEveryWorkdays: -2, sendTime: '25:00' } },
      ifMatch: s.etag,
      locale: 'nl',
    });
    expect(bad.status).toBe(400);
    const { error } = await bad.json();
    expect(error.message).toBe('Sommige velden zijn niet correct ingevuld.');
    const byPath = Object.fromEntries(
      error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    expect(byPath['scheduleRules.followUpEveryWorkdays']).toBe('Geef een getal van minstens 0.');
    expect(byPath['scheduleRules.sendTime']).toBeDefined();

    // Coherent fields, incoherent together: the digest before the escalation to the back-up.
    const incoherent = await coordinator('PUT', '/settings', {
      body: {
        ...settingsBody(s),
        scheduleRules: { escalateToBackupAfterWorkdays: 6, digestAfterWorkdays: 4 },
      },
      ifMatch: s.etag,
      locale: 'de',
    });
    expect(incoherent.status).toBe(400);
    expect((await incoherent.json()).error.fields).toEqual([
      {
        path: 'scheduleRules.digestAfterWorkdays',
        message: 'Die Übersicht für den Koordinator kann nicht vor der Eskalation an die Vertretung kommen.',
      },
    ]);

    const unknownItem = await coordinator('PUT', '/settings', {
      body: { ...settingsBody(s), checklistOverrides: [{ templateKey: 'no.such.item', hidden: true }] },
      ifMatch: s.etag,
      locale: 'fr',
    });
    expect(unknownItem.status).toBe(400);
    expect((await unknownItem.json()).error.fields[0].message).toBe(
      "Cet élément de liste de contrôle n'existe pas.",
    );

    const after = await (await coordinator('GET', '/settings')).json();
    expect(after).toEqual(s);
  });
});
