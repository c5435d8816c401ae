import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { axeViolations, launchChromium } from './support/browser';
import { demoUser, signIn, startStack } from './support/stack';

let stack: LocalStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const THEMES = ['light', 'dark', 'contrast'] as const;

async function expectAccessible(page: Page, label: string) {
  for (const theme of THEMES) {
    await page.getByLabel(/^(Theme|Thema|Thème|Design)$/).selectOption(theme);
    await page.waitForSelector(`[data-theme="${theme}"]`);
    expect(await axeViolations(page), `${label} (${theme})`).toEqual([]);
  }
}

describe('home per role, against the npm start stack', { timeout: 90_000 }, () => {
  it('a coordinator sees every internship by phase, arrivals and departures', async () => {
    const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=en');
    await page.getByRole('heading', { name: /^Internships of / }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Internships by phase' }).count()).toBe(1);
    const rows = page.locator('[role="table"] [role="row"][aria-rowindex]');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const count = await page.locator('[role="table"]').getAttribute('aria-rowcount');
    expect(Number(count) - 1).toBe(42);
    await expectAccessible(page, 'coordinator home');
    await page.close();
  });

  it('a mentor sees only their interns and can open one', async () => {
    const mentor = demoUser('mentor');
    const page = await signIn(browser, stack, mentor, '?lang=nl');
    await page.getByRole('heading', { name: 'Mijn stagiairs' }).waitFor();
    const links = page.locator('[role="table"] [role="row"] a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const n = await links.count();
    expect(n).toBeLessThan(42);
    await links.first().click();
    await page.getByText('Mentor', { exact: true }).first().waitFor();
    expect(await page.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining([mentor.displayName]));
    await expectAccessible(page, 'internship page (mentor)');
    await page.close();
  });

  it('a staff member only gets the overview, with consented interns', async () => {
    // One intern currently at work withdraws consent: they must disappear from the overview.
    const repo = stack.stagemap.deps.repos.internships;
    const running = (await repo.all()).filter((i) => i.phase === 'execution' && i.overviewConsent);
    expect(running.length).toBeGreaterThan(1);
    await repo.update(running[0]!, { overviewConsent: false });
    const page = await signIn(browser, stack, demoUser('staff'), '?lang=fr');
    await page.getByRole('button', { name: "Ouvrir l'aperçu" }).click();
    await page.getByRole('heading', { name: 'Qui fait un stage où' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    const names = await page.locator('tbody tr td:first-child').allInnerTexts();
    const consented = (await stack.stagemap.deps.repos.internships.all()).filter(
      (i) =>
        i.overviewConsent &&
        (i.phase === 'execution' ||
          i.phase === 'evaluation' ||
          (i.phase === 'decision' && i.decision === 'accepted')),
    );
    expect(names.sort()).toEqual(consented.map((i) => i.intern.displayName).sort());
    const hidden = (await stack.stagemap.deps.repos.internships.all()).filter(
      (i) => !i.overviewConsent && i.phase === 'execution',
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect(names).not.toContain(h.intern.displayName);
    // The API refuses a staff member the internship itself, not only the screen.
    const res = await page.evaluate(async (id) => {
      const token = JSON.parse(sessionStorage.getItem('stagemap.local.token') ?? '{}').token as string;
      return (await fetch(`/api/internships/${id}`, { headers: { authorization: `Bearer ${token}` } }))
        .status;
    }, hidden[0]!.id);
    expect(res).toBe(404);
    await expectAccessible(page, 'overview (staff)');
    await page.close();
  });
});
