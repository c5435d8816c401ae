import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { axeViolations, launchChromium } from './support/browser';
import { demoUser, signIn, startStack } from './support/stack';

// The screens no journey test checks with axe: partners, plan of approach, the applications list, tab configuration.
let stack: LocalStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const PAGES = [
  { path: '/partners', ready: 'main table, main [role="table"]' },
  { path: '/policy', ready: 'main form, main textarea' },
  { path: '/applications', ready: 'main table, main [role="table"]' },
  { path: '/configure', ready: 'main [role="radiogroup"]' },
];

describe('axe on every remaining screen, in three themes', { timeout: 120_000 }, () => {
  it('partners, plan of approach, applications, configuration', async () => {
    const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=nl');
    for (const p of PAGES) {
      await page.goto(`${stack.stagemap.url}/tab${p.path}`);
      await page.locator(p.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      for (const theme of ['light', 'dark', 'contrast'] as const) {
        await page.getByLabel(/^(Theme|Thema|Thème|Design)$/).selectOption(theme);
        await page.waitForSelector(`[data-theme="${theme}"]`);
        expect(await axeViolations(page), `${p.path} (${theme})`).toEqual([]);
      }
    }
  });
});
