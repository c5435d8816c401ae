import { describe, expect, it } from 'vitest';
import { TEXTS } from '../../src/bot/cards/texts';
import { questionnaire, TRAFFIC_LIGHT_CHOICES } from '../../src/domain/questionnaires';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { axeViolations } from './support/browser';
import { useStackAndBrowser } from './support/suite';

const env = useStackAndBrowser();

const ANSWERED = /^(Beantwoord door|Répondu par|Beantwortet von|Answered by) /;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPEN_IN_TAB = new RegExp(`^(${Object.values(TEXTS.openInStagemap).map(escape).join('|')})$`);

describe('a mentor answers a follow-up card in the local Teams chat', { timeout: 120_000 }, () => {
  it('the card arrives at 09:00 on its day, the answer refreshes the card, lands in SharePoint and shows in the tab', async () => {
    const { repos } = env.stack.stagemap.deps;
    // The next planned follow-up of an internship in execution.
    const running = new Map((await repos.internships.byPhase('execution')).map((i) => [i.key, i]));
    const moments = (await repos.moments.all())
      .filter((m) => m.kind === 'followUp' && m.state === 'planned' && running.has(m.internshipId))
      .sort((a, b) => a.sendAt.localeCompare(b.sendAt));
    const moment = moments[0]!;
    const internship = running.get(moment.internshipId)!;
    const mentor = DEMO_USERS.find((u) => u.id === internship.mentor?.id)!;
    expect(mentor).toBeDefined();

    // Time moves to one minute past the moment's send time; the tester presses "run the scheduler now".
    const at = new Date(Date.parse(moment.sendAt) + 60_000).toISOString();
    await fetch(`${env.stack.emulator.url}/_emulator/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: at }),
    });
    const sweep = await fetch(`${env.stack.stagemap.url}/dev/sweep`, { method: 'POST' });
    expect(sweep.status).toBe(200);

    const context = await env.browser.newContext();
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${env.stack.emulator.url}/_emulator/teams/${mentor.id}`);
    const submit = page.getByRole('button', { name: /^(Verzenden|Envoyer|Absenden|Submit)$/ }).last();
    await submit.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Answer every required question: the first option of each choice set, a short text in each text box.
    const radios = page.locator('input[type="radio"]');
    const names = new Set(await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name)));
    for (const name of names) await page.locator(`input[type="radio"][name="${name}"]`).first().check();
    for (const box of await page.locator('textarea, input[type="text"]').all())
      if (!(await box.inputValue())) await box.fill('Goed bezig, feedback gegeven.');
    await submit.click();
    await page.getByText(ANSWERED).first().waitFor();
    expect(failed, 'failed requests of the page').toEqual([]);

    // In SharePoint: the moment is answered by the mentor and the answers are stored.
    const after = (await repos.moments.byInternship(moment.internshipId)).find((m) => m.key === moment.key)!;
    expect(after.state).toBe('answered');
    expect(after.answeredByOid).toBe(mentor.id);
    const answers = (await repos.evaluations.byInternship(moment.internshipId)).filter(
      (e) => e.momentKey === moment.key,
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]!.respondentOid).toBe(mentor.id);

    // The tester puts the clock back to real time first ("Back to real time" on the page): the tab's sign-in
    // tokens carry the emulator's clock while the server checks them against the real one, so with the clock
    // days ahead the tab answers "not signed in" (reported; the fix is in the server's token validator).
    expect((await fetch(`${env.stack.emulator.url}/_emulator/clock`, { method: 'DELETE' })).status).toBe(200);

    // "Open in Stagemap" on the answered card: a Teams deep link to the tab with the internship as sub-entity.
    // Teams would open the tab with it as `subPageId`; here the link is caught on its way out (there is no
    // Teams offline) and the tab opened with the same sub-entity, the way the tab reads it outside Teams.
    const deepLinks: string[] = [];
    await context.route('https://teams.microsoft.com/**', async (route) => {
      const url = route.request().url();
      deepLinks.push(url);
      const sub = (JSON.parse(new URL(url).searchParams.get('context') ?? '{}') as { subEntityId?: string })
        .subEntityId;
      await route.fulfill({
        status: 302,
        headers: {
          location: `${env.stack.stagemap.url}/tab/?lang=en&internship=${encodeURIComponent(sub ?? '')}`,
        },
      });
    });
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('link', { name: OPEN_IN_TAB }).last().click(),
    ]);
    tab.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    expect(deepLinks).toHaveLength(1);
    expect(deepLinks[0]).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);
    // Signed in as the mentor through the emulator's picker, then the tab opens the internship.
    await tab.waitForURL(/\/oauth2\/v2\.0\/authorize/);
    await tab.locator(`button[name="login_hint"][value="${mentor.userPrincipalName}"]`).click();
    await tab.waitForURL(new RegExp(`/tab/internships/${escape(encodeURIComponent(internship.key))}`));
    await tab.waitForSelector('body[data-ready="true"]');

    // The moments: this follow-up answered, by the mentor, with the time.
    const seq = String(moment.seq);
    const row = tab
      .getByRole('row')
      .filter({ has: tab.locator('summary', { hasText: new RegExp(`^Follow-up\\b.*\\b${seq}$`) }) });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => row.innerText()).toContain('Answered');
    expect(await row.innerText()).toContain(`${mentor.displayName} (`);

    // The evaluations: the card's answer under its questionnaire, by the mentor, newest first.
    const title = questionnaire('followUp').title.en;
    const header = tab.getByRole('button', {
      name: new RegExp(`^${escape(title)} — ${escape(mentor.displayName)} `),
    });
    await header.first().click();
    const panel = tab.getByLabel(`Answers of ${title}`).first();
    await panel.waitFor();
    const stored = answers[0]!.answers;
    const light = TRAFFIC_LIGHT_CHOICES.find((c) => c.key === stored['followUp.status'])!;
    expect(light).toBeDefined();
    const shown = await panel.innerText();
    expect(shown).toContain(light.text.en);
    expect(shown).toContain(String(stored['followUp.note']));
    expect(failed, 'failed requests of the pages').toEqual([]);
    await context.close();
  });
});
