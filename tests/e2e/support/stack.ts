import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS, type DemoRole, type DemoUser } from '../../../src/emulator/demo-directory';
import { startLocalStack, type LocalStack } from '../../../scripts/lib/local-stack';
import { tempDataDir } from '../../emulator/support';

/** The `npm start` stack (emulator + seeded site + server + tab) on free ports, with a fixed "today". */
export const startStack = (): Promise<LocalStack> =>
  startLocalStack({
    dataDir: tempDataDir(),
    today: '2026-11-26',
    internships: 42,
    log: false,
    scheduler: false,
  });

export const demoUser = (role: DemoRole, n = 0): DemoUser => DEMO_USERS.filter((u) => u.role === role)[n]!;

/** Opens the tab and signs in through the emulator's account picker, as a person would. */
export async function signIn(browser: Browser, stack: LocalStack, user: DemoUser, query = ''): Promise<Page> {
  // A context per user: axe needs one, and sessions must not leak between users.
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${stack.stagemap.url}/tab/${query}`);
  await page.waitForURL(/\/oauth2\/v2\.0\/authorize/).catch(async (e: unknown) => {
    throw new Error(
      `sign-in page not reached (at ${page.url()}): ${(await page.locator('body').innerText()).slice(0, 500)}`,
      { cause: e },
    );
  });
  await page.locator(`button[name="login_hint"][value="${user.userPrincipalName}"]`).click();
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}
