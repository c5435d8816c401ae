import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { Theme } from '@fluentui/react-components';
import type { i18n } from 'i18next';
import type { Locale } from '../domain/i18n';
import { App } from './app';
import { hostFirstTokenProvider } from './auth/host-sso-token-provider';
import type { TokenProvider } from './auth/token-provider';
import { loadRuntimeConfig, type RuntimeConfig } from './config/runtime-config';
import { browserDefaults, connectToHost, type HostContext, type HostTheme } from './host/teams-host';
import { createI18n } from './i18n/i18n';
import { createApiClient } from './lib/api-client';
import { sessionStore } from './lib/safe-storage';
import { AppShell } from './shell/app-shell';
import { loadFluentTheme } from './shell/themes';

/** Outside Teams the user may pick a language; it holds for the browser session. */
const LANGUAGE_KEY = 'stagemap.language';

interface ShownTheme {
  name: HostTheme;
  fluent: Theme;
}

function Root({
  host,
  i18n,
  tokens,
  config,
  initialTheme,
}: {
  host: HostContext;
  i18n: i18n;
  tokens: TokenProvider;
  config: RuntimeConfig;
  initialTheme: ShownTheme;
}) {
  const [theme, setTheme] = useState<ShownTheme>(initialTheme);
  const wanted = useRef(initialTheme.name);
  // A theme shows once its tokens are loaded; when switches overlap, the last one asked for wins.
  const switchTheme = useCallback((name: HostTheme) => {
    wanted.current = name;
    void loadFluentTheme(name).then(
      (fluent) => {
        if (wanted.current === name) setTheme({ name, fluent });
      },
      () => undefined,
    );
  }, []);
  const api = useState(() => createApiClient(config.apiBaseUrl, tokens, () => i18n.language as Locale))[0];
  useEffect(() => host.onThemeChange(switchTheme), [host, switchTheme]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.body.dataset.ready = 'true';
    host.notifySuccess();
  }, [host, i18n]);
  const changeLocale = (l: Locale) => {
    sessionStore().setItem(LANGUAGE_KEY, l);
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
  };
  return (
    <I18nextProvider i18n={i18n}>
      <AppShell
        theme={theme.name}
        fluentTheme={theme.fluent}
        inTeams={host.inTeams}
        onLocaleChange={changeLocale}
        onThemeChange={switchTheme}
        onSwitchUser={config.auth.mode === 'local' ? () => void tokens.signOut() : undefined}
      >
        <App api={api} host={host} />
      </AppShell>
    </I18nextProvider>
  );
}

/**
 * The token provider of the configuration. In a tenant, MSAL (large) is loaded only when it is needed: inside a
 * Teams/Microsoft 365 host the host's single sign-on comes first (hostFirstTokenProvider).
 */
async function tokenProviderFor(config: RuntimeConfig): Promise<TokenProvider> {
  if (config.auth.mode === 'msal') {
    const auth = config.auth;
    let msal: Promise<TokenProvider> | undefined;
    const loadMsal = () =>
      (msal ??= import('./auth/msal-token-provider').then((m) => m.createMsalTokenProvider(auth)));
    return {
      getToken: async () => (await loadMsal()).getToken(),
      signOut: async () => (await loadMsal()).signOut(),
    };
  }
  const { createLocalTokenProvider } = await import('./auth/local-token-provider');
  const local = createLocalTokenProvider({ ...config.auth, redirectUri: `${window.location.origin}/tab/` });
  await local.completeRedirect(new URL(window.location.href));
  return local;
}

async function boot() {
  const config = await loadRuntimeConfig();
  // The sign-in redirect comes back to the URL the user opened (with its ?lang=…) before defaults are read.
  const tokens = await tokenProviderFor(config);
  const defaults = browserDefaults(
    window.location.search,
    sessionStore().getItem(LANGUAGE_KEY) ?? navigator.language,
    window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  const host = await connectToHost(defaults, config.teamsHostOrigins);
  // In a tenant, inside a host: the host's single sign-on first, MSAL only if the host cannot.
  const api =
    config.auth.mode === 'msal' && host.ssoToken
      ? hostFirstTokenProvider(host.ssoToken, async () => tokens)
      : tokens;
  const [i18n, fluent] = await Promise.all([createI18n(host.locale), loadFluentTheme(host.theme)]);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root
        host={host}
        i18n={i18n}
        tokens={api}
        config={config}
        initialTheme={{ name: host.theme, fluent }}
      />
    </StrictMode>,
  );
}

void boot();
