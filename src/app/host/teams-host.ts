import type { Locale } from '../../domain/i18n';
import { resolveLocale } from '../../domain/i18n';

export type HostTheme = 'light' | 'dark' | 'contrast';

/** What the tab knows about where it runs. Outside Teams (plain browser, SharePoint page) `inTeams` is false. */
export interface HostContext {
  inTeams: boolean;
  hostName: string | null;
  locale: Locale;
  theme: HostTheme;
  /** Deep link target (`subPageId`, formerly `subEntityId`): an internship id the cards link to. */
  subPageId: string | null;
  /** Theme changes while the tab is open (Teams settings); no-op outside Teams. */
  onThemeChange(listener: (theme: HostTheme) => void): void;
  /** Tells the host the first screen is usable (Teams hides its loading indicator). */
  notifySuccess(): void;
  /**
   * Single sign-on through the host (Teams, Outlook, the Microsoft 365 app): a token for Stagemap's API for the
   * signed-in user, from the app's `webApplicationInfo`; undefined outside a host.
   */
  ssoToken?: () => Promise<string>;
}

const toTheme = (t: string | undefined): HostTheme =>
  t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'light';

/** Outside an iframe there is no Teams host to wait for: the tab must not pay a Teams timeout in a plain browser. */
const framed = (): boolean => {
  try {
    return window.parent !== window || !!window.opener;
  } catch {
    return true;
  }
};

export interface BrowserDefaults {
  locale: Locale;
  theme: HostTheme;
  subPageId: string | null;
}

/**
 * Initialises teams-js raced against a short timeout, so the same build works in Teams, in a SharePoint web part
 * and in a plain browser.
 */
export async function connectToHost(
  defaults: BrowserDefaults,
  validOrigins: string[] = [],
  timeoutMs = 1500,
): Promise<HostContext> {
  const browser: HostContext = {
    inTeams: false,
    hostName: null,
    ...defaults,
    onThemeChange: () => undefined,
    notifySuccess: () => undefined,
  };
  if (!framed()) return browser;
  // teams-js is loaded only inside a frame (Teams, Outlook, SharePoint): a plain browser does not pay for it.
  const { app, authentication } = await import('@microsoft/teams-js');
  const initialized = await Promise.race([
    app.initialize(validOrigins.length > 0 ? validOrigins : undefined).then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!initialized) return browser;
  const ctx = await app.getContext();
  return {
    inTeams: true,
    hostName: ctx.app.host.name ?? null,
    locale: resolveLocale(ctx.app.locale),
    theme: toTheme(ctx.app.theme),
    subPageId: ctx.page.subPageId ?? defaults.subPageId,
    onThemeChange: (listener) => app.registerOnThemeChangeHandler((t) => listener(toTheme(t))),
    notifySuccess: () => app.notifySuccess(),
    ssoToken: () => authentication.getAuthToken(),
  };
}

/** Locale, theme and deep link outside Teams: query string first (`?lang=fr&theme=dark&internship=…`), then the browser. */
export function browserDefaults(
  search: string,
  navigatorLanguage: string,
  prefersDark: boolean,
): BrowserDefaults {
  const q = new URLSearchParams(search);
  const theme = q.get('theme');
  return {
    locale: resolveLocale(q.get('lang') ?? navigatorLanguage),
    theme:
      theme === 'dark' || theme === 'contrast' || theme === 'light' ? theme : prefersDark ? 'dark' : 'light',
    subPageId: q.get('internship'),
  };
}

export interface TabConfig {
  entityId: string;
  contentUrl: string;
  websiteUrl: string;
  suggestedDisplayName: string;
}

/**
 * The configurable tab (team channel, SharePoint web part): Teams calls Save; we hand it the content URL chosen on
 * the configuration page. Outside Teams there is nothing to save.
 */
export async function registerTabConfig(
  host: HostContext,
  current: () => TabConfig | null,
): Promise<(valid: boolean) => void> {
  if (!host.inTeams) return () => undefined;
  const { pages } = await import('@microsoft/teams-js');
  pages.config.registerOnSaveHandler((save) => {
    const cfg = current();
    if (!cfg) return save.notifyFailure('nothing chosen');
    pages.config.setConfig(cfg).then(
      () => save.notifySuccess(),
      (e: unknown) => save.notifyFailure(String(e)),
    );
  });
  return (valid) => pages.config.setValidityState(valid);
}
