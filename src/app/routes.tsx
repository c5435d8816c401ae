import type { ReactElement } from 'react';
import type { MeView } from '../domain/views';
import { HomePage } from './features/home/components/home-page';
import { InternshipPage } from './features/internships/components/internship-page';
import { OverviewPage } from './features/overview/components/overview-page';

export interface AppRoute {
  path: string;
  element: ReactElement;
  /** In the main navigation: `namespace:key` of its label, and who sees it. */
  nav?: { label: string; show(me: MeView): boolean };
}

/** Every screen of the tab; a feature adds its routes here (one line each). */
export const ROUTES: AppRoute[] = [
  { path: '/', element: <HomePage />, nav: { label: 'common:nav.home', show: () => true } },
  { path: '/internships/:id', element: <InternshipPage /> },
  { path: '/overview', element: <OverviewPage />, nav: { label: 'common:nav.overview', show: () => true } },
];
