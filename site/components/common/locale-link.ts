// What the language switcher carries to the same page in another locale. The switcher starts from the current
// address (query, filters, `?t=`, `#target`); a page whose state is not (yet) in its address adds it by listening
// for this event and editing `detail.url` (the film player sets `t` to the moment being watched).
export const LOCALE_LINK_EVENT = 'heritage:locale-link';

export interface LocaleLinkDetail {
  /** The other locale's address of this page, with the current query and fragment; listeners may change it. */
  url: URL;
}

/** The other locale's page `href` (a path), with this page's state carried over. */
export function carriedHref(href: string, current: Location | URL): URL {
  const url = new URL(href, current.href);
  url.search = current.search;
  url.hash = current.hash;
  return url;
}

/** Calls `edit` whenever a language link is about to be followed. Returns the function that stops listening. */
export function onLocaleLink(edit: (url: URL) => void): () => void {
  const listener = (e: Event): void => edit((e as CustomEvent<LocaleLinkDetail>).detail.url);
  document.addEventListener(LOCALE_LINK_EVENT, listener);
  return () => document.removeEventListener(LOCALE_LINK_EVENT, listener);
}
