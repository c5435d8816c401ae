import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/graph/folders/folder-names';
import { demoUser, signIn } from './support/stack';
import { expectAccessible, useStackAndBrowser } from './support/suite';

const env = useStackAndBrowser();

describe('home per role, against the npm start stack', { timeout: 90_000 }, () => {
  it('a coordinator sees every internship by phase, arrivals and departures', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    await page.getByRole('heading', { name: /^Internships of / }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Internships by phase' }).count()).toBe(1);
    const rows = page.locator('[role="table"] [role="row"][aria-rowindex]');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const count = await page.locator('[role="table"]').getAttribute('aria-rowcount');
    expect(Number(count) - 1).toBe(42);
    await expectAccessible(page, 'coordinator home');
    await page.close();
  });

  it('a mentor sees only their interns and can open one', async () => {
    const mentor = demoUser('mentor');
    const page = await signIn(env.browser, env.stack, mentor, '?lang=nl');
    await page.getByRole('heading', { name: 'Mijn stagiairs' }).waitFor();
    const links = page.locator('[role="table"] [role="row"] a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    const n = await links.count();
    expect(n).toBeLessThan(42);
    // With the keyboard: the "due from me" list appears above the table once the table is there, and a mouse
    // click computed before that shift can miss.
    await links.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tab\/internships\//);
    await expect
      .poll(() => page.locator('dd').allInnerTexts())
      .toEqual(expect.arrayContaining([mentor.displayName]));
    await expectAccessible(page, 'internship page (mentor)');
    await page.close();
  });

  it('a staff member only gets the overview, with consented interns', async () => {
    // One intern currently at work withdraws consent: they must disappear from the overview.
    const repo = env.stack.stagemap.deps.repos.internships;
    const running = (await repo.all()).filter((i) => i.phase === 'execution' && i.overviewConsent);
    expect(running.length).toBeGreaterThan(1);
    await repo.update(running[0]!, { overviewConsent: false });
    const page = await signIn(env.browser, env.stack, demoUser('staff'), '?lang=fr');
    await page.getByRole('button', { name: "Ouvrir l'aperçu" }).click();
    await page.getByRole('heading', { name: 'Qui fait un stage où' }).waitFor();
    const interns = page.getByRole('table', { name: 'Qui fait un stage où' });
    await interns.locator('tbody tr').first().waitFor();
    const names = await interns.locator('tbody tr td:first-child').allInnerTexts();
    const consented = (await env.stack.stagemap.deps.repos.internships.all()).filter(
      (i) =>
        i.overviewConsent &&
        (i.phase === 'execution' ||
          i.phase === 'evaluation' ||
          (i.phase === 'decision' && i.decision === 'accepted')),
    );
    expect(names.sort()).toEqual(consented.map((i) => i.intern.displayName).sort());
    const hidden = (await env.stack.stagemap.deps.repos.internships.all()).filter(
      (i) => !i.overviewConsent && i.phase === 'execution',
    );
    expect(hidden.length).toBeGreaterThan(0);
    for (const h of hidden) expect(names).not.toContain(h.intern.displayName);
    // The API refuses a staff member the internship itself, not only the screen.
    const res = await page.evaluate(async (id) => {
      const token = JSON.parse(sessionStorage.getItem('stagemap.local.token') ?? '{}').token as string;
      return (await fetch(`/api/internships/${id}`, { headers: { authorization: `Bearer ${token}` } }))
        .status;
    }, hidden[0]!.id);
    expect(res).toBe(404);
    // The published final works of consented interns, opening in a new tab; the unpublished one is not there.
    const works = await env.stack.stagemap.deps.repos.finalWorks.all();
    const byKey = new Map((await repo.all()).map((i) => [i.key, i]));
    const shown = works.filter((w) => w.published && byKey.get(w.internshipKey)?.overviewConsent);
    const unpublished = works.filter((w) => !w.published);
    expect(shown.length).toBeGreaterThan(1);
    expect(unpublished.length).toBeGreaterThan(0);
    const table = page.getByRole('table', { name: 'Travaux de fin publiés' });
    const titles = await table.locator('tbody tr td:first-child').allInnerTexts();
    expect(titles.sort()).toEqual(shown.map((w) => w.title).sort());
    for (const w of unpublished) expect(titles).not.toContain(w.title);
    for (const link of await table.getByRole('link').all()) {
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
      expect(await link.getAttribute('aria-label')).toMatch(
        /^Ouvrir « .+ » de .+ \(dans un nouvel onglet\)$/,
      );
    }
    await expectAccessible(page, 'overview (staff)');
    await page.close();
  });

  it('a coordinator publishes the waiting final work from the internship page, with the keyboard', async () => {
    const works = env.stack.stagemap.deps.repos.finalWorks;
    const waiting = (await works.all()).find((w) => !w.published)!;
    const internship = (await env.stack.stagemap.deps.repos.internships.getByKey(waiting.internshipKey))!;
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    await page.goto(`${env.stack.stagemap.url}/tab/internships/${internship.id}?lang=en`);
    await page.waitForSelector('body[data-ready="true"]');
    const row = page.locator(`[data-final-work="${waiting.id}"]`);
    await expect.poll(() => row.getAttribute('data-published')).toBe('false');
    const toggle = row.getByRole('switch', { name: `Publish “${waiting.title}” on the intranet overview` });
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByText(`“${waiting.title}” is now on the intranet overview.`).waitFor();
    await expect.poll(() => row.getAttribute('data-published')).toBe('true');
    // Published means copied into the FinalWorks library, under the internship key and the title.
    const now = await works.getById(waiting.id);
    expect(now?.published).toBe(true);
    expect(now?.copy?.name).toBe(safeFileName(`${internship.key} - ${waiting.title}.pdf`));
    await expectAccessible(page, 'internship page with a final work (coordinator)');

    await page.goto(`${env.stack.stagemap.url}/tab/overview?lang=en`);
    const table = page.getByRole('table', { name: 'Published final works' });
    await table
      .getByRole('link', {
        name: `Open “${waiting.title}” by ${internship.intern.displayName} (opens in a new tab)`,
      })
      .waitFor();
    await page.close();
  });
});
