import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, useMemo } from 'react';
import type { ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider as GraphqlProvider } from 'urql';
import { Loading } from './components/Loading';
import { NoAccess } from './components/NoAccess';
import { Shell } from './components/Shell';
import { I18nProvider, useI18n } from './i18n/i18n';
import { makeGraphqlClient } from './lib/client';
import { SessionProvider, useSession } from './lib/session';
import { theme } from './theme';

// Each page is its own chunk: the first load carries the frame and the page asked for.
const SignInPage = lazy(() => import('./pages/SignInPage'));
const PasswordPage = lazy(() => import('./pages/PasswordPage'));
const OverviewPage = lazy(() => import('./pages/OverviewPage'));
const RunsPage = lazy(() => import('./pages/RunsPage'));
const RunPage = lazy(() => import('./pages/RunPage'));
const SourcesPage = lazy(() => import('./pages/SourcesPage'));
const SourcePage = lazy(() => import('./pages/SourcePage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const WorksPage = lazy(() => import('./pages/WorksPage'));
const WorkPage = lazy(() => import('./pages/WorkPage'));
const WorkDecisionsPage = lazy(() => import('./pages/WorkDecisionsPage'));
const KeysPage = lazy(() => import('./pages/KeysPage'));
const PeoplePage = lazy(() => import('./pages/PeoplePage'));
const AlertsPage = lazy(() => import('./pages/AlertsPage'));

/** Signed-in pages: a visitor without a session goes to sign-in and comes back after. */
function RequireSession() {
  const { loading, person } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!person) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <Shell />;
}

function StaffOnly({ children }: { children: ReactNode }) {
  const { isStaff } = useSession();
  return isStaff ? <>{children}</> : <NoAccess />;
}

function ConsoleRoutes() {
  const { person } = useSession();
  // Keyed by person: a new sign-in starts with an empty GraphQL cache.
  const client = useMemo(() => makeGraphqlClient(), [person?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <GraphqlProvider value={client}>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/password" element={<PasswordPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<OverviewPage />} />
            <Route path="/runs" element={<RunsPage />} />
            <Route path="/runs/:id" element={<RunPage />} />
            <Route path="/sources" element={<SourcesPage />} />
            <Route path="/sources/:id" element={<SourcePage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/works" element={<WorksPage />} />
            <Route
              path="/works/decisions"
              element={
                <StaffOnly>
                  <WorkDecisionsPage />
                </StaffOnly>
              }
            />
            <Route path="/works/:id" element={<WorkPage />} />
            <Route path="/keys" element={<KeysPage />} />
            <Route
              path="/people"
              element={
                <StaffOnly>
                  <PeoplePage />
                </StaffOnly>
              }
            />
            <Route path="/alerts" element={<AlertsPage />} />
            <Route path="*" element={<NoAccess />} />
          </Route>
        </Routes>
      </Suspense>
    </GraphqlProvider>
  );
}

function Localised() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter basename="/console">
            <ConsoleRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localised />
    </I18nProvider>
  );
}
