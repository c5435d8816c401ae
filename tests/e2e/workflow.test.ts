import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS_REQUIRED_BEFORE_START } from '../../src/domain/documents';
import type { Internship } from '../../src/domain/internship';
import { LIBRARY } from '../../src/graph/folders/internship-folders';
import { drivePath } from '../../src/graph/odata';
import { demoUser, signIn } from './support/stack';
import { expectAccessible, useStackAndBrowser } from './support/suite';

// The internship workflow in the tab (issue #5), as coordinators use it, against the `npm start` stack.
const env = useStackAndBrowser();

let n = 0;
/** An internship of our own in the given phase, interviewed two days ago with the report recorded. */
async function arrange(overrides: Partial<Internship> = {}): Promise<Internship> {
  n += 1;
  const key = `wf-e2e-${n}-${Date.now()}`;
  const repos = env.stack.stagemap.deps.repos;
  const i = await repos.internships.create({
    key,
    phase: 'decision',
    intern: { id: '', displayName: `Eva Test${n}`, email: `eva.test${n}@student.example.be` },
    service: 'ict',
    topic: 'Toegankelijke formulieren',
    startDate: '2027-02-01',
    endDate: '2027-04-30',
    overviewConsent: false,
    interviewAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    coordinator: { id: demoUser('coordinator').id, displayName: '' },
    ...overrides,
  });
  await repos.evaluations.create({
    key: `${key}:intake`,
    internshipKey: key,
    questionnaire: 'intake',
    respondentOid: demoUser('coordinator').id,
    answers: { 'intake.match': 4 },
    submittedAt: new Date().toISOString(),
  });
  return i;
}

const open = async (page: Page, i: Internship, lang = 'en') => {
  await page.goto(`${env.stack.stagemap.url}/tab/internships/${i.id}?lang=${lang}`);
  await page.getByRole('heading', { name: i.intern.displayName }).waitFor();
};

describe('internship workflow in the tab', { timeout: 90_000 }, () => {
  it('a coordinator decides (refused without mentor and back-up), completes logistics and starts the internship', async () => {
    const i = await arrange();
    const mentor = demoUser('mentor');
    const backup = demoUser('backup');
    const page = await signIn(env.browser, env.stack, demoUser('coordinator'), '?lang=en');
    await open(page, i);

    await page.getByRole('button', { name: 'Record the decision' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Accept' }).check();
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await dialog.getByText('Name a mentor: no internship place without an internal mentor.').waitFor();
    await dialog.getByText('Name a back-up who replaces the mentor when they are away.').waitFor();
    expect((await env.stack.stagemap.deps.repos.internships.getById(i.id))?.decision).toBeUndefined();

    await dialog.getByLabel('Mentor').selectOption(mentor.id);
    await dialog.getByLabel('Back-up').selectOption(backup.id);
    await dialog.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByText(/^Decision recorded: folder /).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);

    // The folder exists in the Stagemap library (checked through Graph: the documents section is another feature).
    const folders = env.stack.stagemap.deps.folders;
    const driveId = await folders.driveId(LIBRARY);
    const folder = await env.stack.stagemap.graph.get<{ name: string }>(
      `/drives/${driveId}/root:/${drivePath(folders.folderName(i))}`,
    );
    expect(folder.name).toBe(folders.folderName(i));

    // The required documents arrive (through the folder feature; arranged here), the gate now waits on logistics.
    await folders.uploadMany(
      i,
      DOCUMENTS_REQUIRED_BEFORE_START.map((d) => ({
        name: `${d.key}.pdf`,
        content: new TextEncoder().encode(`%PDF ${d.key}`),
        documentType: d.key,
      })),
    );
    await page.reload();
    await page.getByRole('heading', { name: 'Checklists' }).waitFor();
    const start = page.getByRole('button', { name: 'Move to Execution' });
    await expect.poll(() => start.getAttribute('aria-disabled')).toBe('true');
    await page.getByText('The logistics and administration checklist is not complete yet.').first().waitFor();

    await expectAccessible(page, 'internship workflow sections (coordinator)');

    const logistics = page.getByRole('region', { name: 'Logistics and administration' });
    const unticked = logistics.getByRole('checkbox', { checked: false });
    for (let left = await unticked.count(); left > 0; left = await unticked.count()) {
      await unticked.first().click();
      await expect.poll(() => unticked.count()).toBe(left - 1);
    }
    await expect.poll(() => start.getAttribute('aria-disabled')).not.toBe('true');
    await start.click();
    await expect
      .poll(async () => (await env.stack.stagemap.deps.repos.internships.getById(i.id))?.phase)
      .toBe('execution');
    await page.getByText('Execution', { exact: true }).first().waitFor();
    await page.close();
  });

  it('two coordinators edit the same internship: the second sees the conflict and chooses', async () => {
    const i = await arrange({ phase: 'preparation' });
    const [a, b] = await Promise.all([
      signIn(env.browser, env.stack, demoUser('coordinator', 0), '?lang=en'),
      signIn(env.browser, env.stack, demoUser('coordinator', 1), '?lang=en'),
    ]);
    await Promise.all([open(a, i), open(b, i)]);
    const topicOf = (p: Page) => p.getByRole('textbox', { name: 'Topic' });

    await topicOf(a).fill('Versie van A');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByText('Saved.').waitFor();

    // B still edits the version read before A saved.
    await topicOf(b).fill('Versie van B');
    await b.getByRole('button', { name: 'Save changes' }).click();
    const conflict = b.getByTestId('conflict');
    await conflict.getByText('Someone else changed this').waitFor();
    const row = conflict.getByRole('row', { name: /Topic/ });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(['Topic', 'Versie van B', 'Versie van A']);
    // Nothing was overwritten silently.
    expect((await env.stack.stagemap.deps.repos.internships.getById(i.id))?.topic).toBe('Versie van A');
    await expectAccessible(b, 'conflict panel');

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await b.getByText('Saved.').waitFor();
    expect((await env.stack.stagemap.deps.repos.internships.getById(i.id))?.topic).toBe('Versie van B');

    // A, now behind, edits again and takes the current version instead.
    await topicOf(a).fill('Versie C van A');
    await a.getByRole('button', { name: 'Save changes' }).click();
    await a.getByTestId('conflict').getByRole('button', { name: 'Take the current version' }).click();
    await expect.poll(() => topicOf(a).inputValue()).toBe('Versie van B');
    await expect.poll(() => a.getByTestId('conflict').count()).toBe(0);
    expect((await env.stack.stagemap.deps.repos.internships.getById(i.id))?.topic).toBe('Versie van B');
    await Promise.all([a.close(), b.close()]);
  });
});
