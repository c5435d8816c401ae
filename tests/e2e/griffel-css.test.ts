import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoUser, signIn } from './support/stack';
import { useStackAndBrowser } from './support/suite';

// The built tab takes all of Griffel's CSS (Fluent's and ours) from one stylesheet (scripts/vite-griffel-extract.ts):
// a rule still inserted at runtime would land after it and could win where Griffel's order says it must lose.
const env = useStackAndBrowser();

/** Rules Griffel's runtime inserted (its `<style data-make-styles-bucket>` elements), and the stylesheet's. */
const styleRules = (page: Page) =>
  page.evaluate(() => ({
    runtime: [...document.querySelectorAll('style[data-make-styles-bucket]')].reduce(
      (n, s) => n + ((s as HTMLStyleElement).sheet?.cssRules.length ?? 0),
      0,
    ),
    extracted: [...document.styleSheets]
      .filter((s) => /\/tab\/assets\/griffel-[\w-]+\.css$/.test(s.href ?? ''))
      .reduce((n, s) => n + s.cssRules.length, 0),
  }));

describe('Griffel CSS extracted at build time', { timeout: 120_000 }, () => {
  it('styles the home, an internship and the settings from the stylesheet, none inserted at runtime', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en&theme=dark');
    await page.locator('[role="table"] [role="row"] a').first().waitFor();
    await page.waitForLoadState('networkidle');
    const home = await styleRules(page);
    expect(home.extracted).toBeGreaterThan(1000);
    expect(home.runtime).toBe(0);
    // Fluent's provider (precompiled __styles) and our shell (makeStyles, compiled by the build) are styled.
    const styled = await page.evaluate(() => {
      const provider = getComputedStyle(document.querySelector('.fui-FluentProvider')!);
      const header = getComputedStyle(document.querySelector('header')!);
      return { font: provider.fontFamily, header: header.display, border: header.borderBottomStyle };
    });
    expect(styled).toEqual({ font: expect.stringContaining('Segoe UI'), header: 'flex', border: 'solid' });

    const running = (await env.stack.stagemap.deps.repos.internships.byPhase('execution'))[0]!;
    await page.goto(`${env.stack.stagemap.url}/tab/internships/${running.id}?lang=en&theme=contrast`);
    await page.getByRole('heading', { name: running.intern.displayName }).waitFor();
    await page.waitForLoadState('networkidle');
    expect((await styleRules(page)).runtime).toBe(0);

    await page.goto(`${env.stack.stagemap.url}/tab/settings?lang=en&theme=light`);
    await page.locator('main input').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect((await styleRules(page)).runtime).toBe(0);
  });
});
