import { useLocation } from 'react-router';
import { FIRST_SCREENS } from './pages.mjs';

export const Loading = () => <p className="text-slate-500">Loading…</p>;

/**
 * The main area while the first route loads: the page's heading where it needs no answer,
 * laid out as the page lays it out, exactly as the server sends it (server/http/spa.ts), so the
 * first paint already names the page and nothing moves when the page takes over.
 */
export function PendingPage() {
  const path = useLocation().pathname.replace(/(.)\/+$/, '$1');
  const heading = FIRST_SCREENS.find((screen) => screen.path === path)?.heading;
  if (!heading) return <Loading />;
  return (
    <section className="space-y-5">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">{heading}</h1>
      </div>
      <Loading />
    </section>
  );
}
