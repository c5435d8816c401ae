import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCAL_APP_ID } from '../../src/emulator/config';
import { userToken } from '../emulator/support';
import { demoUser, signIn } from './support/stack';
import { useStackAndBrowser } from './support/suite';

const env = useStackAndBrowser();

const HOSTILE_NAME = `Eve <img src=x onerror="window.__xss='name'"> O'Brien`;
const HOSTILE_TOPIC = `<script>window.__xss='topic'</script><b>bold</b> & "quotes"`;
const HOSTILE_MILESTONE = `<img src=x onerror="window.__xss='milestone'">Mijlpaal`;
const HOSTILE_WORK = `<svg onload="window.__xss='work'"></svg>Eindwerk <b>vet</b>`;

async function noScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
}

describe('keyboard only, and hostile text', { timeout: 90_000 }, () => {
  it('names and free texts with markup render as text everywhere; no script runs', async () => {
    // Seeded through the API, as a coordinator would type them.
    const running = (await env.stack.stagemap.deps.repos.internships.byPhase('execution'))[0]!;
    const token = await userToken(
      env.stack.emulator,
      demoUser('coordinator').userPrincipalName,
      `api://${LOCAL_APP_ID}/access_as_user`,
    );
    const res = await fetch(`${env.stack.stagemap.url}/api/internships/${running.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'if-match': running.etag,
      },
      body: JSON.stringify({ internName: HOSTILE_NAME, topic: HOSTILE_TOPIC, overviewConsent: true }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const stored = await env.stack.stagemap.deps.repos.internships.getById(running.id);
    expect([stored?.intern.displayName, stored?.topic]).toEqual([HOSTILE_NAME, HOSTILE_TOPIC]);

    const coordinator = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    // The list is virtualised: filter so the row is on screen. The filter itself gets hostile text too.
    await coordinator.getByLabel('Filter by name, service or topic').fill('Eve <img');
    await coordinator.getByText(HOSTILE_NAME, { exact: true }).first().waitFor();
    expect(await coordinator.getByText(HOSTILE_TOPIC, { exact: true }).count()).toBeGreaterThan(0);
    await noScriptRan(coordinator);
    expect(await coordinator.locator('main img, main script, main b').count()).toBe(0);
    await coordinator.getByRole('link', { name: HOSTILE_NAME }).first().click();
    await coordinator.getByRole('heading', { name: HOSTILE_NAME }).waitFor();
    await noScriptRan(coordinator);

    // A milestone and a published final work with markup in their titles (plan section, intranet overview).
    const api = (
      method: string,
      path: string,
      init: { body?: BodyInit; json?: unknown; etag?: string } = {},
    ) =>
      fetch(`${env.stack.stagemap.url}/api${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.etag ? { 'if-match': init.etag } : {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : (init.body ?? null),
      });
    const current = (await env.stack.stagemap.deps.repos.internships.getById(running.id))!;
    const plan = await api('PUT', `/internships/${running.id}/plan`, {
      etag: current.etag,
      json: {
        projects: current.plan?.projects ?? [],
        milestones: [
          ...(current.plan?.milestones ?? []),
          { key: 'm-xss', title: HOSTILE_MILESTONE, smartCriteria: HOSTILE_TOPIC, status: 'open' },
        ],
      },
    });
    expect(plan.status, await plan.clone().text()).toBe(200);
    const handedIn = await api(
      'PUT',
      `/internships/${running.id}/final-works?${new URLSearchParams({ name: 'xss.pdf', title: HOSTILE_WORK })}`,
      { body: new TextEncoder().encode('%PDF-1.4\nxss') },
    );
    expect(handedIn.status, await handedIn.clone().text()).toBe(201);
    const work = (await handedIn.json()) as { id: string; etag: string };
    const published = await api('PATCH', `/internships/${running.id}/final-works/${work.id}`, {
      etag: work.etag,
      json: { published: true },
    });
    expect(published.status, await published.clone().text()).toBe(200);

    await coordinator.reload();
    await coordinator.getByRole('heading', { name: HOSTILE_NAME }).waitFor();
    await coordinator.getByText(HOSTILE_MILESTONE, { exact: true }).first().waitFor();
    await noScriptRan(coordinator);
    expect(await coordinator.locator('main img, main script, main b').count()).toBe(0);

    const staff = await signIn(env.browser, env.stack, demoUser('staff'), '?lang=en');
    await staff.goto(`${env.stack.stagemap.url}/tab/overview`);
    await staff.getByText(HOSTILE_NAME, { exact: true }).first().waitFor();
    await staff.getByText(HOSTILE_WORK, { exact: true }).first().waitFor();
    await noScriptRan(staff);
    expect(await staff.locator('main img, main script, main b').count()).toBe(0);
  });

  it('a coordinator finds and opens an internship with the keyboard only, then changes the language', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    const target = (await env.stack.stagemap.deps.repos.internships.byPhase('preparation'))[0]!;
    await page.getByRole('heading', { name: /^Internships of / }).waitFor();
    // Tab until the filter has focus (skip link, pickers, navigation, home links come first).
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Filter')))
        break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Filter by name, service or topic',
    );
    await page.keyboard.type(target.intern.displayName);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(target.intern.displayName);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: target.intern.displayName }).waitFor();
    // The first element of the page is the skip link; it moves focus to the content.
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 40; i++) {
      const label = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (label === 'Skip to content') break;
      await page.keyboard.press('Shift+Tab');
    }
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Language picker by keyboard: focus it and choose Nederlands.
    await page.getByLabel('Language').focus();
    // Typing the first letters of an option selects it in a native select.
    await page.keyboard.type('Ned');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('nl');
    await page.getByText('Terug').waitFor();
  });
});
