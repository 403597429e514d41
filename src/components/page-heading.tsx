import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useDocumentTitle } from '../lib/use-document-title';

/**
 * A page's h1, which names the page in the document title too. Mounted by a navigation (not
 * the first load), it takes focus, so a screen reader starts on the new page rather than on
 * the body where the clicked link left it. Tab switches keep the heading mounted and the
 * focus where it was.
 */
export function PageHeading({ children, title }: { children: ReactNode; title: string[] | null }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  const firstLoad = key === 'default';
  useDocumentTitle(title);
  useEffect(() => {
    if (!firstLoad) ref.current?.focus();
    // Only on mount: later renders (a poll, a filter) never move focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="text-2xl font-semibold focus:outline-none">
      {children}
    </h1>
  );
}
