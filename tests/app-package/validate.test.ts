import { describe, expect, it } from 'vitest';
import { formatIssues, validateAppPackage, type PackageIssue } from '../../src/server/app-package/validate';
import { buildFiles, editJson, localConfig, png, productionConfig } from './support';

const config = productionConfig();
const good = buildFiles(config);
const validate = (files: Record<string, Uint8Array>) => validateAppPackage(files, { expected: config });

/** The issues at one path; the test then checks the message names the problem. */
const at = (issues: PackageIssue[], path: string) => issues.filter((i) => i.path === path);

describe('validateAppPackage: a correct package', () => {
  it('passes for production and local configuration', () => {
    expect(formatIssues(validate(good))).toBe('');
    const local = localConfig();
    expect(formatIssues(validateAppPackage(buildFiles(local), { expected: local }))).toBe('');
  });

  it('also passes against the v1.22 schemas, the fallback if a tenant refuses 1.27', () => {
    const files = buildFiles(config, '1.22');
    expect(formatIssues(validateAppPackage(files, { expected: config, manifestVersion: '1.22' }))).toBe('');
  });
});

describe('validateAppPackage: one broken thing at a time', () => {
  it('reports a missing colour icon', () => {
    const { 'color.png': _, ...files } = good;
    const issues = validate(files);
    expect(at(issues, 'manifest.json/icons/color')).toEqual([
      { path: 'manifest.json/icons/color', message: 'names "color.png", which is not in the package' },
    ]);
  });

  it('reports a wrong manifestVersion', () => {
    const issues = validate(editJson(good, 'manifest.json', (m) => (m.manifestVersion = '1.16')));
    expect(at(issues, 'manifest.json/manifestVersion').map((i) => i.message)).toEqual(
      expect.arrayContaining([
        'is "1.16"; this package targets manifest schema 1.27',
        expect.stringMatching(/must be "1.27"/),
      ]),
    );
  });

  it('reports a tab URL on a domain that is not in validDomains', () => {
    const issues = validate(
      editJson(
        good,
        'manifest.json',
        (m) => (m.staticTabs[0].contentUrl = 'https://elsewhere.example.com/tab/home'),
      ),
    );
    expect(at(issues, 'manifest.json/staticTabs/0/contentUrl')).toEqual([
      {
        path: 'manifest.json/staticTabs/0/contentUrl',
        message:
          '"https://elsewhere.example.com/tab/home" is on elsewhere.example.com, which is not in validDomains (stagemap.fedorg.be)',
      },
    ]);
  });

  it('reports a configuration URL on a foreign domain too', () => {
    const issues = validate(
      editJson(
        good,
        'manifest.json',
        (m) => (m.configurableTabs[0].configurationUrl = 'https://fedorg.be/configure'),
      ),
    );
    expect(at(issues, 'manifest.json/configurableTabs/0/configurationUrl')[0]?.message).toMatch(
      /not in validDomains/,
    );
  });

  it('reports a localisation key for a bot command that does not exist, which the schema alone accepts', () => {
    const issues = validate(
      editJson(good, 'nl.json', (nl) => (nl['bots[0].commandLists[0].commands[7].title'] = 'archief')),
    );
    expect(issues).toEqual([
      {
        path: 'nl.json: bots[0].commandLists[0].commands[7].title',
        message: 'translates a string that the manifest does not have',
      },
    ]);
  });

  it('reports a localisation key that is no manifest path at all', () => {
    const issues = validate(editJson(good, 'fr.json', (fr) => (fr['tabs..name'] = 'Accueil')));
    expect(at(issues, 'fr.json: tabs..name')[0]?.message).toBe(
      'is not a manifest path such as staticTabs[0].name',
    );
    // The schema forbids unknown keys as well, and says which one.
    expect(issues.some((i) => i.path === 'fr.json' && i.message.includes('"tabs..name"'))).toBe(true);
  });

  it('reports an outline icon with coloured pixels', () => {
    const outline = png(32, 32, (x, y) =>
      x === 10 && y === 12 ? [200, 30, 30, 255] : x < 16 ? [255, 255, 255, 255] : [0, 0, 0, 0],
    );
    const issues = validate({ ...good, 'outline.png': outline });
    expect(at(issues, 'manifest.json/icons/outline')).toEqual([
      {
        path: 'manifest.json/icons/outline',
        message:
          'outline.png must contain only white and transparent pixels; 1 pixel(s) are coloured, e.g. (10, 12) is rgba(200, 30, 30, 255)',
      },
    ]);
  });

  it('reports an outline icon without transparency', () => {
    const issues = validate({ ...good, 'outline.png': png(32, 32, () => [255, 255, 255, 255]) });
    expect(at(issues, 'manifest.json/icons/outline')[0]?.message).toMatch(/has no transparent pixel/);
  });

  it('reports a colour icon of the wrong size', () => {
    const issues = validate({ ...good, 'color.png': png(128, 128, () => [17, 122, 101, 255]) });
    expect(at(issues, 'manifest.json/icons/color')).toEqual([
      { path: 'manifest.json/icons/color', message: 'color.png is 128×128 pixels; it must be 192×192' },
    ]);
  });

  it('reports ids that differ from the configuration', () => {
    const other = '00000000-0000-4000-8000-000000000000';
    const issues = validate(
      editJson(good, 'manifest.json', (m) => {
        m.id = other;
        m.bots[0].botId = other;
      }),
    );
    expect(at(issues, 'manifest.json/id')[0]?.message).toBe(
      `is "${other}"; it must be the configured Teams app id (TEAMS_APP_ID) "${config.teamsAppId}"`,
    );
    expect(at(issues, 'manifest.json/bots/0/botId')[0]?.message).toMatch(/configured bot id \(BOT_ID\)/);
  });

  it('reports an app version that Teams would refuse', () => {
    const issues = validate(editJson(good, 'manifest.json', (m) => (m.version = '1.4.2-beta.1')));
    expect(at(issues, 'manifest.json/version')[0]?.message).toMatch(/must be MAJOR\.MINOR\.PATCH/);
  });

  it('reports a missing translation and a localisation file on another schema version', () => {
    const issues = validate(
      editJson(good, 'de.json', (de) => {
        delete de['bots[0].commandLists[1].commands[1].description'];
        de.$schema =
          'https://developer.microsoft.com/json-schemas/teams/v1.16/MicrosoftTeams.Localization.schema.json';
      }),
    );
    expect(at(issues, 'de.json: bots[0].commandLists[1].commands[1].description')[0]?.message).toMatch(
      /is missing/,
    );
    expect(at(issues, 'de.json/$schema')[0]?.message).toMatch(/is not the v1\.27 localisation schema/);
  });

  it('reports an SSO resource whose domain is not the tab domain', () => {
    const issues = validateAppPackage(
      editJson(good, 'manifest.json', (m) => {
        m.webApplicationInfo.resource = `api://other.example.be/${config.clientId}`;
        m.webApplicationInfo.nestedAppAuthInfo[0].redirectUri = 'brk-multihub://other.example.be';
      }),
    );
    expect(at(issues, 'manifest.json/webApplicationInfo/resource')[0]?.message).toMatch(
      /names the domain other\.example\.be, which is not in validDomains/,
    );
    expect(
      at(issues, 'manifest.json/webApplicationInfo/nestedAppAuthInfo/0/redirectUri')[0]?.message,
    ).toMatch(/not in validDomains/);
  });

  it('reports http on a public host and a URL written into validDomains', () => {
    const issues = validate(
      editJson(good, 'manifest.json', (m) => {
        m.developer.privacyUrl = 'http://stagemap.fedorg.be/privacy';
        m.validDomains.push('https://extra.fedorg.be/');
      }),
    );
    expect(at(issues, 'manifest.json/developer/privacyUrl')[0]?.message).toMatch(/must use https/);
    expect(at(issues, 'manifest.json/validDomains/1')[0]?.message).toMatch(/is not a host name/);
  });

  it('reports a manifest that is not JSON, and stops there', () => {
    const issues = validate({ ...good, 'manifest.json': new TextEncoder().encode('{ "id": ') });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toMatch(/^is not valid UTF-8 JSON/);
  });

  it('formats issues as one readable line each', () => {
    expect(
      formatIssues([
        { path: 'manifest.json/id', message: 'is wrong' },
        { path: 'nl.json', message: 'is missing' },
      ]),
    ).toBe('manifest.json/id: is wrong\nnl.json: is missing');
  });
});
