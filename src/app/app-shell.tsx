import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useConnectionState } from '../api/connection';
import { AccessContext, useAccessState } from '../api/session';
import { AlertsBell } from './alerts-bell';
import { ConnectionBadge } from './connection-badge';
import { HeadroomIndicator } from './headroom-indicator';
import { Loading, PendingPage } from './pending-page';
import { PageErrorBoundary } from './page-error-boundary';
import { NAV } from './pages.mjs';
import { PageSuspense } from '../lib/first-paint';
import { useDocumentTitle } from '../lib/use-document-title';

// Only a visit without a credential needs the form: it is not part of every first screen.
const ConnectionForm = lazy(() =>
  import('../features/settings/connection-form').then((m) => ({ default: m.ConnectionForm })),
);

// index.html's static shell has the same links, none active (scripts/vite-plugins.mjs).
function navClass({ isActive }: { isActive: boolean }) {
  return `rounded-md px-3 py-1.5 text-sm font-medium ${
    isActive ? 'bg-indigo-50 text-indigo-800' : 'text-slate-700 hover:bg-slate-100'
  }`;
}

/**
 * The header and main area of every page. While the first page's code loads, it is the
 * pending shell that index.html carries, so the browser paints it before any script runs
 * (static-shell.test.tsx keeps the two identical). Later navigations are transitions: the
 * current page stays until the next one's code is in.
 */
export function AppShell() {
  const { pathname } = useLocation();
  const { connection, rejected, storageBlocked } = useConnectionState();
  const connected = connection !== null && !rejected;
  const access = useAccessState();
  useDocumentTitle(connected ? null : ['Connect']);
  return (
    <AccessContext value={access}>
      <div className="min-h-screen">
        <header className="border-b border-slate-200 bg-white print:hidden">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
            <span className="text-lg font-bold tracking-tight text-indigo-800">Headroom</span>
            <nav aria-label="Main" className="flex gap-1">
              {NAV.filter(
                (item) => !item.extension || access.session?.extensions.includes(item.extension),
              ).map((item) => (
                <NavLink key={item.to} to={item.to} className={navClass}>
                  {item.label}
                </NavLink>
              ))}
            </nav>
            {connected && (
              <div className="ml-auto flex flex-wrap items-center gap-4">
                <AlertsBell />
                <ConnectionBadge />
                <HeadroomIndicator />
              </div>
            )}
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6">
          {connected ? (
            <PageErrorBoundary path={pathname}>
              <PageSuspense fallback={<PendingPage />}>
                <Outlet />
              </PageSuspense>
            </PageErrorBoundary>
          ) : (
            <section className="mx-auto max-w-lg">
              <h1 className="mb-1 text-2xl font-semibold">Connect to the campaign API</h1>
              <p className="mb-6 text-sm text-slate-600">
                {rejected
                  ? 'The server did not accept the saved credential (401). Enter a valid API token.'
                  : 'Enter the API address and a token to start.'}
              </p>
              {storageBlocked && (
                <p className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
                  This browser blocks storage for this page, so the token is kept only until the
                  page is closed or reloaded.
                </p>
              )}
              <Suspense fallback={<Loading />}>
                <ConnectionForm />
              </Suspense>
            </section>
          )}
        </main>
      </div>
    </AccessContext>
  );
}
