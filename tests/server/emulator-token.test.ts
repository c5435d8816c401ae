import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_API_ID_URI, LOCAL_APP_ID, LOCAL_TENANT_ID } from '../../src/emulator/config';
import type { RunningEmulator } from '../../src/emulator/server';
import { createTokenValidator, remoteJwks, UnauthorizedError } from '../../src/server/auth/token-validator';
import { addUser, startTestEmulator, userToken } from '../emulator/support';

// Local mode: the emulator issues the tokens and publishes its JWKS over HTTP; the server's validator fetches it
// exactly as it fetches Entra ID's.
let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  addUser(emu, {
    id: '22222222-2222-4222-8222-222222222222',
    userPrincipalName: 'marc.lambert@stagemap.local',
    displayName: 'Marc Lambert',
  });
});
afterAll(() => emu.close());

describe('emulator tokens through the production validator', () => {
  it('accepts a token for the API scope and refuses a Graph token for it', async () => {
    const validate = createTokenValidator({
      tenantId: LOCAL_TENANT_ID,
      issuer: `${emu.url}/${LOCAL_TENANT_ID}/v2.0`,
      audiences: [LOCAL_API_ID_URI, LOCAL_APP_ID],
      requiredScope: 'access_as_user',
      keys: remoteJwks(`${emu.url}/${LOCAL_TENANT_ID}/discovery/v2.0/keys`),
    });
    const api = await userToken(emu, 'marc.lambert@stagemap.local', `${LOCAL_API_ID_URI}/access_as_user`);
    await expect(validate(`Bearer ${api}`)).resolves.toMatchObject({
      oid: '22222222-2222-4222-8222-222222222222',
      upn: 'marc.lambert@stagemap.local',
    });
    const graph = await userToken(emu, 'marc.lambert@stagemap.local');
    await expect(validate(`Bearer ${graph}`)).rejects.toEqual(new UnauthorizedError('audience'));
  });
});
