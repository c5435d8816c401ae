import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../domain/views';
import { ConfigurePage } from './features/configure/components/configure-page';
import { HomePage } from './features/home/components/home-page';

function ScreenLoading() {
  const { t } = useTranslation();
  return <Spinner size="small" label={t('shell.loading')} />;
}

/**
 * A screen fetched on first visit: only the home screen is in the JavaScript of the first screen (bench/tab.bench.ts
 * measures it), every other screen and what it imports comes when the user opens it.
 */
function screen<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): ComponentType {
  const Lazy = lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
  return function Screen() {
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Lazy />
      </Suspense>
    );
  };
}

const InternshipPage = screen(
  () => import('./features/internships/components/internship-page'),
  'InternshipPage',
);
const OverviewPage = screen(() => import('./features/overview/components/overview-page'), 'OverviewPage');
const PartnersPage = screen(() => import('./features/partners/components/partners-page'), 'PartnersPage');
const PolicyPage = screen(() => import('./features/policy/components/policy-page'), 'PolicyPage');
const RegulationPage = screen(() => import('./features/policy/components/regulation-page'), 'RegulationPage');
const SettingsPage = screen(() => import('./features/policy/components/settings-page'), 'SettingsPage');
const ReportPage = screen(() => import('./features/reports/components/report-page'), 'ReportPage');
const ApplicationPage = screen(
  () => import('./features/applications/components/application-page'),
  'ApplicationPage',
);
const ApplicationsPage = screen(
  () => import('./features/applications/components/applications-page'),
  'ApplicationsPage',
);
const IntakePage = screen(() => import('./features/applications/components/intake-page'), 'IntakePage');
const NeedsPage = screen(() => import('./features/needs/components/needs-page'), 'NeedsPage');

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
  { path: '/configure', element: <ConfigurePage /> },
  { path: '/overview', element: <OverviewPage />, nav: { label: 'common:nav.overview', show: () => true } },
  {
    path: '/needs',
    element: <NeedsPage />,
    nav: { label: 'needs:nav', show: (me) => me.isCoordinator || me.headOfServices.length > 0 },
  },
  {
    path: '/applications',
    element: <ApplicationsPage />,
    nav: { label: 'applications:nav', show: (me) => me.isCoordinator },
  },
  { path: '/applications/:id', element: <ApplicationPage /> },
  { path: '/applications/:id/intake', element: <IntakePage /> },
  {
    path: '/partners',
    element: <PartnersPage />,
    nav: { label: 'partners:nav', show: (me) => me.isCoordinator },
  },
  { path: '/policy', element: <PolicyPage />, nav: { label: 'policy:nav', show: (me) => me.isCoordinator } },
  {
    path: '/regulation',
    element: <RegulationPage />,
    nav: { label: 'policy:regulationNav', show: () => true },
  },
  {
    path: '/reports',
    element: <ReportPage />,
    nav: { label: 'reports:nav', show: (me) => me.isCoordinator },
  },
  {
    path: '/settings',
    element: <SettingsPage />,
    nav: { label: 'policy:settingsNav', show: (me) => me.isCoordinator },
  },
];
