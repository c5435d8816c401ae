/**
 * Who may post to the bot's messaging endpoint. The Teams SDK accepts unauthenticated activities when the
 * environment says DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true, unless the app decides itself: Stagemap's bot
 * decides (`allowUnauthenticated`, set only by the local Agents Playground script), so the variable changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, SignJWT } from 'jose';
import { LOCAL_APP_ID, LOCAL_TENANT_ID } from '../../../src/emulator/config';
import { DEMO_USERS } from '../../../src/emulator/demo-directory';
import { startBotHarness, type BotHarness } from '../../jobs/support';

const mentor = DEMO_USERS.find((u) => u.role === 'mentor')!;

describe('the messaging endpoint takes only Bot Framework tokens', () => {
  let h: BotHarness;
  let endpoint: string;
  beforeAll(async () => {
    // Set before the bot is created, as an operator could in a deployment's environment.
    process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS = 'true';
    h = await startBotHarness();
    endpoint = ((await (await fetch(`${h.fx.emu.url}/_emulator/bot`)).json()) as { endpoint: string })
      .endpoint;
  }, 60_000);
  afterAll(async () => {
    delete process.env.DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS;
    await h.close();
  });

  const message = {
    type: 'message',
    id: 'm1',
    text: 'hello',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/_connector',
    from: { id: '29:forged', aadObjectId: mentor.id },
    recipient: { id: `28:${LOCAL_APP_ID}` },
    conversation: { id: 'a:forged', conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
  };
  const post = (headers: Record<string, string>) =>
    fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(message),
    });

  it('refuses an activity without a token, whatever the environment says', async () => {
    expect((await post({})).status).toBe(401);
  });

  it('refuses a token not signed by the channel', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ serviceurl: message.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(`${h.fx.emu.url}/botframework`)
      .setAudience(LOCAL_APP_ID)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
  });

  it("accepts the channel's own activities", async () => {
    const res = await fetch(`${h.fx.emu.url}/_emulator/teams/users/${mentor.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
    });
    expect(res.status).toBeLessThan(300);
    const chat = (await (
      await fetch(`${h.fx.emu.url}/_emulator/bot/conversations?user=${mentor.id}`)
    ).json()) as { value: { activities: { from?: { id?: string }; text?: string }[] }[] };
    const fromBot = chat.value.flatMap((c) => c.activities).filter((a) => a.from?.id?.startsWith('28:'));
    expect(fromBot.length).toBeGreaterThan(0);
  });
});
