import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { serveTab } from './support/static-tab-server';

// The tab must boot fast in a plain browser (no Teams timeout) and, inside a Teams host, speak the teams-js host
// protocol: initialise, read the context (locale, theme, deep link), report notifySuccess, follow theme changes.

const config = {
  apiBaseUrl: '',
  auth: { mode: 'local', authority: 'http://127.0.0.1:1', clientId: 'x', scope: 'api://x/access_as_user' },
  teamsHostOrigins: [] as string[],
};

/** A page playing Teams: frames the tab and answers its postMessage requests as the Teams host does. */
const hostPage = (tabUrl: string) => `<!doctype html><html lang="en"><head><title>host</title></head><body>
<iframe id="tab" title="tab" src="${tabUrl}" style="width:1000px;height:700px"></iframe>
<script>
  window.received = [];
  window.success = false;
  const runtime = JSON.stringify({ apiVersion: 4, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
    supports: { pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} }, teamsCore: {}, logs: {} } });
  const context = { locale: 'fr-BE', theme: 'dark', hostName: 'Teams', hostClientType: 'web', entityId: 'home',
    subEntityId: 'internship-42', frameContext: 'content', userObjectId: 'u1', tid: 't1', appSessionId: 's1' };
  window.addEventListener('message', (e) => {
    const m = e.data || {};
    if (!m.func) return;
    window.received.push(m.func);
    const reply = (args) => e.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, e.origin);
    if (m.func === 'initialize') reply(['content', 'web', runtime, '2.0.0']);
    else if (m.func === 'getContext') reply([context]);
    else if (m.func === 'appInitialization.success') { window.success = true; }
    else if (m.func === 'authentication.getAuthToken') reply(window.sso ? [true, window.sso] : [false, 'resourceRequiresConsent']);
  });
  window.sendTheme = (t) => document.getElementById('tab').contentWindow.postMessage({ func: 'themeChange', args: [t] }, '*');
</script></body></html>`;

let browser: Browser;
let tab: Awaited<ReturnType<typeof serveTab>>;
beforeAll(async () => {
  browser = await launchChromium({ thirdPartyStorage: true });
  tab = await serveTab(config);
});

/** A page already signed in (a token in the session), so boot is measured without the sign-in round trip. */
async function signedInPage() {
  const page = await browser.newPage();
  await page.addInitScript(() =>
    sessionStorage.setItem(
      'stagemap.local.token',
      JSON.stringify({ token: 'x.y.z', expiresAt: Date.now() + 3_600_000 }),
    ),
  );
  return page;
}
afterAll(async () => {
  await browser?.close();
  await tab?.close();
});

describe('tab boot', () => {
  it('is usable in a plain browser within 2 s, without waiting for Teams', async () => {
    const page = await signedInPage();
    const started = Date.now();
    await page.goto(`${tab.url}/tab/?lang=nl`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 2000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    // Outside Teams the language and theme pickers are shown.
    expect(await page.getByLabel('Taal').count()).toBe(1);
    await page.close();
  });

  it('inside a simulated Teams host: reads the context, reports notifySuccess and follows theme changes', async () => {
    // Another origin (localhost vs 127.0.0.1) frames the tab, as Teams does.
    const hostOrigin = tab.url.replace('127.0.0.1', 'localhost');
    config.teamsHostOrigins = [hostOrigin];
    tab.pages['/host.html'] = hostPage(`${tab.url}/tab/`);
    const page = await signedInPage();
    await page.goto(`${hostOrigin}/host.html`);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page
      .waitForFunction(() => (window as unknown as { success: boolean }).success === true, null, {
        timeout: 5000,
      })
      .catch(async (e: unknown) => {
        const received = await page.evaluate(() => (window as unknown as { received: string[] }).received);
        throw new Error(
          `no notifySuccess; host received ${JSON.stringify(received)}; errors ${JSON.stringify(errors)}`,
          { cause: e },
        );
      });
    const frame = page.frameLocator('#tab');
    await expect.poll(() => frame.locator('html').getAttribute('lang')).toBe('fr');
    expect(await frame.locator('[data-theme]').getAttribute('data-theme')).toBe('dark');
    // In Teams the pickers are hidden: Teams decides language and theme.
    expect(await frame.getByLabel('Langue').count()).toBe(0);
    const received = await page.evaluate(() => (window as unknown as { received: string[] }).received);
    expect(received.slice(0, 2)).toEqual(['initialize', 'getContext']);
    await page.evaluate(() => (window as unknown as { sendTheme(t: string): void }).sendTheme('contrast'));
    await expect.poll(() => frame.locator('[data-theme]').getAttribute('data-theme')).toBe('contrast');
    await page.close();
  });

  it('in a tenant inside Teams: signs in through the host (getAuthToken), without downloading MSAL', async () => {
    const tenant = {
      apiBaseUrl: '',
      auth: {
        mode: 'msal',
        authority: 'https://login.microsoftonline.com/t1',
        clientId: 'x',
        scope: 'api://x/access_as_user',
      },
      teamsHostOrigins: [] as string[],
    };
    const msalTab = await serveTab(tenant);
    const hostOrigin = msalTab.url.replace('127.0.0.1', 'localhost');
    tenant.teamsHostOrigins = [hostOrigin];
    try {
      const token = `h.${Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url')}.s`;
      msalTab.pages['/host.html'] = hostPage(`${msalTab.url}/tab/`);
      const page = await browser.newPage();
      await page.addInitScript((t) => {
        (window as unknown as { sso: string }).sso = t;
      }, token);
      const scripts: string[] = [];
      const auth: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
        if (new URL(r.url()).pathname.startsWith('/api/')) auth.push(r.headers()['authorization'] ?? '');
      });
      await page.goto(`${hostOrigin}/host.html`);
      await expect.poll(() => auth.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(new Set(auth)).toEqual(new Set([`Bearer ${token}`]));
      const received = await page.evaluate(() => (window as unknown as { received: string[] }).received);
      expect(received).toContain('authentication.getAuthToken');
      expect(scripts.filter((u) => /msal/.test(u))).toEqual([]);
      await page.close();
    } finally {
      await msalTab.close();
    }
  });
});
