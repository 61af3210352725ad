// A page's address as a visitor cites and shares it. A build that was not given the public origin
// (HERITAGE_SITE_URL) publishes these as site paths, and the browser, which knows where the page is served
// from, makes them whole: a citation naming http://localhost:4321 on a deployed site would be wrong.

/** `href` (absolute, or a path on this site) as an absolute address. */
export const absoluteAddress = (href: string): string => new URL(href, location.href).href;

/** An address as a person reads it: percent-escapes of non-ASCII characters decoded (a malformed one left as is). */
export function safeDecode(href: string): string {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** Writes the whole address into every `[data-page-address]` element published as a path. */
export function fillPageAddresses(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-page-address]')) {
    const href = el.dataset.pageAddress ?? '';
    if (href.startsWith('/')) el.textContent = safeDecode(absoluteAddress(href));
  }
}
