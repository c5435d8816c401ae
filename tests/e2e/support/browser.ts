import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
/**
 * `thirdPartyStorage`: let framed pages use storage, as the Teams clients do for their tab frames (headless Chromium
 * blocks it by default, like a browser with third-party cookies blocked).
 */
export function launchChromium(opts: { thirdPartyStorage?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(opts.thirdPartyStorage ? ['--disable-features=BlockThirdPartyCookies'] : []),
    ],
  });
}

/** axe-core with the WCAG 2.1 A and AA rules; returns the violations (an empty list is the goal). */
export async function axeViolations(page: Page) {
  // Colours are judged at rest: a hover or theme transition still running (Fluent animates background and text
  // colours) would be measured half-way. Finite animations are awaited (at most 2 s); endless ones (spinners) not.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((r) => setTimeout(r, 2000)),
    ]),
  );
  // Fluent UI's focus manager (tabster) inserts invisible `<i data-tabster-dummy aria-hidden tabindex=0>` sentinels
  // that pass focus on to the real element; axe reports them as aria-hidden-focus. They are excluded, nothing else.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}
