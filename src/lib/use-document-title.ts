import { useEffect } from 'react';

/**
 * "Spring outreach · Contacts · Headroom": each page names itself, most specific first.
 * `null` leaves the title to someone else (a campaign's tab names the campaign page).
 */
export function useDocumentTitle(parts: string[] | null): void {
  const title = parts && [...parts, 'Headroom'].join(' · ');
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
}
