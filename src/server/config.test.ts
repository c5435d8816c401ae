import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const prod = {
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://stagemap.example.be',
  TENANT_ID: '0b1c2d3e-0000-4000-8000-000000000001',
  CLIENT_ID: '0b1c2d3e-0000-4000-8000-000000000002',
  CLIENT_SECRET: 'abcdefghijklmnopqrstuvwxyz',
  API_ID_URI: 'api://stagemap.example.be/0b1c2d3e-0000-4000-8000-000000000002',
  BOT_ID: '0b1c2d3e-0000-4000-8000-000000000003',
  BOT_PASSWORD: 'abcdefghijklmnopqrstuvwxyz',
  TEAMS_APP_ID: '0b1c2d3e-0000-4000-8000-000000000004',
  SITE_URL: 'https://contoso.sharepoint.com/sites/Stages',
};

describe('configuration', () => {
  it('is local mode with nothing set', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('local');
    expect(c.graphBaseUrl).toBe('http://127.0.0.1:5100');
  });

  it('accepts a complete production configuration with Microsoft defaults', () => {
    const c = loadConfig(prod);
    expect(c).toMatchObject({
      mode: 'production',
      port: 3978,
      graphBaseUrl: 'https://graph.microsoft.com',
      authority: 'https://login.microsoftonline.com',
    });
  });

  it('refuses production with missing or invalid variables and names each one', () => {
    const { TENANT_ID: _t, BOT_PASSWORD: _b, ...partial } = prod;
    let error: unknown;
    try {
      loadConfig({ ...partial, PUBLIC_URL: 'http://stagemap.example.be', CLIENT_ID: 'nope' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'TENANT_ID: is missing',
        'BOT_PASSWORD: is missing',
        expect.stringMatching(/^PUBLIC_URL: /),
        'CLIENT_ID: must be a GUID',
      ]),
    );
    expect(problems).toHaveLength(4);
  });
});
