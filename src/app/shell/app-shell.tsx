import {
  Button,
  FluentProvider,
  Select,
  Text,
  makeStyles,
  tokens,
  useId,
  type Theme,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/i18n';
import type { HostTheme } from '../host/teams-host';
import { preloadFluentThemes } from './themes';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { flexGrow: 1 },
  controls: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  main: { flexGrow: 1, padding: tokens.spacingHorizontalL },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalS, top: tokens.spacingVerticalS, zIndex: 10 },
  },
});

const LANGUAGE_NAMES: Record<Locale, string> = {
  nl: 'Nederlands',
  fr: 'Français',
  de: 'Deutsch',
  en: 'English',
};

export interface AppShellProps {
  theme: HostTheme;
  /** The Fluent theme of `theme` (loaded by the caller: see themes.ts). */
  fluentTheme: Theme;
  inTeams: boolean;
  onLocaleChange(locale: Locale): void;
  onThemeChange(theme: HostTheme): void;
  /** Local mode only: sign in as another demo user. */
  onSwitchUser?: (() => void) | undefined;
  children: ReactNode;
}

/** Frame of every screen: Fluent theme of the host, and — outside Teams only — language and theme pickers. */
export function AppShell({
  theme,
  fluentTheme,
  inTeams,
  onLocaleChange,
  onThemeChange,
  onSwitchUser,
  children,
}: AppShellProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation();
  const langId = useId('lang');
  const themeId = useId('theme');
  return (
    <FluentProvider theme={fluentTheme} lang={i18n.language}>
      <div className={styles.root} data-theme={theme}>
        <a className={styles.skip} href="#main">
          {t('shell.skipToContent')}
        </a>
        <header className={styles.header}>
          <Text as="h1" size={500} weight="semibold" className={styles.title}>
            {t('app.name')}
          </Text>
          {!inTeams && (
            <div className={styles.controls}>
              <label htmlFor={langId}>{t('shell.language')}</label>
              <Select
                id={langId}
                value={i18n.language}
                onChange={(_, d) => onLocaleChange(d.value as Locale)}
              >
                {LOCALES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </Select>
              <label htmlFor={themeId}>{t('shell.theme')}</label>
              <Select
                id={themeId}
                value={theme}
                onChange={(_, d) => onThemeChange(d.value as HostTheme)}
                onFocus={preloadFluentThemes}
                onPointerEnter={preloadFluentThemes}
              >
                <option value="light">{t('shell.themeLight')}</option>
                <option value="dark">{t('shell.themeDark')}</option>
                <option value="contrast">{t('shell.themeContrast')}</option>
              </Select>
              {onSwitchUser && (
                <Button appearance="subtle" onClick={onSwitchUser}>
                  {t('nav.switchUser')}
                </Button>
              )}
            </div>
          )}
        </header>
        <main id="main" className={styles.main} tabIndex={-1}>
          {children}
        </main>
      </div>
    </FluentProvider>
  );
}
