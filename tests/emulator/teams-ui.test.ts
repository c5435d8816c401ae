import { Client } from '@microsoft/teams.api';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { axeViolations, launchChromium } from '../e2e/support/browser';
import { admin, appToken, raw, startTestEmulator } from './support';

const CARD = 'application/vnd.microsoft.card.adaptive';
const mentors = DEMO_USERS.filter((u) => u.role === 'mentor');
const mentor = mentors[0]!;
const keyboardMentor = mentors[1]!;
const backup = DEMO_USERS.find((u) => u.role === 'backup')!;

interface Invoke {
  from: { aadObjectId: string };
  replyToId: string;
  value: { action: { verb: string; data: Record<string, unknown> }; trigger: string };
}

/** A stand-in for Stagemap's bot: answers card actions with a replacement card, as Universal Actions bots do. */
async function startBot(): Promise<{ url: string; invokes: Invoke[]; server: Server }> {
  const invokes: Invoke[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Invoke & { type: string };
      if (activity.type !== 'invoke') return res.writeHead(200).end();
      invokes.push(activity);
      const { verb, data } = activity.value.action;
      const text =
        verb === 'refresh'
          ? 'Refreshed for you: the mentor has not answered yet.'
          : `Thanks, your note “${String(data.note)}” was saved.`;
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          statusCode: 200,
          type: CARD,
          value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, invokes, server };
}

/** The follow-up card as the bot would send it; the title carries markup that must show as text. */
const followUpCard = (intern: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    {
      type: 'TextBlock',
      text: `Follow-up: how is <b>${intern}</b> doing?`,
      wrap: true,
      size: 'medium',
      weight: 'bolder',
    },
    {
      type: 'Input.Text',
      id: 'note',
      label: 'Your note',
      isRequired: true,
      errorMessage: 'Write a note first.',
    },
  ],
  actions: [
    { type: 'Action.Execute', title: 'Send answer', verb: 'followUp.answer', data: { moment: 'm-1' } },
    { type: 'Action.OpenUrl', title: 'Open in Stagemap', url: 'http://127.0.0.1:5200/tab/' },
  ],
});

describe('local Teams page (Playwright)', () => {
  let emu: RunningEmulator;
  let bot: Awaited<ReturnType<typeof startBot>>;
  let browser: Browser;
  const sent: Record<string, string> = {};
  let sweep: Server;
  const sweeps: string[] = [];

  beforeAll(async () => {
    emu = await startTestEmulator();
    bot = await startBot();
    await admin(emu, 'PUT', '/bot', { endpoint: bot.url });
    const token = (await (
      await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: LOCAL_APP_ID,
          client_secret: LOCAL_APP_SECRET,
          scope: 'https://api.botframework.com/.default',
        }),
      })
    ).json()) as { access_token: string };
    const api = new Client(emu.url, { token: token.access_token });
    for (const u of [mentor, keyboardMentor]) {
      const { id } = await api.conversations.create({
        members: [{ id: u.id, role: 'user', name: '' }],
        tenantId: LOCAL_TENANT_ID,
      } as never);
      await api.conversations.createActivity(id, {
        type: 'message',
        text: 'Good morning! One question today.',
      } as never);
      sent[u.id] = (
        await api.conversations.createActivity(id, {
          type: 'message',
          attachments: [{ contentType: CARD, content: followUpCard('Ivo') }],
        } as never)
      ).id;
    }
    // A card the backup sees refreshed automatically (Universal Actions: refresh.userIds lists them).
    const members = await api.conversations.create({
      members: [{ id: backup.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    const roster = await api.conversations.getMembers(members.id);
    await api.conversations.createActivity(members.id, {
      type: 'message',
      attachments: [
        {
          contentType: CARD,
          content: {
            ...followUpCard('Ivo'),
            refresh: {
              action: { type: 'Action.Execute', verb: 'refresh', data: {} },
              userIds: [roster[0]!.id],
            },
          },
        },
      ],
    } as never);
    // A mail to the keyboard mentor, so the mail list (sandboxed HTML frames) is on the page axe checks.
    const graph = await appToken(emu);
    await raw(emu, 'POST', `/v1.0/users/${mentor.id}/sendMail`, graph, {
      message: {
        subject: 'Reminder <follow-up>',
        body: { contentType: 'html', content: '<p>Please answer the <b>follow-up</b> card.</p>' },
        toRecipients: [{ emailAddress: { address: keyboardMentor.userPrincipalName } }],
      },
    });
    sweep = createServer((req, res) => {
      sweeps.push(`${req.method} ${req.url}`);
      res.writeHead(202).end();
    });
    await new Promise<void>((resolve) => sweep.listen(0, '127.0.0.1', resolve));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => bot.server.close(r));
    await new Promise((r) => sweep.close(r));
    await emu.close();
  });

  const open = async (path: string): Promise<Page> => {
    // A context per page: axe-core's Playwright integration needs one, and pages then share nothing.
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${emu.url}${path}`);
    return page;
  };

  it('picks a user, renders the card, sends the Execute action and shows the replaced card', async () => {
    const page = await open('/_emulator/teams');
    await page.getByLabel('Demo user').selectOption(mentor.id);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.waitForURL(`**/_emulator/teams/${mentor.id}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Chat with Stagemap — ${mentor.displayName}`,
    );

    // Rendered by the Adaptive Cards renderer; the markup in the text is shown, never interpreted.
    const title = page.getByText('Follow-up: how is <b>Ivo</b> doing?');
    await title.waitFor();
    expect(await page.locator('.card b').count()).toBe(0);
    expect(await page.getByText('Good morning! One question today.').count()).toBe(1);

    // Required input: the renderer refuses to send without it.
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.waitForTimeout(300);
    expect(bot.invokes.filter((i) => i.from.aadObjectId === mentor.id)).toHaveLength(0);

    await page.getByLabel('Your note').fill('going well');
    await page.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thanks, your note “going well” was saved.').waitFor();
    expect(await page.getByText('Follow-up: how is <b>Ivo</b> doing?').count()).toBe(0);
    const invoke = bot.invokes.find((i) => i.from.aadObjectId === mentor.id)!;
    expect(invoke).toMatchObject({
      replyToId: sent[mentor.id],
      value: {
        action: { verb: 'followUp.answer', data: { moment: 'm-1', note: 'going well' } },
        trigger: 'manual',
      },
    });

    // The replacement is what Teams keeps: a reload shows the answered card.
    await page.reload();
    await page.getByText('Thanks, your note “going well” was saved.').waitFor();
    await page.close();
  });

  it('passes axe-core (WCAG 2.1 A and AA) on the picker and on a chat with a card', async () => {
    const picker = await open('/_emulator/teams');
    expect(await axeViolations(picker)).toEqual([]);
    await picker.close();
    const chat = await open(`/_emulator/teams/${keyboardMentor.id}`);
    await chat.getByText('Follow-up: how is <b>Ivo</b> doing?').waitFor();
    await chat.waitForFunction(() => document.getElementById('clock-now')?.textContent !== '…');
    await chat.getByText('Reminder <follow-up>', { exact: false }).waitFor();
    expect(await axeViolations(chat)).toEqual([]);
    await chat.close();
  });

  it('works with the keyboard only: choose the user, fill the card, send, land on the new card', async () => {
    const page = await open('/_emulator/teams');
    const options = await page
      .locator('#user-picker option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    const focusedIs = (selector: string) =>
      page.evaluate((s) => document.activeElement === document.querySelector(s), selector);
    const tabUntil = async (probe: () => Promise<boolean>, what: string) => {
      for (let i = 0; i < 60; i++) {
        if (await probe()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`could not reach ${what} with Tab`);
    };
    await tabUntil(() => focusedIs('#user-picker'), 'the user picker');
    const steps =
      options.indexOf(keyboardMentor.id) - options.indexOf(await page.locator('#user-picker').inputValue());
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
    expect(await page.locator('#user-picker').inputValue()).toBe(keyboardMentor.id);
    await page.keyboard.press('Tab');
    expect(await focusedIs('.picker button')).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/_emulator/teams/${keyboardMentor.id}`);
    await page.getByText('Follow-up: how is <b>Ivo</b> doing?').waitFor();

    const focusedLabel = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = el.getAttribute('aria-labelledby');
        return [
          el.getAttribute('aria-label'),
          labelled && document.getElementById(labelled)?.textContent,
          el.textContent,
        ]
          .filter(Boolean)
          .join(' ');
      });
    await tabUntil(
      () => page.evaluate(() => document.activeElement?.matches('.card input') ?? false),
      'the card input',
    );
    await page.keyboard.type('all fine');
    await tabUntil(async () => (await focusedLabel()).includes('Send answer'), 'the Send answer button');
    await page.keyboard.press('Enter');
    await page.getByText('Thanks, your note “all fine” was saved.').waitFor();
    // Focus follows the replaced card, so a keyboard user does not lose their place.
    await page.waitForFunction(() => document.activeElement?.classList.contains('card') ?? false);
    await page.close();
  });

  it('refreshes a card automatically for a user listed in refresh.userIds', async () => {
    const page = await open(`/_emulator/teams/${backup.id}`);
    await page.getByText('Refreshed for you: the mentor has not answered yet.').waitFor();
    const refresh = bot.invokes.find((i) => i.from.aadObjectId === backup.id)!;
    expect(refresh.value).toMatchObject({ action: { verb: 'refresh' }, trigger: 'automatic' });
    await page.close();
  });

  it('moves the clock and runs Stagemap’s scheduler from the page', async () => {
    const hidden = await open(`/_emulator/teams/${mentor.id}`);
    expect(await hidden.getByRole('button', { name: 'Run the scheduler now' }).count()).toBe(0);
    await hidden.close();

    await admin(emu, 'PUT', '/bot', {
      stagemapUrl: `http://127.0.0.1:${(sweep.address() as AddressInfo).port}`,
    });
    const page = await open(`/_emulator/teams/${mentor.id}`);
    const before = Date.parse(((await admin(emu, 'GET', '/clock')).json.now as string) ?? '');
    await page.getByRole('button', { name: '+1 week' }).click();
    await page.getByText('Clock moved +1 week.').waitFor();
    const after = Date.parse((await admin(emu, 'GET', '/clock')).json.now as string);
    expect(after - before).toBeGreaterThanOrEqual(7 * 86_400_000);
    expect(after - before).toBeLessThan(7 * 86_400_000 + 60_000);

    await page.getByRole('button', { name: 'Run the scheduler now' }).click();
    await page.getByText('Scheduler answered HTTP 202.').waitFor();
    expect(sweeps).toEqual(['POST /dev/sweep']);
    await admin(emu, 'DELETE', '/clock');
    await page.close();
  });
});
