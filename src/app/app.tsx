import { TabList, Tab, makeStyles, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from './features/home/api/use-me';
import { HostProvider } from './host/host-context';
import type { HostContext } from './host/teams-host';
import type { ApiClient } from './lib/api-client';
import { ApiProvider } from './lib/api-context';
import { ROUTES } from './routes';

const useStyles = makeStyles({ nav: { marginBottom: tokens.spacingVerticalM } });

function Navigation() {
  const me = useMe();
  // Its labels are in the bundled `common` namespace: the navigation does not wait for any feature's texts.
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const styles = useStyles();
  if (!me.data) return null;
  const items = ROUTES.filter((r) => r.nav && r.nav.show(me.data));
  const selected = items.find((r) => r.path !== '/' && location.pathname.startsWith(r.path))?.path ?? '/';
  return (
    <nav aria-label={t('shell.mainNavigation')} className={styles.nav}>
      <TabList selectedValue={selected} onTabSelect={(_, d) => navigate(String(d.value))}>
        {items.map((r) => (
          <Tab key={r.path} value={r.path}>
            {t(r.nav!.label)}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}

/** A Teams deep link (`subPageId` = internship id, from a card) opens that internship once, at start. */
function DeepLink({ subPageId }: { subPageId: string | null }) {
  const navigate = useNavigate();
  useEffect(() => {
    // The card's deep link carries the internship's key (or its id); anything else is ignored.
    if (subPageId && /^[A-Za-z0-9._:-]{1,100}$/.test(subPageId))
      navigate(`/internships/${encodeURIComponent(subPageId)}`, { replace: true });
  }, [subPageId, navigate]);
  return null;
}

export function App({ api, host }: { api: ApiClient; host: HostContext }) {
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 } },
      }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <ApiProvider client={api}>
        <HostProvider host={host}>
          <BrowserRouter basename="/tab">
            <DeepLink subPageId={host.subPageId} />
            <Navigation />
            <Routes>
              {ROUTES.map((r) => (
                <Route key={r.path} path={r.path} element={r.element} />
              ))}
            </Routes>
          </BrowserRouter>
        </HostProvider>
      </ApiProvider>
    </QueryClientProvider>
  );
}
