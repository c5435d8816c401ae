import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoUser, signIn } from './support/stack';
import { expectAccessible, useStackAndBrowser } from './support/suite';

const env = useStackAndBrowser();

const TITLE = 'Toegankelijkheidsaudit <van> de "webformulieren"';
const CANDIDATE = "Inès D'Hondt <b>";

describe('needs analysis → places → application → intake → internship', { timeout: 90_000 }, () => {
  it('a service head proposes an assignment for their service', async () => {
    const head = demoUser('serviceHead');
    const settings = await env.stack.stagemap.deps.organisation.current();
    const service = settings.services.find((s) => s.headOid === head.id)!;
    const page = await signIn(env.browser, env.stack, head, '?lang=en');
    await page.getByRole('tab', { name: 'Needs analysis' }).click();
    await page.getByRole('heading', { name: /^Needs analysis \d{4}$/ }).waitFor();
    await page.getByRole('button', { name: 'Propose an assignment' }).click();
    const form = page.getByRole('form', { name: 'New assignment' });
    expect(await form.getByLabel(/^Service or team/).inputValue()).toBe(service.key);
    await form.getByLabel(/^Assignment title/).fill(TITLE);
    await form
      .getByLabel(/^Description of the assignment/)
      .fill('Alle webformulieren toetsen aan WCAG 2.1 AA.');
    await form
      .getByLabel(/^Context of the assignment/)
      .fill('Nieuwe wetgeving over digitale toegankelijkheid.');
    await form.getByLabel(/^Quality criteria/).fill('Rapport met prioriteiten per formulier.');
    await form.getByLabel(/^Profile sought/).fill('Bachelor toegepaste informatica');
    await form.getByLabel(/^Start of the period/).fill('2027-02-01');
    await form.getByLabel(/^End of the period/).fill('2027-05-14');
    await form.getByLabel(/^Number of interns/).fill('1');
    await form
      .getByLabel(/^Proposed mentor/)
      .selectOption({ label: 'Pieter Claes' + (await deptOf(page, 'Pieter Claes')) });
    await form
      .getByLabel(/^Proposed back-up/)
      .selectOption({ label: 'Lotte Vermeulen' + (await deptOf(page, 'Lotte Vermeulen')) });
    await expectAccessible(page, 'needs analysis form (service head)');
    await form.getByRole('button', { name: 'Submit proposal' }).click();
    await page.getByText('Your proposal was saved.').waitFor();
    await page.getByRole('cell', { name: new RegExp(escape(TITLE)) }).waitFor();
    const stored = (await env.stack.stagemap.deps.repos.assignments.byService(service.key)).find(
      (a) => a.title === TITLE,
    );
    expect(stored).toMatchObject({ status: 'proposed', places: 1, proposedByOid: head.id });
    expect(stored?.mentorOid).toBeTruthy();
    expect(stored?.details.backupOid).toBeTruthy();
    await page.close();
  });

  it('the coordinator selects and publishes it, and gets the text for the website in four languages', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    await page.getByRole('tab', { name: 'Needs analysis' }).click();
    await page.getByRole('heading', { name: /^Capacity \d{4}$/ }).waitFor();
    await page.getByRole('button', { name: `Select ${TITLE}` }).click();
    await page.getByRole('button', { name: `Publish ${TITLE}` }).click();
    await expect
      .poll(
        async () =>
          (await env.stack.stagemap.deps.repos.assignments.all()).find((a) => a.title === TITLE)?.status,
      )
      .toBe('published');
    await page.getByLabel(/^Central mailbox for applications/).fill('stages@fod.example.be');
    await page.getByLabel(/^Apply before/).fill('2026-12-20');
    await page.getByRole('button', { name: 'Make the text' }).click();
    const text = page.getByLabel('Text in English');
    await expect.poll(() => text.inputValue()).toContain(TITLE);
    expect(await text.inputValue()).toContain('stages@fod.example.be');
    await page.getByRole('tab', { name: 'French' }).click();
    await expect
      .poll(() => page.getByLabel('Text in French').inputValue())
      .toContain('Informations pratiques');
    await expectAccessible(page, 'needs analysis (coordinator)');
    await page.close();
  });

  it('the coordinator records an application, holds the intake interview and turns it into an internship', async () => {
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    await page.getByRole('tab', { name: 'Applications' }).click();
    await page.getByRole('heading', { name: 'Applications', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Record an application' }).click();
    await page.getByLabel(/^Name of the candidate/).fill(CANDIDATE);
    await page.getByLabel(/^E-mail address of the candidate/).fill('ines.dhondt@student.example.be');
    await page.getByLabel(/^School/).fill('Hogeschool West-Vlaanderen');
    await page.getByLabel(/^Programme/).fill('Bachelor Toegepaste Informatica');
    const assignment = page.getByLabel(/^Assignment$/);
    await expect
      .poll(async () => (await assignment.locator('option').allInnerTexts()).join('|'))
      .toContain(TITLE);
    await assignment.selectOption({
      label: (await assignment.locator('option').allInnerTexts()).find((o) => o.startsWith(TITLE))!,
    });
    await page.getByLabel(/^Preferred start/).fill('2027-02-01');
    await page.getByLabel(/^Preferred end/).fill('2027-05-14');
    await page.getByLabel(/^Received on/).fill('2026-11-24');
    await expectAccessible(page, 'applications (record form)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('The application was recorded.').waitFor();

    // With the keyboard: the success message and the new row move the table while it settles, and a mouse
    // click computed before that shift can land on "Record an application" instead.
    await page.getByRole('link', { name: CANDIDATE }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Application of ${CANDIDATE}` }).waitFor();
    await page.getByRole('link', { name: 'Hold the intake interview' }).click();
    await page.getByRole('heading', { name: `Intake interview with ${CANDIDATE}` }).waitFor();
    await page
      .getByText(/Do not announce the decision during the interview/)
      .first()
      .waitFor();
    await page
      .getByText(/always go through Selor/)
      .first()
      .waitFor();
    await page
      .getByLabel(/^What motivates the student/)
      .fill('Wil bijdragen aan toegankelijke overheidsdiensten.');
    await page
      .getByLabel(/^The internship topic, discussed in detail/)
      .fill('Audit van 40 formulieren besproken.');
    await page
      .getByLabel(/^Assignments and learning goals set by the school/)
      .fill('Stageverslag en eindpresentatie.');
    await page
      .getByRole('radiogroup', { name: /^Level of education/ })
      .getByLabel("Bachelor's programme")
      .check();
    await page
      .getByLabel(/^Short test relevant to the team/)
      .fill('Formulier nagekeken: 5 WCAG-fouten gevonden.');
    for (const l of [
      'Information given about the organisation',
      'Purpose of the internship explained',
      'Internship regulations explained',
      'Explained that federal government selections always go through Selor',
    ])
      await page.getByRole('checkbox', { name: l }).check();
    await page
      .getByRole('radiogroup', { name: /^To what extent do the intern/ })
      .getByLabel('4')
      .check();
    // Mentor's and coordinator's advice offer the same choices, in this order on the screen.
    const favourable = page.getByRole('radio', { name: 'Favourable advice', exact: true });
    expect(await favourable.count()).toBe(2);
    await favourable.nth(0).check();
    await favourable.nth(1).check();
    await expectAccessible(page, 'intake interview');
    await page.getByRole('button', { name: 'Save the interview' }).click();
    await page.getByText(/The interview was saved/).waitFor();
    const app = (await env.stack.stagemap.deps.repos.applications.all()).find(
      (a) => a.candidateName === CANDIDATE,
    )!;
    expect(app.status).toBe('interview');
    const intake = await env.stack.stagemap.deps.repos.evaluations.getByKey(`intake:${app.key}`);
    expect(intake).toMatchObject({ questionnaire: 'intake' });
    expect(intake!.answers).toMatchObject({
      'intake.relevantTest': 'Formulier nagekeken: 5 WCAG-fouten gevonden.',
      'intake.level': 'bachelor',
      'intake.match': 4,
      'intake.selorExplained': true,
    });

    await page.getByRole('link', { name: `Application of ${CANDIDATE}` }).click();
    await page.getByRole('heading', { name: 'Turn into an internship' }).waitFor();
    await expectAccessible(page, 'application');
    await page.getByRole('button', { name: 'Create the internship' }).click();
    await page.getByText('The internship exists (phase: Decision).').waitFor();
    const made = (await env.stack.stagemap.deps.repos.internships.all()).filter(
      (i) => i.intern.displayName === CANDIDATE,
    );
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      phase: 'decision',
      topic: TITLE,
      startDate: '2027-02-01',
      endDate: '2027-05-14',
    });
    expect(made[0]!.mentor?.displayName).toBe('Pieter Claes');
    expect(made[0]!.backup?.displayName).toBe('Lotte Vermeulen');

    await page.getByRole('tab', { name: 'Home' }).click();
    await page.getByLabel('Filter by name, service or topic').fill("Inès D'Hondt");
    await page.getByRole('link', { name: CANDIDATE }).waitFor();
    await page.close();
  });
});

/** The mentor picker shows "name (department)"; the department comes from the directory. */
async function deptOf(page: Page, name: string): Promise<string> {
  const option = page.locator('option', { hasText: name }).first();
  const text = await option.innerText();
  return text.slice(name.length);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
