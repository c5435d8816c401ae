/**
 * The Microsoft 365 Agents Playground (the real npm package, offline, telemetry off) against Stagemap's bot, as
 * `npm run playground` wires them: a card posted into the playground's chat is answered with Action.Execute in its
 * page (Chromium) and the answer lands in SharePoint; a message gets the bot's reply.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  assertLocal,
  startPlayground,
  startPlaygroundBot,
  type PlaygroundBot,
  type RunningPlayground,
} from '../../scripts/playground';
import { RUNTIME_TEXTS } from '../../src/bot/runtime/texts';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { answerItemKey } from '../../src/jobs/bot-ports';
import { launchChromium } from '../e2e/support/browser';
import { internshipOf, startBotHarness, type BotHarness } from '../jobs/support';

const role = (r: string, n = 0) => DEMO_USERS.filter((u) => u.role === r)[n]!;
const mentor = role('mentor', 0);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('Stagemap in the Microsoft 365 Agents Playground', { timeout: 90_000 }, () => {
  let h: BotHarness;
  let bot: PlaygroundBot;
  let playground: RunningPlayground;
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'stagemap-playground-test-'));
  /** The last card posted on an installation, as `npm run playground` does. */
  let posted: ReturnType<PlaygroundBot['sendNextCard']> | undefined;
  beforeAll(async () => {
    [h, browser] = await Promise.all([startBotHarness('2027-02-08T10:00:00.000Z'), launchChromium()]);
    await h.fx.repos.internships.create(
      internshipOf(
        'pg-1',
        { intern: role('intern', 0), mentor, backup: role('backup', 0), coordinator: role('coordinator', 0) },
        '2027-02-01',
        '2027-04-30',
      ),
    );
    await h.scheduler.internshipChanged('pg-1');
    const port = await freePort();
    bot = await startPlaygroundBot({
      emulatorUrl: h.fx.emu.url,
      connectorUrl: `http://127.0.0.1:${port}/_connector`,
      clock: h.clock,
      onInstall: (oid) => {
        if (oid === mentor.id) posted = bot.sendNextCard(mentor);
      },
    });
    playground = await startPlayground({
      endpoint: bot.endpoint,
      port,
      dir,
      user: mentor,
    });
  }, 120_000);
  afterAll(async () => {
    await playground?.stop();
    await bot?.close();
    await browser?.close();
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start in production', () => {
    expect(() => assertLocal({ NODE_ENV: 'production' })).toThrow(/refused/);
    expect(() => assertLocal({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('shows the card, takes the answer through Action.Execute, and answers a message', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(playground.url);
    // Opening the page installs the app in a fresh chat of the user; the card is posted into it then.
    const submit = page.getByRole('button', { name: /^(Verzenden|Envoyer|Absenden|Submit)$/ }).last();
    await submit.waitFor({ timeout: 30_000 });
    const sent = await posted!;
    expect(sent?.moment.internshipId).toBe('pg-1');
    const moment = sent!.moment;
    // Every question answered: the first option of each choice, every toggle on, a short text in each box.
    const radios = page.locator('input[type="radio"]');
    const names = new Set(await radios.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name)));
    for (const name of names) await page.locator(`input[type="radio"][name="${name}"]`).first().check();
    for (const box of await page.locator('input[type="checkbox"]').all()) await box.check();
    for (const box of await page.locator('textarea, input[type="text"]').all()) await box.fill('Goed bezig.');
    await submit.click();
    await page
      .getByText(/^(Beantwoord door|Répondu par|Beantwortet von|Answered by) /)
      .first()
      .waitFor();
    const answered = (await h.fx.repos.moments.getByKey(moment.key))!;
    expect(answered).toMatchObject({ state: 'answered', answeredByOid: mentor.id });
    expect(await h.fx.repos.evaluations.getByKey(answerItemKey(moment.key))).toMatchObject({
      respondentOid: mentor.id,
    });

    // A message: the bot answers with its help text in the user's language.
    await page.getByRole('textbox').last().click();
    await page.keyboard.type('hallo');
    await page.keyboard.press('Enter');
    const help = RUNTIME_TEXTS.help[await bot.jobs.botPorts.locale(mentor.id)];
    await page.getByText(help).first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});
