import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../src/emulator/server';
import { admin, appToken, graphClient, raw, scopedUserToken, startTestEmulator, userToken } from './support';

let emu: RunningEmulator;
let app: string;
let now = new Date('2026-11-26T08:00:00Z');
const user = (upn: string) => DEMO_USERS.find((u) => u.userPrincipalName === upn)!;
const julie = user('julie.lejeune@stagemap.local'); // mentor, fr-BE
const hanne = user('hanne.jacobs@stagemap.local'); // her back-up, nl-BE
const anna = user('anna.kessler@stagemap.local'); // de-BE
const ctxUrl = (id: string, suffix = '') =>
  `${emu.url}/v1.0/$metadata#users('${id}')/mailboxSettings${suffix}`;

beforeAll(async () => {
  emu = await startTestEmulator({ clock: () => now });
  app = await appToken(emu);
});
afterAll(() => emu.close());
beforeEach(() => {
  now = new Date('2026-11-26T08:00:00Z');
});

describe('mailboxSettings', () => {
  it('reads a mailbox: language (the bot writes in it), time zone and automatic replies (official SDK)', async () => {
    const s = (await graphClient(emu, app).api(`/users/${anna.id}/mailboxSettings`).get()) as Record<
      string,
      unknown
    >;
    expect(s['@odata.context']).toBe(ctxUrl(anna.id));
    expect(s.language).toEqual({ locale: 'de-BE', displayName: 'Deutsch (Belgien)' });
    expect(s.timeZone).toBe('Romance Standard Time');
    expect(s.automaticRepliesSetting).toMatchObject({ status: 'disabled', externalAudience: 'all' });
    const byUpn = await raw(emu, 'GET', `/v1.0/users/${julie.userPrincipalName}/mailboxSettings`, app);
    expect((byUpn.json.language as { locale: string }).locale).toBe('fr-BE');
  });

  it('reads single settings: automaticRepliesSetting, language and the primitive timeZone', async () => {
    const ar = await raw(emu, 'GET', `/v1.0/users/${julie.id}/mailboxSettings/automaticRepliesSetting`, app);
    expect(ar.status).toBe(200);
    expect(ar.json['@odata.context']).toBe(ctxUrl(julie.id, '/automaticRepliesSetting'));
    expect(ar.json.status).toBe('disabled');
    expect(ar.json.scheduledStartDateTime).toMatchObject({ timeZone: 'UTC' });
    const lang = await raw(emu, 'GET', `/v1.0/users/${hanne.id}/mailboxSettings/language`, app);
    expect(lang.json).toMatchObject({ locale: 'nl-BE', displayName: 'Nederlands (België)' });
    const tz = await raw(emu, 'GET', `/v1.0/users/${hanne.id}/mailboxSettings/timeZone`, app);
    expect(tz.json).toEqual({
      '@odata.context': ctxUrl(hanne.id, '/timeZone'),
      value: 'Romance Standard Time',
    });
  });

  it('lets the user schedule automatic replies; the schedule is stored and answered in UTC', async () => {
    const t = await scopedUserToken(emu, julie.userPrincipalName, ['MailboxSettings.ReadWrite']);
    const r = await raw(emu, 'PATCH', '/v1.0/me/mailboxSettings', t, {
      automaticRepliesSetting: {
        status: 'Scheduled',
        scheduledStartDateTime: { dateTime: '2026-12-01T09:00:00', timeZone: 'Romance Standard Time' },
        scheduledEndDateTime: { dateTime: '2026-12-05T18:00:00', timeZone: 'Europe/Brussels' },
        internalReplyMessage: 'En congé, contactez Hanne Jacobs.',
      },
    });
    expect(r.status).toBe(200);
    expect(r.json['@odata.context']).toBe(ctxUrl(julie.id));
    expect(r.json.automaticRepliesSetting).toMatchObject({
      status: 'scheduled',
      scheduledStartDateTime: { dateTime: '2026-12-01T08:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2026-12-05T17:00:00.0000000', timeZone: 'UTC' },
      internalReplyMessage: 'En congé, contactez Hanne Jacobs.',
    });
    expect(r.json).not.toHaveProperty('language');
    const back = await raw(
      emu,
      'GET',
      `/v1.0/users/${julie.id}/mailboxSettings/automaticRepliesSetting`,
      app,
    );
    expect(back.json.status).toBe('scheduled');
    // The admin view says whether she is out of office "now" (the emulator's clock).
    expect((await admin(emu, 'GET', `/users/${julie.id}`)).json.outOfOffice).toBe(false);
    now = new Date('2026-12-02T10:00:00Z');
    expect((await admin(emu, 'GET', `/users/${julie.id}`)).json.outOfOffice).toBe(true);
  });

  it('patches automaticRepliesSetting directly and the language', async () => {
    const t = await scopedUserToken(emu, anna.userPrincipalName, ['MailboxSettings.ReadWrite']);
    const r = await raw(emu, 'PATCH', `/v1.0/users/${anna.id}/mailboxSettings/automaticRepliesSetting`, t, {
      status: 'alwaysEnabled',
    });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({
      status: 'alwaysEnabled',
      '@odata.context': ctxUrl(anna.id, '/automaticRepliesSetting'),
    });
    const l = await raw(emu, 'PATCH', '/v1.0/me/mailboxSettings', t, { language: { locale: 'en-GB' } });
    expect(l.json.language).toEqual({ locale: 'en-GB', displayName: 'English (United Kingdom)' });
    await raw(emu, 'PATCH', '/v1.0/me/mailboxSettings', t, { language: { locale: 'de-BE' } });
  });

  it('refuses invalid settings with the service errors and changes nothing', async () => {
    const t = await scopedUserToken(emu, hanne.userPrincipalName, ['MailboxSettings.ReadWrite']);
    const patch = (body: unknown) => raw(emu, 'PATCH', '/v1.0/me/mailboxSettings', t, body);
    const status = await patch({ automaticRepliesSetting: { status: 'holiday' } });
    expect(status.status).toBe(400);
    expect(status.json.error).toMatchObject({
      code: 'RequestBodyRead',
      message: "Requested value 'holiday' was not found.",
    });
    const order = await patch({
      automaticRepliesSetting: {
        status: 'scheduled',
        scheduledStartDateTime: { dateTime: '2026-12-05T09:00:00', timeZone: 'UTC' },
        scheduledEndDateTime: { dateTime: '2026-12-01T09:00:00', timeZone: 'UTC' },
      },
    });
    expect(order.status).toBe(400);
    expect(order.json.error?.code).toBe('ErrorInvalidParameter');
    const zone = await patch({ timeZone: 'Mars/Olympus_Mons' });
    expect(zone.status).toBe(400);
    const unknown = await patch({ shoeSize: 42 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error?.message).toMatch(
      /^The property 'shoeSize' does not exist on type 'microsoft.graph.mailboxSettings'/,
    );
    const after = await raw(emu, 'GET', `/v1.0/users/${hanne.id}/mailboxSettings`, app);
    expect((after.json.automaticRepliesSetting as { status: string }).status).toBe('disabled');
  });

  it('checks permissions: app role for reading, ReadWrite for writing, own mailbox only for users', async () => {
    const patch = await raw(emu, 'PATCH', `/v1.0/users/${hanne.id}/mailboxSettings`, app, {
      timeZone: 'UTC',
    });
    expect(patch.status).toBe(403);
    expect(patch.json.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
    const t = await scopedUserToken(emu, hanne.userPrincipalName, ['MailboxSettings.Read']);
    expect((await raw(emu, 'GET', '/v1.0/me/mailboxSettings', t)).status).toBe(200);
    expect((await raw(emu, 'GET', `/v1.0/users/${julie.id}/mailboxSettings`, t)).status).toBe(403);
    expect((await raw(emu, 'PATCH', '/v1.0/me/mailboxSettings', t, { timeZone: 'UTC' })).status).toBe(403);
    const none = await scopedUserToken(emu, hanne.userPrincipalName, ['User.Read']);
    expect((await raw(emu, 'GET', '/v1.0/me/mailboxSettings', none)).status).toBe(403);
    const appMe = await raw(emu, 'GET', '/v1.0/me/mailboxSettings', app);
    expect(appMe.status).toBe(400);
    const missing = await raw(emu, 'GET', '/v1.0/users/ghost@stagemap.local/mailboxSettings', app);
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatchObject({
      code: 'ErrorInvalidUser',
      message: "The requested user 'ghost@stagemap.local' is invalid.",
    });
  });

  it('sets out-of-office through the admin API (shorthand and full setting) and clears it', async () => {
    const put = await admin(emu, 'PUT', `/users/${hanne.userPrincipalName}/out-of-office`, {
      start: '2026-11-26T00:00:00Z',
      end: '2026-11-27T00:00:00Z',
      message: 'Afwezig',
    });
    expect(put.status).toBe(200);
    expect(put.json.outOfOffice).toBe(true);
    const g = await raw(emu, 'GET', `/v1.0/users/${hanne.id}/mailboxSettings/automaticRepliesSetting`, app);
    expect(g.json).toMatchObject({
      status: 'scheduled',
      scheduledEndDateTime: { dateTime: '2026-11-27T00:00:00.0000000', timeZone: 'UTC' },
      internalReplyMessage: 'Afwezig',
    });
    expect(
      (await admin(emu, 'PUT', `/users/${hanne.id}/out-of-office`, { status: 'alwaysEnabled' })).json
        .outOfOffice,
    ).toBe(true);
    expect((await admin(emu, 'DELETE', `/users/${hanne.id}/out-of-office`)).json.outOfOffice).toBe(false);
    expect((await admin(emu, 'PUT', `/users/${hanne.id}/out-of-office`, { status: 'never' })).status).toBe(
      400,
    );
    const lang = await admin(emu, 'PATCH', `/users/${hanne.id}/mailbox-settings`, {
      language: { locale: 'fr-BE' },
    });
    expect(lang.json).toHaveProperty('mailboxSettings.language.locale', 'fr-BE');
  });
});

const message = (to: string[], extra: Record<string, unknown> = {}) => ({
  message: {
    subject: 'Opvolging stage',
    body: { contentType: 'HTML', content: '<p>Hallo</p>' },
    toRecipients: to.map((address) => ({ emailAddress: { address, name: address } })),
    ...extra,
  },
  saveToSentItems: false,
});

describe('sendMail and the outbox', () => {
  beforeEach(async () => {
    await admin(emu, 'DELETE', '/outbox');
  });

  it('sends as a user with the app role (202, empty body) and captures it in the outbox', async () => {
    const r = await raw(emu, 'POST', `/v1.0/users/${julie.id}/sendMail`, app, message([hanne.mail!]));
    expect(r.status).toBe(202);
    expect(r.text).toBe('');
    const box = await admin(emu, 'GET', '/outbox');
    expect(box.json.count).toBe(1);
    expect((box.json.value as object[])[0]).toMatchObject({
      from: { address: julie.mail, name: 'Julie Lejeune' },
      toRecipients: [{ address: hanne.mail }],
      subject: 'Opvolging stage',
      body: { contentType: 'html', content: '<p>Hallo</p>' },
      saveToSentItems: false,
      sentDateTime: '2026-11-26T08:00:00.000Z',
    });
  });

  it('sends through the official SDK and /me, and filters the outbox by recipient (to, cc, bcc)', async () => {
    await graphClient(emu, app)
      .api(`/users/${anna.userPrincipalName}/sendMail`)
      .post(
        message(['Lena.Cremer@stagemap.local'], {
          ccRecipients: [{ emailAddress: { address: 'els.verstraeten@stagemap.local' } }],
        }),
      );
    const t = await userToken(emu, hanne.userPrincipalName);
    expect(
      (await raw(emu, 'POST', '/v1.0/me/sendMail', t, message(['lena.cremer@stagemap.local']))).status,
    ).toBe(202);
    const lena = await admin(emu, 'GET', '/outbox?to=LENA.CREMER@stagemap.local');
    expect(lena.json.count).toBe(2);
    expect((lena.json.value as { from: { address: string } }[]).map((m) => m.from.address)).toEqual([
      anna.mail,
      hanne.mail,
    ]);
    expect((await admin(emu, 'GET', '/outbox?to=els.verstraeten@stagemap.local')).json.count).toBe(1);
    expect((await admin(emu, 'DELETE', '/outbox')).status).toBe(204);
    expect((await admin(emu, 'GET', '/outbox')).json.count).toBe(0);
  });

  it('refuses a message without recipients or with an unresolvable one (ErrorInvalidRecipients)', async () => {
    const none = await raw(emu, 'POST', `/v1.0/users/${julie.id}/sendMail`, app, message([]));
    expect(none.status).toBe(400);
    expect(none.json.error).toMatchObject({
      code: 'ErrorInvalidRecipients',
      message:
        "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    });
    const bad = await raw(emu, 'POST', `/v1.0/users/${julie.id}/sendMail`, app, message(['not-an-address']));
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toBe(
      'At least one recipient isn\'t valid., Recipient "not-an-address" isn\'t resolved. All recipients must be resolved before a message can be submitted.',
    );
    const noMessage = await raw(emu, 'POST', `/v1.0/users/${julie.id}/sendMail`, app, {});
    expect(noMessage.json.error?.code).toBe('ErrorInvalidRecipients');
    const type = await raw(
      emu,
      'POST',
      `/v1.0/users/${julie.id}/sendMail`,
      app,
      message([hanne.mail!], { body: { contentType: 'markdown', content: 'x' } }),
    );
    expect(type.status).toBe(400);
    expect(type.json.error?.code).toBe('RequestBodyRead');
    const json = await raw(
      emu,
      'POST',
      `/v1.0/users/${julie.id}/sendMail`,
      app,
      new TextEncoder().encode('{nope'),
      {
        'content-type': 'application/json',
      },
    );
    expect(json.status).toBe(400);
    expect(json.json.error?.message).toMatch(/^Unable to read JSON request payload/);
    expect((await admin(emu, 'GET', '/outbox')).json.count).toBe(0);
  });

  it('needs Mail.Send, refuses sending as someone else, and answers 404 for an unknown mailbox', async () => {
    const noSend = await scopedUserToken(emu, hanne.userPrincipalName, ['User.Read']);
    const r = await raw(emu, 'POST', '/v1.0/me/sendMail', noSend, message([julie.mail!]));
    expect(r.status).toBe(403);
    expect(r.json.error?.code).toBe('ErrorAccessDenied');
    const t = await userToken(emu, hanne.userPrincipalName);
    const as = await raw(emu, 'POST', `/v1.0/users/${julie.id}/sendMail`, t, message([anna.mail!]));
    expect(as.status).toBe(403);
    expect(as.json.error?.code).toBe('ErrorSendAsDenied');
    const ghost = await raw(
      emu,
      'POST',
      '/v1.0/users/ghost@stagemap.local/sendMail',
      app,
      message([anna.mail!]),
    );
    expect(ghost.status).toBe(404);
    expect((await admin(emu, 'GET', '/outbox')).json.count).toBe(0);
  });
});
