import type { Theme } from '@fluentui/react-components';
import type { HostTheme } from '../host/teams-host';
import { theme as light } from './theme-light';

/**
 * Each Fluent theme is a few KB of colour tokens. The light one (the browser's usual default, and Teams') comes
 * with the first screen; dark and high contrast are fetched when the host or the user switches to them.
 */
const LOADERS: Record<HostTheme, () => Promise<{ theme: Theme }>> = {
  light: () => Promise.resolve({ theme: light }),
  dark: () => import('./theme-dark'),
  contrast: () => import('./theme-contrast'),
};

const loading = new Map<HostTheme, Promise<Theme>>();

/** The Fluent theme of a host theme; fetched once, then served from memory. */
export function loadFluentTheme(theme: HostTheme): Promise<Theme> {
  let p = loading.get(theme);
  if (!p) {
    p = LOADERS[theme]().then((m) => m.theme);
    // A failed fetch (network blip) may be retried on the next switch.
    p.catch(() => loading.delete(theme));
    loading.set(theme, p);
  }
  return p;
}

/** Fetches every theme ahead, when the user reaches for the theme picker: the switch is then immediate. */
export function preloadFluentThemes(): void {
  for (const t of Object.keys(LOADERS) as HostTheme[]) loadFluentTheme(t).catch(() => undefined);
}
