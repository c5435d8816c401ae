import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { launchChromium } from './support/browser';
import { demoUser, signIn, startStack } from './support/stack';

// The README's screenshots, made by this test on every run, so they always show what the app is.
const DIR = new URL('../../docs/screenshots/', import.meta.url).pathname;

let stack: LocalStack;
let browser: Browser;
beforeAll(async () => {
  mkdirSync(DIR, { recursive: true });
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('screenshots for the README', { timeout: 120_000 }, () => {
  it('coordinator home, an internship, the overview and a card in the local Teams chat', async () => {
    const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=en');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('heading', { name: /^Internships of / }).waitFor();
    await page.locator('[role="table"] [role="row"] a').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.recharts-surface').first().waitFor();
    await page.screenshot({ path: `${DIR}coordinator-home.png` });

    const running = (await stack.stagemap.deps.repos.internships.byPhase('execution'))[0]!;
    await page.goto(`${stack.stagemap.url}/tab/internships/${running.id}`);
    await page.getByRole('heading', { name: running.intern.displayName }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${DIR}internship.png` });

    await page.goto(`${stack.stagemap.url}/tab/overview`);
    await page.locator('tbody tr').first().waitFor();
    // The navigation's labels are real words, not keys.
    expect(await page.getByRole('tab').allInnerTexts()).not.toContain('nav');
    await page.screenshot({ path: `${DIR}overview.png` });

    // A follow-up card: time moves to its send time and the scheduler runs, as the local Teams page's buttons do.
    const { repos } = stack.stagemap.deps;
    const moment = (await repos.moments.byInternship(running.key))
      .filter((m) => m.kind === 'followUp' && m.state === 'planned')
      .sort((a, b) => a.sendAt.localeCompare(b.sendAt))[0];
    expect(moment).toBeDefined();
    await fetch(`${stack.emulator.url}/_emulator/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: new Date(Date.parse(moment!.sendAt) + 60_000).toISOString() }),
    });
    expect((await fetch(`${stack.stagemap.url}/dev/sweep`, { method: 'POST' })).status).toBe(200);
    const teams = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await teams.goto(`${stack.emulator.url}/_emulator/teams/${running.mentor!.id}`);
    await teams
      .getByRole('button', { name: /^(Verzenden|Envoyer|Absenden|Submit)$/ })
      .last()
      .waitFor();
    await teams.screenshot({ path: `${DIR}teams-card.png` });
  });
});
