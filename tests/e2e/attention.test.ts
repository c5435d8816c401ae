import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import { atLocalTime, localDateOf } from '../../src/domain/brussels-time';
import type { Internship } from '../../src/domain/internship';
import { questionnaire } from '../../src/domain/questionnaires';
import { belgianWorkCalendar } from '../../src/domain/workdays';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { launchChromium } from './support/browser';
import { demoUser, signIn, startStack } from './support/stack';
import { expectAccessible } from './support/suite';

// The homes' attention lists (issue #5) in Chromium against the `npm start` stack: the coordinator's "Overdue"
// panel (groups, counts, show all, a link that opens the internship at the right section, by keyboard) and a
// mentor's "Due from me", each axe-checked in the three themes.
let stack: LocalStack;
let browser: Browser;
let flagged: Stored<Internship>;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  // The demo's traffic lights are green or orange: one red follow-up of our own gives the panel its red flag.
  const { repos, clock } = stack.stagemap.deps;
  const running = await repos.internships.byPhase('execution');
  flagged = running.find((i) => i.mentor && DEMO_USERS.some((u) => u.id === i.mentor?.id))!;
  const today = localDateOf(clock.now().toISOString());
  await repos.evaluations.create({
    key: `${flagged.key}:e2e-red`,
    internshipKey: flagged.key,
    questionnaire: 'followUp',
    respondentOid: flagged.mentor!.id,
    answers: { 'followUp.status': 'red' },
    submittedAt: atLocalTime(belgianWorkCalendar().addWorkdays(today, -1), '16:00'),
  });
  // And something due from its mentor, whatever the demo left open for them.
  await repos.checklistItems.create({
    key: `${flagged.key}:cl:e2e-due`,
    internshipKey: flagged.key,
    checklist: 'mentorOnboarding',
    templateKey: 'mentorOnboarding.network',
    done: false,
    hidden: false,
    dueDate: belgianWorkCalendar().addWorkdays(today, -2),
    assigneeOid: flagged.mentor!.id,
  });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('what needs attention on the homes', { timeout: 120_000 }, () => {
  it('the coordinator sees what is overdue by kind and opens an internship at its section by keyboard', async () => {
    const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=en');
    const panel = page.getByRole('region', { name: /^Overdue \(\d+\)$/ });
    await panel.waitFor();
    const groups = panel.locator('section[data-kind]');
    await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(4);
    const headings = await panel.getByRole('heading', { level: 4 }).allInnerTexts();
    for (const name of ['Moments not answered', 'Checklist items late', 'Missing documents', 'Red flags'])
      expect(
        headings.some((h) => new RegExp(`^${name} \\(\\d+\\)$`).test(h)),
        name,
      ).toBe(true);

    // A long group shows five rows and the rest on demand, by keyboard.
    const checklist = panel.locator('section[data-kind="lateChecklistItem"]');
    const total = Number(/\((\d+)\)/.exec(await checklist.getByRole('heading').innerText())?.[1]);
    expect(total).toBeGreaterThan(5);
    expect(await checklist.getByRole('link').count()).toBe(5);
    const more = checklist.getByRole('button', { name: `Show all ${total}` });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => checklist.getByRole('link').count()).toBe(total);
    expect(await checklist.getByRole('button', { name: 'Show fewer' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await expectAccessible(page, 'coordinator home with the overdue panel');

    const red = panel
      .locator('section[data-kind="redFlag"]')
      .getByRole('link', { name: `${flagged.intern.displayName}: ${questionnaire('followUp').title.en}` });
    await red.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/tab/internships/${flagged.id}#evaluations-title$`));
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 })
      .toBe('evaluations-title');
    expect(await page.getByRole('heading', { level: 2, name: /Evaluations/ }).isVisible()).toBe(true);
    await page.close();
  });

  it('a mentor sees what is due from them, and only for their own interns', async () => {
    const mentor = DEMO_USERS.find((u) => u.id === flagged.mentor?.id)!;
    const page = await signIn(browser, stack, mentor, '?lang=nl');
    const list = page.getByRole('region', { name: /^Van mij verwacht \(\d+\)$/ });
    await list.waitFor();
    const guided = (await stack.stagemap.deps.repos.internships.byMentorOrBackup(mentor.id)).map(
      (i) => i.intern.displayName,
    );
    const more = list.getByRole('button', { name: /^Alle \d+ tonen$/ });
    if ((await more.count()) > 0) await more.click();
    const names = (await list.getByRole('link').allInnerTexts()).map((t) => t.split(':')[0]);
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(guided).toContain(n);
    expect(names).toContain(flagged.intern.displayName);
    // A mentor's home has no coordinator panel.
    expect(await page.getByRole('region', { name: /^Te laat/ }).count()).toBe(0);
    await expectAccessible(page, 'mentor home with due from me');
    await page.close();
  });
});
