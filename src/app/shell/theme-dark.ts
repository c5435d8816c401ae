import { teamsDarkTheme, type Theme } from '@fluentui/react-components';

// A module of its own: each theme is a separate chunk, fetched only when the tab shows it (see themes.ts).
export const theme: Theme = teamsDarkTheme;
