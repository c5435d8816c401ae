import { describe, it } from 'vitest';
import { demoUser, signIn } from './support/stack';
import { expectAccessible, useStackAndBrowser } from './support/suite';

// The screens no journey test checks with axe: partners, plan of approach, the applications list, tab configuration.
const env = useStackAndBrowser();

const PAGES = [
  { path: '/partners', ready: 'main table, main [role="table"]' },
  { path: '/policy', ready: 'main form, main textarea' },
  { path: '/applications', ready: 'main table, main [role="table"]' },
  { path: '/configure', ready: 'main [role="radiogroup"]' },
];

describe('axe on every remaining screen, in three themes', { timeout: 120_000 }, () => {
  it('partners, plan of approach, applications, configuration', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=nl');
    for (const p of PAGES) {
      await page.goto(`${env.stack.stagemap.url}/tab${p.path}`);
      await page.locator(p.ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, p.path);
    }
  });
});
