import { describe, expect, it } from 'vitest';
import { demoUser, signIn } from './support/stack';
import { expectAccessible, useStackAndBrowser } from './support/suite';

const env = useStackAndBrowser();

describe('policy, settings and the yearly report in the tab', { timeout: 90_000 }, () => {
  it('a coordinator edits a checklist item text in Dutch and hides another; SharePoint holds both', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=nl');
    await page.getByRole('tab', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { name: 'Sjablonen van checklists' }).waitFor();
    const rows = page.locator('[data-template]');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const edited = (await rows.nth(0).getAttribute('data-template'))!;
    const hidden = (await rows.nth(1).getAttribute('data-template'))!;
    await rows.nth(0).getByRole('textbox').fill('Badge, laptop en parkeerkaart klaarzetten');
    await rows.nth(1).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Bewaren' }).click();
    await page.getByText('Bewaard.').waitFor();

    const { settings } = await env.stack.stagemap.deps.repos.settings.read();
    expect(settings.checklistOverrides).toEqual(
      expect.arrayContaining([
        { templateKey: edited, text: { nl: 'Badge, laptop en parkeerkaart klaarzetten' } },
        { templateKey: hidden, hidden: true },
      ]),
    );
    // Opened afresh, the form shows what is stored.
    await page.goto(`${env.stack.stagemap.url}/tab/settings?lang=nl`);
    await page.getByRole('heading', { name: 'Sjablonen van checklists' }).waitFor();
    await expect
      .poll(() => page.locator(`[data-template="${edited}"]`).getByRole('textbox').inputValue())
      .toBe('Badge, laptop en parkeerkaart klaarzetten');
    expect(await page.locator(`[data-template="${hidden}"]`).getByRole('checkbox').isChecked()).toBe(true);
    await expectAccessible(page, 'settings');
    await page.close();
  });

  it('a coordinator sees the yearly report charts with their tables, and the home charts', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    // The home's charts: drawn lazily, with the figures as tables.
    await expect
      .poll(() => page.locator('figure[data-chart] svg.recharts-surface').count())
      .toBeGreaterThanOrEqual(4);
    await page.getByRole('tab', { name: 'Yearly report' }).click();
    await page.getByRole('heading', { name: 'Yearly policy evaluation' }).waitFor();
    await expect
      .poll(() => page.locator('figure[data-chart] svg.recharts-surface').count())
      .toBeGreaterThanOrEqual(5);
    const perService = page.getByRole('table', { name: 'Interns per service' });
    await expect.poll(() => perService.getByRole('row').count()).toBeGreaterThan(2);
    // The drawing is hidden from assistive technology; the table carries the figures.
    expect(await page.locator('figure[data-chart] [aria-hidden="true"] svg').count()).toBeGreaterThanOrEqual(
      5,
    );
    const total = await page
      .locator('dt', { hasText: /^Internships$/ })
      .locator('xpath=following-sibling::dd')
      .innerText();
    const view = await page.evaluate(async () => {
      const token = JSON.parse(sessionStorage.getItem('stagemap.local.token') ?? '{}').token as string;
      return (await fetch('/api/reports/yearly', { headers: { authorization: `Bearer ${token}` } })).json();
    });
    expect(Number(total)).toBe(view.totals.internships);
    await expectAccessible(page, 'yearly report');
    await page.close();
  });

  it('a staff member reads the regulation but gets no policy screens', async () => {
    const coordinator = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=fr');
    await coordinator.getByRole('tab', { name: 'Politique' }).click();
    await coordinator.getByRole('tab', { name: 'Règlement de stage' }).click();
    await coordinator.getByLabel("Ce à quoi le stagiaire s'engage").fill('Respecter les heures de travail.');
    await coordinator.getByRole('button', { name: 'Enregistrer' }).click();
    await coordinator.getByText('Enregistré.').waitFor();
    await coordinator.close();

    const page = await signIn(env.browser, env.stack, demoUser('staff'), '?lang=fr');
    // The navigation appears once its labels' texts are loaded.
    await page.getByRole('tab', { name: 'Règlement' }).waitFor();
    const tabs = await page.getByRole('tab').allInnerTexts();
    expect(tabs).toContain('Règlement');
    expect(tabs).not.toContain('Politique');
    expect(tabs).not.toContain('Paramètres');
    await page.getByRole('tab', { name: 'Règlement' }).click();
    await page.getByText('Respecter les heures de travail.').waitFor();
    await expectAccessible(page, 'regulation (staff)');
    await page.close();
  });
});
