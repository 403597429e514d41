import { lazy, Suspense, useEffect, useRef, useState } from 'react';
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
  return `rounded-md px-3 py-1.5 text-sm font-medium max-lg:flex max-lg:min-h-11 max-lg:items-center ${
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
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu, wherever the focus is in it, and gives the focus back.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);
  return (
    <AccessContext value={access}>
      <div className="min-h-screen">
        <header className="sticky top-0 z-30 h-14 border-b border-slate-200 bg-white print:hidden">
          <div className="relative mx-auto flex h-full max-w-7xl items-center gap-2 px-4 sm:gap-4">
            <span className="text-lg font-bold tracking-tight text-indigo-800">Headroom</span>
            {/* Before the menu it opens, so Tab goes from it into the menu; drawn last. */}
            <button
              ref={menuButton}
              type="button"
              aria-expanded={menuOpen}
              aria-controls="site-menu"
              onClick={() => setMenuOpen(!menuOpen)}
              className="order-last -mr-2 inline-flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
            >
              <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span>
              <span className="max-sm:sr-only">Menu</span>
            </button>
            {/* A menu under the header on a phone, the header's own row on a wide screen. */}
            <div
              id="site-menu"
              className={`${menuOpen ? 'flex' : 'hidden'} items-center gap-4 max-lg:absolute max-lg:inset-x-0 max-lg:top-full max-lg:flex-col max-lg:items-stretch max-lg:border-b max-lg:border-slate-200 max-lg:bg-white max-lg:p-4 max-lg:shadow-lg lg:flex lg:flex-1`}
            >
              <nav aria-label="Main" className="flex gap-1 max-lg:flex-col">
                {NAV.filter(
                  (item) => !item.extension || access.session?.extensions.includes(item.extension),
                ).map((item) => (
                  <NavLink
                    key={item.to}
                    to={item.to}
                    className={navClass}
                    onClick={() => setMenuOpen(false)}
                  >
                    {item.label}
                  </NavLink>
                ))}
              </nav>
              {connected && (
                <div className="lg:ml-auto">
                  <ConnectionBadge />
                </div>
              )}
            </div>
            {connected && (
              <div className="flex items-center gap-2 max-lg:ml-auto sm:gap-4">
                <AlertsBell />
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
