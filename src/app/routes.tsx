import { Spinner } from '@fluentui/react-components';
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeView } from '../domain/views';
import type { MESSAGES } from './i18n/messages';
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

const ConfigurePage = screen(() => import('./features/configure/components/configure-page'), 'ConfigurePage');
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
  /**
   * In the main navigation: the key of its label in the `common` namespace (bundled with the shell, so the
   * navigation never waits for a feature's texts), and who sees it.
   */
  nav?: { label: `nav.${keyof typeof MESSAGES.en.nav}`; show(me: MeView): boolean };
}

/** Every screen of the tab; a feature adds its routes here (one line each). */
export const ROUTES: AppRoute[] = [
  { path: '/', element: <HomePage />, nav: { label: 'nav.home', show: () => true } },
  { path: '/internships/:id', element: <InternshipPage /> },
  { path: '/configure', element: <ConfigurePage /> },
  { path: '/overview', element: <OverviewPage />, nav: { label: 'nav.overview', show: () => true } },
  {
    path: '/needs',
    element: <NeedsPage />,
    nav: { label: 'nav.needs', show: (me) => me.isCoordinator || me.headOfServices.length > 0 },
  },
  {
    path: '/applications',
    element: <ApplicationsPage />,
    nav: { label: 'nav.applications', show: (me) => me.isCoordinator },
  },
  { path: '/applications/:id', element: <ApplicationPage /> },
  { path: '/applications/:id/intake', element: <IntakePage /> },
  {
    path: '/partners',
    element: <PartnersPage />,
    nav: { label: 'nav.partners', show: (me) => me.isCoordinator },
  },
  { path: '/policy', element: <PolicyPage />, nav: { label: 'nav.policy', show: (me) => me.isCoordinator } },
  {
    path: '/regulation',
    element: <RegulationPage />,
    nav: { label: 'nav.regulation', show: () => true },
  },
  {
    path: '/reports',
    element: <ReportPage />,
    nav: { label: 'nav.reports', show: (me) => me.isCoordinator },
  },
  {
    path: '/settings',
    element: <SettingsPage />,
    nav: { label: 'nav.settings', show: (me) => me.isCoordinator },
  },
];
