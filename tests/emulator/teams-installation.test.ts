import { Client } from '@microsoft/teams.api';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBotCloud } from '../../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { admin, appToken, appTokenWithRoles, raw, startTestEmulator } from './support';

const STAGEMAP_CATALOG_ID = '3c0e5f2a-7b1d-4e8c-a6f9-1d2b3c4e5001';
const STAGEMAP_MANIFEST_ID = 'b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001';
const mentor = DEMO_USERS.find((u) => u.role === 'mentor')!;
const coordinator = DEMO_USERS.find((u) => u.role === 'coordinator')!;
const staff = DEMO_USERS.find((u) => u.role === 'staff')!;

interface Captured {
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A stand-in bot endpoint that records what Teams posts to it. */
async function captureBot(): Promise<{ url: string; received: Captured[]; server: Server }> {
  const received: Captured[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`, received, server };
}

async function botClient(emu: RunningEmulator): Promise<Client> {
  const res = await fetch(`${emu.url}/botframework.com/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: LOCAL_APP_ID,
      client_secret: LOCAL_APP_SECRET,
      scope: 'https://api.botframework.com/.default',
    }),
  });
  return new Client(emu.url, { token: ((await res.json()) as { access_token: string }).access_token });
}

const createFor = (api: Client, oid: string) =>
  api.conversations.create({
    members: [{ id: oid, role: 'user', name: '' }],
    tenantId: LOCAL_TENANT_ID,
  } as never);

async function status(p: Promise<unknown>) {
  try {
    await p;
    return 'ok';
  } catch (e) {
    const r = (e as { response?: { status: number; data: { error?: { code: string } } } }).response;
    return `${r?.status} ${r?.data.error?.code}`;
  }
}

describe('Teams app installation through Graph', () => {
  let emu: RunningEmulator;
  let bot: Awaited<ReturnType<typeof captureBot>>;
  let graph: string;
  let api: Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    bot = await captureBot();
    await admin(emu, 'PUT', '/bot', { endpoint: bot.url });
    graph = await appToken(emu);
    api = await botClient(emu);
  });
  afterAll(async () => {
    await new Promise((r) => bot.server.close(r));
    await emu.close();
  });

  it('finds the app in the catalog only with an AppCatalog permission', async () => {
    const filter = encodeURIComponent(`externalId eq '${STAGEMAP_MANIFEST_ID}'`);
    const denied = await raw(emu, 'GET', `/v1.0/appCatalogs/teamsApps?$filter=${filter}`, graph);
    expect(denied.status).toBe(403);
    expect(denied.json.error?.message).toContain('AppCatalog.Read.All');

    const reader = await appTokenWithRoles(emu, '0b0b0b0b-0000-4000-8000-00000000ca7a', [
      'AppCatalog.Read.All',
    ]);
    const found = await raw(emu, 'GET', `/v1.0/appCatalogs/teamsApps?$filter=${filter}`, reader);
    expect(found.status).toBe(200);
    expect(found.json.value).toEqual([
      {
        id: STAGEMAP_CATALOG_ID,
        externalId: STAGEMAP_MANIFEST_ID,
        displayName: 'Stagemap',
        distributionMethod: 'organization',
      },
    ]);
    const none = await raw(
      emu,
      'GET',
      `/v1.0/appCatalogs/teamsApps?$filter=${encodeURIComponent("externalId eq 'other'")}`,
      reader,
    );
    expect(none.json.value).toEqual([]);
  });

  it('installs for a user (201), then the bot can create the conversation; the bot hears about it', async () => {
    await admin(emu, 'PUT', `/teams/users/${mentor.id}/installation`, { state: 'notInstalled' });
    bot.received.length = 0;
    expect(await status(createFor(api, mentor.id))).toBe('403 ForbiddenOperationException');

    const listed = await raw(emu, 'GET', `/v1.0/users/${mentor.id}/teamwork/installedApps`, graph);
    expect(listed.status).toBe(200);
    expect(listed.json.value).toEqual([]);

    const body = {
      'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${STAGEMAP_CATALOG_ID}`,
    };
    const installed = await raw(emu, 'POST', `/v1.0/users/${mentor.id}/teamwork/installedApps`, graph, body);
    expect(installed.status).toBe(201);
    expect(installed.text).toBe('');
    const again = await raw(emu, 'POST', `/v1.0/users/${mentor.id}/teamwork/installedApps`, graph, body);
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe('Conflict');

    const filter = encodeURIComponent(`teamsApp/externalId eq '${STAGEMAP_MANIFEST_ID}'`);
    const mine = await raw(
      emu,
      'GET',
      `/v1.0/users/${mentor.id}/teamwork/installedApps?$expand=teamsApp&$filter=${filter}`,
      graph,
    );
    const installation = (mine.json.value as { id: string; teamsApp: { id: string } }[])[0]!;
    expect(installation.teamsApp.id).toBe(STAGEMAP_CATALOG_ID);
    const chat = await raw(
      emu,
      'GET',
      `/v1.0/users/${mentor.id}/teamwork/installedApps/${installation.id}/chat`,
      graph,
    );
    expect(chat.status).toBe(200);
    expect(chat.json).toMatchObject({
      chatType: 'oneOnOne',
      id: `19:${mentor.id}_${LOCAL_APP_ID}@unq.gbl.spaces`,
    });

    // The chat id from Graph is a conversation id the connector accepts: same chat as the one create returns.
    const { id: conversationId } = await createFor(api, mentor.id);
    await api.conversations.createActivity(
      chat.json.id as string,
      { type: 'message', text: 'via chat id' } as never,
    );
    await api.conversations.createActivity(conversationId, {
      type: 'message',
      text: 'via conversation id',
    } as never);
    const history = await admin(emu, 'GET', `/bot/conversations?user=${mentor.id}`);
    const texts = (history.json.value as { activities: { text: string }[] }[])[0]!.activities.map(
      (a) => a.text,
    );
    expect(texts.slice(-2)).toEqual(['via chat id', 'via conversation id']);

    // Teams tells the bot: installationUpdate (add), then conversationUpdate, signed by the channel.
    // (The admin "notInstalled" above produced an asynchronous 'remove' event; only what followed matters here.)
    const afterInstall = () => bot.received.filter((r) => r.body.action !== 'remove');
    for (let i = 0; i < 100 && afterInstall().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(afterInstall().map((r) => r.body.type)).toEqual(['installationUpdate', 'conversationUpdate']);
    const [install] = afterInstall();
    expect(install!.body).toMatchObject({
      action: 'add',
      channelId: 'msteams',
      serviceUrl: emu.url,
      from: { aadObjectId: mentor.id },
      recipient: { id: `28:${LOCAL_APP_ID}` },
      conversation: { id: conversationId, conversationType: 'personal', tenantId: LOCAL_TENANT_ID },
    });
    expect(install!.headers['x-ms-tenant-id']).toBe(LOCAL_TENANT_ID);
    const cloud = localBotCloud(emu.url);
    const jwks = createRemoteJWKSet(
      new URL(cloud.openIdMetadataUrl.replace(/\/openidconfiguration$/, '/keys')),
    );
    const token = /^Bearer (.+)$/.exec(install!.headers.authorization ?? '')![1]!;
    const { payload } = await jwtVerify(token, jwks, { issuer: cloud.tokenIssuer, audience: LOCAL_APP_ID });
    expect(payload.serviceurl).toBe(emu.url);
  });

  it('answers 403 when the app permission policy blocks the app, and changes nothing', async () => {
    await admin(emu, 'PUT', `/teams/users/${coordinator.id}/installation`, { state: 'blockedByPolicy' });
    const res = await raw(emu, 'POST', `/v1.0/users/${coordinator.id}/teamwork/installedApps`, graph, {
      'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${STAGEMAP_CATALOG_ID}`,
    });
    expect(res.status).toBe(403);
    expect(res.json.error).toMatchObject({
      code: 'Forbidden',
      message: expect.stringContaining('App is blocked by app permission policy'),
    });
    expect((await admin(emu, 'GET', `/teams/users/${coordinator.id}/installation`)).json.state).toBe(
      'blockedByPolicy',
    );
    expect(await status(createFor(api, coordinator.id))).toBe('403 ForbiddenOperationException');
  });

  it('needs a TeamsAppInstallation permission, a known user and a catalog app', async () => {
    const noRole = await appTokenWithRoles(emu, '0c0c0c0c-0000-4000-8000-0000000000aa', ['User.Read.All']);
    const body = {
      'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${STAGEMAP_CATALOG_ID}`,
    };
    const denied = await raw(emu, 'POST', `/v1.0/users/${staff.id}/teamwork/installedApps`, noRole, body);
    expect(denied.status).toBe(403);
    expect(denied.json.error?.message).toContain('TeamsAppInstallation.ReadWriteForUser.All');
    const readOnly = await appTokenWithRoles(emu, '0c0c0c0c-0000-4000-8000-0000000000bb', [
      'TeamsAppInstallation.ReadForUser.All',
    ]);
    expect((await raw(emu, 'GET', `/v1.0/users/${staff.id}/teamwork/installedApps`, readOnly)).status).toBe(
      200,
    );
    expect(
      (await raw(emu, 'POST', `/v1.0/users/${staff.id}/teamwork/installedApps`, readOnly, body)).status,
    ).toBe(403);
    const unknownUser = await raw(
      emu,
      'POST',
      '/v1.0/users/00000000-0000-4000-8000-000000000000/teamwork/installedApps',
      graph,
      body,
    );
    expect(unknownUser.status).toBe(404);
    const unknownApp = await raw(emu, 'POST', `/v1.0/users/${staff.id}/teamwork/installedApps`, graph, {
      'teamsApp@odata.bind':
        'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/11111111-1111-4111-8111-111111111111',
    });
    expect(unknownApp.status).toBe(404);
    const badBody = await raw(emu, 'POST', `/v1.0/users/${staff.id}/teamwork/installedApps`, graph, {
      teamsApp: 'x',
    });
    expect(badBody.status).toBe(400);
  });

  it('uninstalling through Graph removes the roster entry and tells the bot', async () => {
    await admin(emu, 'PUT', `/teams/users/${staff.id}/installation`, { state: 'installed' });
    const { id: conversationId } = await createFor(api, staff.id);
    bot.received.length = 0;
    const list = await raw(emu, 'GET', `/v1.0/users/${staff.id}/teamwork/installedApps`, graph);
    const installationId = (list.json.value as { id: string }[])[0]!.id;
    const removed = await raw(
      emu,
      'DELETE',
      `/v1.0/users/${staff.id}/teamwork/installedApps/${installationId}`,
      graph,
    );
    expect(removed.status).toBe(204);
    expect(
      await status(api.conversations.createActivity(conversationId, { type: 'message', text: 'x' } as never)),
    ).toBe('403 BotNotInConversationRoster');
    for (let i = 0; i < 100 && bot.received.length < 1; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bot.received[0]!.body).toMatchObject({ type: 'installationUpdate', action: 'remove' });
    const chat = await raw(
      emu,
      'GET',
      `/v1.0/users/${staff.id}/teamwork/installedApps/${installationId}/chat`,
      graph,
    );
    expect(chat.status).toBe(404);
  });
});
