import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the server in production mode', () => {
  it('refuses to start with an incomplete configuration and names each missing or invalid variable', () => {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      TENANT_ID: 'not-a-guid',
      PUBLIC_URL: 'http://insecure.example.be',
    };
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(1);
    for (const name of [
      'CLIENT_ID: is missing',
      'CLIENT_SECRET: is missing',
      'API_ID_URI: is missing',
      'BOT_ID: is missing',
      'BOT_PASSWORD: is missing',
      'TEAMS_APP_ID: is missing',
      'SITE_URL: is missing',
      'TENANT_ID: must be a GUID',
    ])
      expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(/PUBLIC_URL: /);
  });
});
