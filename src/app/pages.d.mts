/** A section of a campaign, rendered in the campaign page's outlet with the campaign. */
export type Tab = {
  /** Relative to the campaign page's; '' for the default tab. */
  path: string;
  /** Its code, a lazy module (a loader in routes.tsx's PAGE_CODE). */
  module: string;
  /** Its name in the document title. */
  title: string;
};

export type Page = {
  /** The URL pattern (`/campaigns/:id`). */
  path: string;
  /** A page that only sends the browser on to another. */
  redirect?: string;
  /** Its code, a lazy module (a loader in routes.tsx's PAGE_CODE). */
  module?: string;
  /** Its name where the app shows it without the page (no access). */
  title?: string;
  /** Its heading when that needs no answer from the API: painted before any script runs. */
  heading?: string;
  /** The scope it needs to show anything; without it, the page says why. */
  access?: 'campaigns:read';
  /** Its label in the main navigation, for a main page. */
  nav?: string;
  /** Its sections, each a route of its own; the first is the default. */
  tabs?: Tab[];
  /** A module rendered in its outlet, loaded with it. */
  outlet?: string;
  /** The (ext) feature it needs: its nav link shows only where the session lists it. */
  extension?: string;
};

export const VIEW_MODULE: string;
export const PAGES: Page[];
export const NAV: { to: string; label: string; extension?: string }[];
export const FIRST_SCREENS: { path: string; modules: string[]; heading?: string }[];
