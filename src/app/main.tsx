import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { Text } from '@fluentui/react-components';
import type { Locale } from '../domain/i18n';
import { loadRuntimeConfig } from './config/runtime-config';
import { browserDefaults, connectToHost, type HostContext, type HostTheme } from './host/teams-host';
import { createI18n } from './i18n/i18n';
import { AppShell } from './shell/app-shell';

function Home() {
  const { t } = useTranslation();
  return <Text>{t('app.tagline')}</Text>;
}

function Root({ host, i18n }: { host: HostContext; i18n: i18n }) {
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = i18n.language;
    document.body.dataset.ready = 'true';
    host.notifySuccess();
  }, [host, i18n]);
  const changeLocale = (l: Locale) => {
    void i18n.changeLanguage(l);
    document.documentElement.lang = l;
  };
  return (
    <I18nextProvider i18n={i18n}>
      <AppShell theme={theme} inTeams={host.inTeams} onLocaleChange={changeLocale} onThemeChange={setTheme}>
        <Home />
      </AppShell>
    </I18nextProvider>
  );
}

async function boot() {
  const defaults = browserDefaults(
    window.location.search,
    navigator.language,
    window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  const config = await loadRuntimeConfig();
  const host = await connectToHost(defaults, config.teamsHostOrigins);
  const i18n = await createI18n(host.locale);
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <Root host={host} i18n={i18n} />
    </StrictMode>,
  );
}

void boot();
