/** Delivery fallbacks against the emulator: install through Graph when the app is missing, mail when blocked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { admin } from '../emulator/support';
import { cardsOf, startBotHarness, type BotHarness } from './support';

const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'hello' }] } as never;
const mail = {
  subject: 'Stagemap: test',
  text: 'A <question> waits',
  link: 'https://teams.microsoft.com/l/entity/x',
};

describe('delivery fallbacks', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  }, 60_000);
  afterAll(() => h.close());

  it('installs the app through Graph for a user without it, then sends', async () => {
    const u = DEMO_USERS.filter((d) => d.role === 'mentor')[5]!;
    await admin(h.fx.emu, 'PUT', `/teams/users/${u.id}/installation`, { state: 'notInstalled' });
    const r = await h.delivery.deliver({ oid: u.id, card, marker: 'm-install~send~1|x', mail });
    expect(r).toMatchObject({ ok: true, channel: 'teams' });
    expect(r.log.map((e) => e.event)).toEqual(['failed', 'installed', 'sent']);
    expect((await cardsOf(h.fx.emu.url, u.id)).map((c) => c.marker)).toEqual(['m-install~send~1|x']);
    expect((await h.jobs.conversations.byUser(u.id))?.installed).toBe(true);
  });

  it('mails a link when policy blocks the app, and when the user blocked the bot', async () => {
    for (const [n, state] of [
      [6, 'blockedByPolicy'],
      [7, 'blocked'],
    ] as const) {
      const u = DEMO_USERS.filter((d) => d.role === 'mentor')[n]!;
      await admin(h.fx.emu, 'PUT', `/teams/users/${u.id}/installation`, { state });
      const r = await h.delivery.deliver({ oid: u.id, card, marker: `m-${state}~send~1|x`, mail });
      expect(r, JSON.stringify(r.log)).toMatchObject({ ok: true, channel: 'mail' });
      expect(r.log.at(-1)).toMatchObject({ event: 'mailed', channel: 'mail' });
      const outbox = await admin(h.fx.emu, 'GET', `/outbox?to=${encodeURIComponent(u.userPrincipalName)}`);
      const body = JSON.stringify(outbox.json);
      expect(body).toContain('Stagemap: test');
      expect(body).toContain('A &lt;question&gt; waits');
      expect(await cardsOf(h.fx.emu.url, u.id)).toHaveLength(0);
    }
  });
});
