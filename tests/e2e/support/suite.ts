import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { LocalStack } from '../../../scripts/lib/local-stack';
import { axeViolations, launchChromium } from './browser';
import { startStack } from './stack';

// Vitest helpers of the e2e files, apart from browser.ts because benches and scripts import that one too.

/**
 * Starts the `npm start` stack and Chromium before the file's tests and closes both after them. The getters are
 * only valid inside tests and hooks (they read what `beforeAll` set).
 */
export function useStackAndBrowser(): { readonly stack: LocalStack; readonly browser: Browser } {
  let stack: LocalStack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  return {
    get stack() {
      if (!stack) throw new Error('The stack is not started yet: use it inside a test or hook.');
      return stack;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet: use it inside a test or hook.');
      return browser;
    },
  };
}

const THEMES = ['light', 'dark', 'contrast'] as const;

/** The page is axe-clean (WCAG 2.1 AA) in each theme, chosen with the tab's own theme picker. */
export async function expectAccessible(page: Page, label: string) {
  for (const theme of THEMES) {
    await page.getByLabel(/^(Theme|Thema|Thème|Design)$/).selectOption(theme);
    await page.waitForSelector(`[data-theme="${theme}"]`);
    expect(await axeViolations(page), `${label} (${theme})`).toEqual([]);
  }
}
