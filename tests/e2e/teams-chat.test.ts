import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { axeViolations, launchChromium } from './support/browser';
import { startStack } from './support/stack';

let stack: LocalStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const ANSWERED = /^(Beantwoord door|Répondu par|Beantwortet von|Answered by) /;

describe('a mentor answers a follow-up card in the local Teams chat', { timeout: 120_000 }, () => {
  it('the card arrives at 09:00 on its day, the answer refreshes the card and lands in SharePoint', async () => {
    const { repos } = stack.stagemap.deps;
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
    await fetch(`${stack.emulator.url}/_emulator/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: at }),
    });
    const sweep = await fetch(`${stack.stagemap.url}/dev/sweep`, { method: 'POST' });
    expect(sweep.status).toBe(200);

    const page = await (await browser.newContext()).newPage();
    const failed: string[] = [];
    page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));
    await page.goto(`${stack.emulator.url}/_emulator/teams/${mentor.id}`);
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
    await page.close();
  });
});
