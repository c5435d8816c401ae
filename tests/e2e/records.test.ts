import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalStack } from '../../scripts/lib/local-stack';
import type { Internship } from '../../src/domain/internship';
import { questionnaire } from '../../src/domain/questionnaires';
import { documentType } from '../../src/domain/documents';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import { axeViolations, launchChromium } from './support/browser';
import { demoUser, signIn, startStack } from './support/stack';
import { expectAccessible } from './support/suite';

// The folder, evaluations and journal sections of the internship page, in a browser against the npm start stack.
let stack: LocalStack;
let browser: Browser;
let running: Internship;
let mentor: DemoUser;
let intern: DemoUser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
  const users = new Map(DEMO_USERS.map((u) => [u.id, u]));
  const all = await stack.stagemap.deps.repos.internships.all();
  running = all.find(
    (i) => i.phase === 'execution' && users.has(i.intern.id) && i.mentor && users.has(i.mentor.id),
  )!;
  mentor = users.get(running.mentor!.id)!;
  intern = users.get(running.intern.id)!;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function openInternship(page: Page, id: string, lang: string) {
  await page.goto(`${stack.stagemap.url}/tab/internships/${id}?lang=${lang}`);
  await page.waitForSelector('body[data-ready="true"]');
}

const field = (page: Page, id: string) => page.locator(`[data-field="${id}"]`);

describe('folder, evaluations and journal in the tab', { timeout: 90_000 }, () => {
  it('a mentor fills in a mid-term evaluation and logs an absence', async () => {
    const page = await signIn(browser, stack, mentor, '?lang=en');
    await openInternship(page, running.id, 'en');
    const title = questionnaire('midTermEvaluation').title.en;
    await page.getByRole('button', { name: `Fill in: ${title}` }).click();
    const form = page.getByRole('form', { name: title });
    await form.getByRole('button', { name: 'Save answers' }).click();
    // The server's field errors, under their questions.
    await expect
      .poll(() => field(page, 'midTermEvaluation.status').getByText('This field is required.').count())
      .toBe(1);
    await field(page, 'midTermEvaluation.status')
      .getByRole('radio', { name: /^Amber/ })
      .check();
    await field(page, 'midTermEvaluation.schoolContacted').getByRole('radio', { name: 'Yes' }).check();
    await field(page, 'midTermEvaluation.comment')
      .getByRole('textbox')
      .fill('Analyse klaar; de planning van de interviews loopt achter.');
    await form.getByRole('button', { name: 'Save answers' }).click();
    await page.getByText('Your answers were saved.').waitFor();
    const stored = await stack.stagemap.deps.repos.evaluations.getByKey(
      `${running.key}:midTermEvaluation:${mentor.id}`,
    );
    expect(stored?.answers).toMatchObject({
      'midTermEvaluation.status': 'orange',
      'midTermEvaluation.schoolContacted': true,
    });

    const absence = page.getByRole('form', { name: 'Log an absence' });
    await absence.getByLabel('From').fill(running.startDate);
    await absence.getByLabel('To').fill(running.startDate);
    await absence.getByLabel('Reason').selectOption('illness');
    await absence.getByLabel('School informed').check();
    await absence.getByLabel('Note').fill('Griep, doktersbriefje bezorgd.');
    await absence.getByRole('button', { name: 'Log an absence' }).click();
    await page.getByText('Griep, doktersbriefje bezorgd.').waitFor();
    const absences = await stack.stagemap.deps.repos.journal.absences(running.key);
    expect(absences.find((a) => a.note === 'Griep, doktersbriefje bezorgd.')).toMatchObject({
      kind: 'illness',
      schoolInformed: true,
      authorOid: mentor.id,
    });
    // The golden rules are there as a reminder.
    await page.getByRole('button', { name: 'Reminder: the 10 golden rules of feedback' }).click();
    await expectAccessible(page, 'records sections (mentor)');
    await page.close();
  });

  it('an intern fills in their satisfaction survey and cannot open the confidential part', async () => {
    const page = await signIn(browser, stack, intern, '?lang=nl');
    await openInternship(page, running.id, 'nl');
    await page.getByRole('heading', { name: 'Digitale map' }).waitFor();
    const confidentialNames = (await stack.stagemap.deps.folders.documents(running.key))
      .filter((d) => d.confidential)
      .map((d) => d.name);
    expect(confidentialNames.length).toBeGreaterThan(0);
    await page.getByRole('table', { name: 'Documenten in de map' }).waitFor();
    const body = await page.locator('main, body').first().innerText();
    for (const n of confidentialNames) expect(body).not.toContain(n);
    expect(body).not.toContain('Vertrouwelijk');
    const status = await page.evaluate(async (id) => {
      const token = JSON.parse(sessionStorage.getItem('stagemap.local.token') ?? '{}').token as string;
      return (
        await fetch(`/api/internships/${id}/folder/confidential`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).status;
    }, running.id);
    expect(status).toBe(403);

    const title = questionnaire('satisfactionIntern').title.nl;
    await page.getByRole('button', { name: `Invullen: ${title}` }).click();
    const form = page.getByRole('form', { name: title });
    for (const [id, score] of [
      ['satisfactionIntern.overall', '4'],
      ['satisfactionIntern.matchedPresentation', '5'],
      ['satisfactionIntern.learningGoals', '4'],
      ['satisfactionIntern.guidance', '3'],
    ] as const)
      await field(page, id)
        .getByRole('radio', { name: new RegExp(`^${score}( |$)`) })
        .check();
    await field(page, 'satisfactionIntern.concreteResult').getByRole('radio', { name: 'Ja' }).check();
    await field(page, 'satisfactionIntern.improvements')
      .getByRole('textbox')
      .fill('Meer overleg over de planning.');
    await form.getByRole('button', { name: 'Antwoorden bewaren' }).click();
    await page.getByText('Uw antwoorden zijn bewaard.').waitFor();
    const stored = await stack.stagemap.deps.repos.evaluations.getByKey(
      `${running.key}:satisfactionIntern:${intern.id}`,
    );
    expect(stored?.answers).toMatchObject({
      'satisfactionIntern.overall': 4,
      'satisfactionIntern.concreteResult': true,
      'satisfactionIntern.improvements': 'Meer overleg over de planning.',
    });
    // No evaluation forms for the intern, and no feedback form.
    expect(await page.getByRole('button', { name: /^Invullen: Tussentijdse/ }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Feedback noteren' }).count()).toBe(0);
    await page.getByRole('form', { name: 'Mijn afwezigheid melden' }).waitFor();
    await expectAccessible(page, 'records sections (intern)');
    await page.close();
  });

  it('a coordinator uploads a 5 MB document with progress and sees the required status change', async () => {
    const all = await stack.stagemap.deps.repos.internships.all();
    let target: Internship | undefined;
    let missing: string | undefined;
    for (const i of all.filter((x) => x.phase === 'decision')) {
      const s = await stack.stagemap.deps.folders.requiredDocuments(i.key);
      if (s.missing.length > 0) {
        target = i;
        missing = s.missing[0];
        break;
      }
    }
    expect(target && missing).toBeTruthy();
    const type = documentType(missing as Parameters<typeof documentType>[0]);

    const page = await signIn(browser, stack, demoUser('coordinator'), '?lang=en');
    // Counts XHR upload progress events and whether the progress bar was shown.
    await page.addInitScript(() => {
      const w = window as unknown as { __progress: number; __barSeen: boolean };
      w.__progress = 0;
      w.__barSeen = false;
      const send = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
        this.upload.addEventListener('progress', () => (w.__progress += 1));
        return send.call(this, body);
      };
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="upload-progress"]')) w.__barSeen = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await openInternship(page, target!.id, 'en');
    const row = page.locator(`li[data-required="${type.key}"]`).first();
    await expect.poll(() => row.getAttribute('data-present')).toBe('false');

    const upload = page.getByRole('form', { name: 'Add a document' });
    const content = Buffer.alloc(5 * 1024 * 1024 + 123, 0x20);
    content.write('%PDF-1.4\n');
    await upload
      .getByLabel('File')
      .setInputFiles({ name: 'Scan 2026.pdf', mimeType: 'application/pdf', buffer: content });
    await upload.getByLabel('Document type').selectOption(type.key);
    await upload.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Scan 2026.pdf was added to the folder.').waitFor({ timeout: 60_000 });
    await expect.poll(() => row.getAttribute('data-present')).toBe('true');
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __progress: number; __barSeen: boolean };
      return { progress: w.__progress, bar: w.__barSeen };
    });
    expect(seen.progress).toBeGreaterThan(0);
    expect(seen.bar).toBe(true);
    const docs = await stack.stagemap.deps.folders.documents(target!.key);
    expect(docs.find((d) => d.name === 'Scan 2026.pdf')).toMatchObject({
      documentType: type.key,
      confidential: type.confidential,
    });
    await expectAccessible(page, 'records sections (coordinator)');
    await page.close();
  });

  it('a mentor adds a milestone, changes its progress and removes it, with the keyboard for the removal', async () => {
    const page = await signIn(browser, stack, mentor, '?lang=en');
    await openInternship(page, running.id, 'en');
    // Whom to ask: the people of the internship with their e-mail (and a Teams chat for colleagues).
    const contacts = page.getByRole('table', { name: 'Contacts' });
    await contacts.getByRole('link', { name: `Send an e-mail to ${intern.displayName}` }).waitFor();
    expect(
      await contacts.getByRole('link', { name: `Chat with ${mentor.displayName} in Teams` }).count(),
    ).toBe(1);
    expect(
      await contacts.getByRole('link', { name: `Chat with ${intern.displayName} in Teams` }).count(),
    ).toBe(0);
    const title = `E2E milestone ${Date.now().toString(36)}`;
    const form = page.getByRole('form', { name: 'Add a milestone' });
    await form.getByLabel('Milestone').fill(title);
    await form.getByLabel('SMART criteria').fill('Three interviews analysed by the end of the month.');
    await form.getByRole('button', { name: 'Add a milestone' }).click();
    const status = page.getByLabel(`Progress: ${title}`);
    await status.waitFor();
    const stored = async () =>
      (await stack.stagemap.deps.repos.internships.getById(running.id))?.plan?.milestones.find(
        (m) => m.title === title,
      );
    await expect.poll(async () => (await stored())?.status).toBe('open');

    await status.selectOption('inProgress');
    await expect.poll(async () => (await stored())?.status).toBe('inProgress');

    // Removal asks first, in a dialog; done with the keyboard only.
    await page.getByRole('button', { name: `Remove “${title}”` }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Remove “${title}”` });
    await dialog.waitFor();
    expect(await axeViolations(page), 'plan: remove dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored()).toBeDefined();
    await page.getByRole('button', { name: `Remove “${title}”` }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Remove' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await stored()) === undefined).toBe(true);
    await page.getByLabel(`Progress: ${title}`).waitFor({ state: 'detached' });
    await page.close();
  });
});
