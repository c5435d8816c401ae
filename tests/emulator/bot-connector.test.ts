import { Client, PUBLIC, withOverrides, type Activity } from '@microsoft/teams.api';
import { App, ExpressAdapter } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import { decodeJwt, generateKeyPair, SignJWT } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signChannelToken } from '../../src/emulator/bot-connector/channel';
import { localBotCloud, localBotTokenProvider } from '../../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import { loadOrCreateSigningKey } from '../../src/emulator/identity/keys';
import type { RunningEmulator } from '../../src/emulator/server';
import { admin, appToken, appTokenWithRoles, raw, startTestEmulator } from './support';

const CARD = 'application/vnd.microsoft.card.adaptive';
const mentor = DEMO_USERS.find((u) => u.role === 'mentor')!;
const backup = DEMO_USERS.find((u) => u.role === 'backup')!;
const intern = DEMO_USERS.find((u) => u.role === 'intern')!;

async function botToken(
  emu: RunningEmulator,
  tenant: string,
  secret = LOCAL_APP_SECRET,
  appId = LOCAL_APP_ID,
) {
  const res = await fetch(`${emu.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: appId,
      client_secret: secret,
      scope: 'https://api.botframework.com/.default',
    }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const card = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'AdaptiveCard' as const,
  version: '1.5',
  body: [{ type: 'TextBlock', text, wrap: true }],
  ...extra,
});

/** The status and connector error code of a failed SDK call (axios underneath). */
async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: unknown } }).response;
    return {
      status: r?.status,
      data: r?.data as { error?: { code: string; message: string }; message?: string },
    };
  }
  throw new Error('expected the call to fail');
}

describe('Bot Framework identity, emulated', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.close());

  it('issues Bot Connector tokens from the botframework.com tenant and from the local tenant', async () => {
    const multi = await botToken(emu, 'botframework.com');
    expect(multi.status).toBe(200);
    const m = decodeJwt(multi.body.access_token as string);
    expect(m).toMatchObject({
      aud: 'https://api.botframework.com',
      appid: LOCAL_APP_ID,
      tid: 'd6d49420-f39b-4df7-a1dc-d59a935871db',
    });
    expect(m.roles).toBeUndefined();

    const single = await botToken(emu, LOCAL_TENANT_ID);
    expect(single.status).toBe(200);
    expect(decodeJwt(single.body.access_token as string)).toMatchObject({
      aud: 'https://api.botframework.com',
      appid: LOCAL_APP_ID,
      tid: LOCAL_TENANT_ID,
    });
  });

  it('refuses a wrong secret, other resources at botframework.com and delegated bot tokens', async () => {
    const wrong = await botToken(emu, 'botframework.com', 'nope');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');

    const graphAtBf = await fetch(`${emu.url}/botframework.com/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_APP_ID,
        client_secret: LOCAL_APP_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    expect(graphAtBf.status).toBe(400);
    expect(((await graphAtBf.json()) as { error: string }).error).toBe('invalid_resource');

    const delegated = await fetch(`${emu.url}/${LOCAL_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: LOCAL_APP_ID,
        username: mentor.userPrincipalName,
        password: 'x',
        scope: 'https://api.botframework.com/.default',
      }),
    });
    expect(delegated.status).toBe(400);
  });

  it('publishes the channel OpenID metadata and a JWKS distinct from the tenant keys', async () => {
    const meta = (await (
      await fetch(`${emu.url}/botframework/v1/.well-known/openidconfiguration`)
    ).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(meta.issuer).toBe(`${emu.url}/botframework`);
    expect(meta.jwks_uri).toBe(`${emu.url}/botframework/v1/.well-known/keys`);
    const channel = (await (await fetch(meta.jwks_uri)).json()) as { keys: { kid: string }[] };
    const tenant = (await (await fetch(`${emu.url}/${LOCAL_TENANT_ID}/discovery/v2.0/keys`)).json()) as {
      keys: { kid: string }[];
    };
    expect(channel.keys).toHaveLength(1);
    expect(tenant.keys.map((k) => k.kid)).not.toContain(channel.keys[0]!.kid);
    expect(localBotCloud(emu.url)).toMatchObject({
      openIdMetadataUrl: `${emu.url}/botframework/v1/.well-known/openidconfiguration`,
      tokenIssuer: meta.issuer,
    });
  });
});

describe('Bot Connector conformance (the SDK’s own client)', () => {
  let emu: RunningEmulator;
  let api: Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    const token = (await botToken(emu, 'botframework.com')).body.access_token as string;
    api = new Client(emu.url, { token });
  });
  afterAll(() => emu.close());

  it('creates the 1:1 conversation deterministically, by aadObjectId or Teams user id', async () => {
    const byOid = await api.conversations.create({
      isGroup: false,
      members: [{ id: mentor.id, role: 'user', name: mentor.displayName }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    expect(byOid.id).toMatch(/^a:/);
    const members = await api.conversations.getMembers(byOid.id);
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ aadObjectId: mentor.id, name: mentor.displayName });
    expect(members[0]!.id).toMatch(/^29:/);
    const byTeamsId = await api.conversations.create({
      isGroup: false,
      members: [{ id: members[0]!.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    expect(byTeamsId.id).toBe(byOid.id);
    const other = await api.conversations.create({
      isGroup: false,
      members: [{ id: backup.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    expect(other.id).not.toBe(byOid.id);
  });

  it('stores sent cards, replaces them on update and exposes the history through the admin API only', async () => {
    const { id: conversationId } = await api.conversations.create({
      isGroup: false,
      members: [{ id: mentor.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    const sent = await api.conversations.createActivity(conversationId, {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Follow-up for Ivo') }],
    } as never);
    expect(sent.id).toMatch(/^\d+$/);
    const text = await api.conversations.createActivity(conversationId, {
      type: 'message',
      text: 'Hello',
    } as never);
    expect(Number(text.id)).toBeGreaterThan(Number(sent.id));

    await api.conversations.updateActivity(conversationId, sent.id, {
      type: 'message',
      attachments: [{ contentType: CARD, content: card('Answered by Mia') }],
    } as never);

    const history = await admin(emu, 'GET', `/bot/conversations?user=${mentor.id}`);
    const conv = (
      history.json.value as { conversationId: string; activities: Record<string, unknown>[] }[]
    )[0]!;
    expect(conv.conversationId).toBe(conversationId);
    expect(conv.activities.map((a) => a.id)).toEqual([sent.id, text.id]);
    const first = conv.activities[0] as {
      attachments: { content: { body: { text: string }[] } }[];
      from: { id: string };
      lastModifiedDateTime: string | null;
    };
    expect(first.attachments[0]!.content.body[0]!.text).toBe('Answered by Mia');
    expect(first.from.id).toBe(`28:${LOCAL_APP_ID}`);
    expect(first.lastModifiedDateTime).not.toBeNull();

    // GET …/activities is not a Teams API.
    const list = await raw(emu, 'GET', `/v3/conversations/${conversationId}/activities`, null);
    expect([404, 405]).toContain(list.status);

    const missing = await failure(
      api.conversations.updateActivity(conversationId, '123', { type: 'message', text: 'x' } as never),
    );
    expect(missing.status).toBe(404);
    expect(missing.data.error?.code).toBe('ActivityNotFoundInConversation');
  });

  it('answers 401 without a token, with a Graph token and for an app that is not the bot', async () => {
    const none = await raw(emu, 'POST', '/v3/conversations', null, { members: [{ id: mentor.id }] });
    expect(none.status).toBe(401);
    expect(none.json.message).toBe('Authorization has been denied for this request.');

    const graph = await raw(emu, 'POST', '/v3/conversations', await appToken(emu), {
      members: [{ id: mentor.id }],
      tenantId: LOCAL_TENANT_ID,
    });
    expect(graph.status).toBe(401);

    await appTokenWithRoles(emu, '0a0a0a0a-0000-4000-8000-00000000beef', []);
    const other = await botToken(emu, LOCAL_TENANT_ID, 's3cret', '0a0a0a0a-0000-4000-8000-00000000beef');
    expect(other.status).toBe(200);
    const notBot = await failure(
      new Client(emu.url, { token: other.body.access_token as string }).conversations.create({
        members: [{ id: mentor.id, role: 'user', name: '' }],
        tenantId: LOCAL_TENANT_ID,
      } as never),
    );
    expect(notBot.status).toBe(401);
    expect(notBot.data.error?.code).toBe('BotNotRegistered');

    // A token with the right claims signed by a key the emulator never published.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ appid: LOCAL_APP_ID })
      .setProtectedHeader({ alg: 'RS256', kid: 'forged' })
      .setIssuer(`${emu.url}/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0`)
      .setAudience('https://api.botframework.com')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const forgedRes = await raw(emu, 'POST', '/v3/conversations', forged, { members: [{ id: mentor.id }] });
    expect(forgedRes.status).toBe(401);
  });

  it('refuses with Teams’ codes when the app is not installed or the user blocked the bot', async () => {
    const { id: existing } = await api.conversations.create({
      members: [{ id: intern.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);

    await admin(emu, 'PUT', `/teams/users/${intern.id}/installation`, { state: 'notInstalled' });
    const create = await failure(
      api.conversations.create({
        members: [{ id: intern.id, role: 'user', name: '' }],
        tenantId: LOCAL_TENANT_ID,
      } as never),
    );
    expect(create).toEqual({
      status: 403,
      data: {
        error: {
          code: 'ForbiddenOperationException',
          message: "Bot is not installed in user's personal scope",
        },
      },
    });
    const send = await failure(
      api.conversations.createActivity(existing, { type: 'message', text: 'hi' } as never),
    );
    expect(send.status).toBe(403);
    expect(send.data.error?.code).toBe('BotNotInConversationRoster');

    await admin(emu, 'PUT', `/teams/users/${intern.id}/installation`, { state: 'blocked' });
    const blocked = await failure(
      api.conversations.createActivity(existing, { type: 'message', text: 'hi' } as never),
    );
    expect(blocked).toEqual({
      status: 403,
      data: {
        error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
      },
    });
    const blockedCreate = await failure(
      api.conversations.create({
        members: [{ id: intern.id, role: 'user', name: '' }],
        tenantId: LOCAL_TENANT_ID,
      } as never),
    );
    expect(blockedCreate.data.error?.code).toBe('ConversationBlockedByUser');

    await admin(emu, 'PUT', `/teams/users/${intern.id}/installation`, { state: 'installed' });
    expect(
      (await api.conversations.createActivity(existing, { type: 'message', text: 'hi' } as never)).id,
    ).toBeTruthy();
  });

  it('refuses group conversations, missing tenants and messages over the size limit', async () => {
    const group = await failure(
      api.conversations.create({
        isGroup: true,
        members: [
          { id: mentor.id, role: 'user', name: '' },
          { id: backup.id, role: 'user', name: '' },
        ],
        tenantId: LOCAL_TENANT_ID,
      } as never),
    );
    expect(group.status).toBe(400);
    expect(group.data.error?.code).toBe('BadArgument');
    const noTenant = await failure(
      api.conversations.create({ members: [{ id: mentor.id, role: 'user', name: '' }] } as never),
    );
    expect(noTenant.status).toBe(400);
    const { id } = await api.conversations.create({
      members: [{ id: mentor.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    const big = await failure(
      api.conversations.createActivity(id, { type: 'message', text: 'x'.repeat(40_000) } as never),
    );
    expect(big.status).toBe(413);
    expect(big.data.error?.code).toBe('MessageSizeTooBig');
  });

  it('injects 429/503 on the connector through the fault rules, with its error body and Retry-After', async () => {
    const { id } = await api.conversations.create({
      members: [{ id: backup.id, role: 'user', name: '' }],
      tenantId: LOCAL_TENANT_ID,
    } as never);
    await admin(emu, 'PUT', '/faults', {
      seed: 7,
      rules: [{ path: '^/v3/', throttle: 0.5, unavailable: 0.5, retryAfter: 2, count: 2 }],
    });
    const first = await raw(
      emu,
      'POST',
      `/v3/conversations/${id}/activities`,
      (await botToken(emu, 'botframework.com')).body.access_token as string,
      { type: 'message', text: 'a' },
    );
    expect([429, 503]).toContain(first.status);
    expect(first.headers.get('retry-after')).toBe('2');
    expect(first.json.error?.code).toBe(first.status === 429 ? 'Throttled' : 'ServiceUnavailable');
    // Graph requests do not match a connector rule.
    expect((await raw(emu, 'GET', `/v1.0/users/${mentor.id}`, await appToken(emu))).status).toBe(200);
    await failure(api.conversations.createActivity(id, { type: 'message', text: 'b' } as never));
    // The rule's count is spent: delivery works again, and nothing from the faulted calls was stored.
    await api.conversations.createActivity(id, { type: 'message', text: 'c' } as never);
    const faults = await admin(emu, 'GET', '/faults');
    const injected = faults.json.injected as Record<string, number>;
    expect(injected.throttle! + injected.unavailable!).toBe(2);
    await admin(emu, 'DELETE', '/faults');
    const history = await admin(emu, 'GET', `/bot/conversations?user=${backup.id}`);
    const texts = (history.json.value as { activities: { text?: string }[] }[])[0]!.activities.map(
      (a) => a.text,
    );
    expect(texts).toEqual(['c']);
  });
});

describe('end to end with the real Teams SDK (@microsoft/teams.apps)', () => {
  let emu: RunningEmulator;
  let server: Server;
  let app: App;
  let botUrl: string;
  const seen: Activity[] = [];
  const answeredCard = card('Thanks, Mia: answered.');

  beforeAll(async () => {
    emu = await startTestEmulator();
    server = createServer();
    app = new App({
      clientId: LOCAL_APP_ID,
      tenantId: LOCAL_TENANT_ID,
      // MSAL refuses an http authority, so the secret goes through the token factory (docs/emulator-bot.md).
      token: localBotTokenProvider({
        emulatorUrl: emu.url,
        clientId: LOCAL_APP_ID,
        clientSecret: LOCAL_APP_SECRET,
      }),
      cloud: withOverrides(PUBLIC, localBotCloud(emu.url)),
      serviceUrl: emu.url,
      httpServerAdapter: new ExpressAdapter(server),
      logger: new ConsoleLogger('test-bot', { level: 'error' }),
    });
    app.use(async ({ activity, next }) => {
      seen.push(activity);
      return next();
    });
    app.on('card.action', async ({ activity }) => {
      const data = activity.value.action.data as { note?: string };
      // The card is plain JSON here; the SDK's card types are stricter than the wire format.
      return {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: {
          ...answeredCard,
          body: [...answeredCard.body, { type: 'TextBlock', text: `Note: ${data.note ?? ''}` }],
        },
      } as never;
    });
    await app.initialize();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    botUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
    await admin(emu, 'PUT', '/bot', { endpoint: botUrl });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await emu.close();
  });

  const waitFor = async <T>(probe: () => T | undefined, what: string): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const v = probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  it('installationUpdate, proactive card and invoke all pass the SDK’s own JWT validation', async () => {
    await admin(emu, 'PUT', `/teams/users/${mentor.id}/installation`, { state: 'notInstalled' });
    await admin(emu, 'PUT', `/teams/users/${mentor.id}/installation`, { state: 'installed' });
    const install = await waitFor(
      () =>
        seen.find(
          (a) => a.type === 'installationUpdate' && a.action === 'add' && a.from.aadObjectId === mentor.id,
        ),
      'installationUpdate',
    );
    expect(install).toMatchObject({ action: 'add', channelId: 'msteams', serviceUrl: emu.url });
    expect(install.conversation).toMatchObject({ conversationType: 'personal', tenantId: LOCAL_TENANT_ID });
    await waitFor(() => seen.find((a) => a.type === 'conversationUpdate'), 'conversationUpdate');
    const deliveries = (await admin(emu, 'GET', '/bot')).json.deliveries as {
      type: string;
      status: number;
    }[];
    // Uninstall then install: both events reached the bot and its JWT validation accepted them (HTTP 200).
    expect(deliveries.filter((d) => d.type === 'installationUpdate').map((d) => d.status)).toEqual([
      200, 200,
    ]);

    // The bot sends proactively with the conversation reference it stored.
    const sent = await app.send(install.conversation.id, {
      type: 'message',
      attachments: [
        {
          contentType: CARD,
          content: card('How is Ivo doing?', {
            actions: [
              { type: 'Action.Execute', title: 'Send', verb: 'followUp.answer', data: { moment: 'm1' } },
            ],
          }),
        },
      ],
    } as never);
    const history = await admin(emu, 'GET', `/bot/conversations?user=${mentor.id}`);
    const stored = (history.json.value as { activities: { id: string }[] }[])[0]!.activities;
    expect(stored.map((a) => a.id)).toContain(sent.id);

    const result = await admin(emu, 'POST', `/teams/users/${mentor.id}/invoke`, {
      activityId: sent.id,
      verb: 'followUp.answer',
      data: { moment: 'm1', note: 'going well' },
      trigger: 'manual',
    });
    expect(result.json.outcome).toBe('card');
    const invoke = seen.find((a) => a.type === 'invoke')!;
    expect(invoke).toMatchObject({
      name: 'adaptiveCard/action',
      replyToId: sent.id,
      from: { aadObjectId: mentor.id, name: mentor.displayName },
      recipient: { id: `28:${LOCAL_APP_ID}` },
      value: {
        action: { type: 'Action.Execute', verb: 'followUp.answer', data: { note: 'going well' } },
        trigger: 'manual',
      },
    });
    expect(invoke.from.id).toMatch(/^29:/);
    const after = await admin(emu, 'GET', `/bot/conversations?user=${mentor.id}`);
    const replaced = (
      after.json.value as {
        activities: { id: string; attachments: { content: { body: { text: string }[] } }[] }[];
      }[]
    )[0]!.activities.find((a) => a.id === sent.id)!;
    expect(replaced.attachments[0]!.content.body.map((b) => b.text)).toContain('Note: going well');
  });

  it('the SDK refuses an activity signed by another key (401) and one whose serviceUrl is not the token’s', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const activity = (text: string, serviceUrl = emu.url) => ({
      type: 'message',
      id: `x-${text}`,
      text,
      channelId: 'msteams',
      serviceUrl,
      from: { id: '29:someone', aadObjectId: mentor.id },
      recipient: { id: `28:${LOCAL_APP_ID}` },
      conversation: { id: 'a:someone', conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
    });
    const post = (token: string, body: unknown) =>
      fetch(botUrl, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const channelKey = await loadOrCreateSigningKey(emu.ctx.db, 'botframework.channelKey');
    const genuine = await signChannelToken(channelKey, { baseUrl: emu.url, botAppId: LOCAL_APP_ID });
    // Positive control: the emulator's own signature on the same kind of activity is accepted.
    expect((await post(genuine, activity('genuine'))).status).toBe(200);
    await waitFor(() => seen.find((a) => (a as { text?: string }).text === 'genuine'), 'the genuine message');

    // Same kid as the channel's key, another private key: the signature check fails.
    const forged = await new SignJWT({ serviceurl: emu.url })
      .setProtectedHeader({ alg: 'RS256', kid: channelKey.kid })
      .setIssuer(`${emu.url}/botframework`)
      .setAudience(LOCAL_APP_ID)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    expect((await post(forged, activity('forged'))).status).toBe(401);
    // A genuine token replayed with another service URL in the activity.
    expect((await post(genuine, activity('elsewhere', 'https://smba.example.invalid/teams'))).status).toBe(
      401,
    );
    expect(seen.some((a) => ['forged', 'elsewhere'].includes((a as { text?: string }).text ?? ''))).toBe(
      false,
    );
  });
});
