import { TabList, Tab, makeStyles, tokens } from '@fluentui/react-components';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useMe } from './features/home/api/use-me';
import type { ApiClient } from './lib/api-client';
import { ApiProvider } from './lib/api-context';
import { ROUTES } from './routes';

const useStyles = makeStyles({ nav: { marginBottom: tokens.spacingVerticalM } });

function Navigation() {
  const me = useMe();
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
    if (subPageId && /^[A-Za-z0-9_-]{1,64}$/.test(subPageId))
      navigate(`/internships/${subPageId}`, { replace: true });
  }, [subPageId, navigate]);
  return null;
}

export function App({ api, subPageId }: { api: ApiClient; subPageId: string | null }) {
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
        <BrowserRouter basename="/tab">
          <DeepLink subPageId={subPageId} />
          <Navigation />
          <Routes>
            {ROUTES.map((r) => (
              <Route key={r.path} path={r.path} element={r.element} />
            ))}
          </Routes>
        </BrowserRouter>
      </ApiProvider>
    </QueryClientProvider>
  );
}
