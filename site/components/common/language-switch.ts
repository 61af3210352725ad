// The language switcher's links are plain links to the same page in the other locales, so they work without
// JavaScript. With it, each link is rewritten just before it is followed, copied or opened in a new tab, to carry
// the page's current state: its query and filters, `?t=` and `#target` (see locale-link.ts). Rewriting at that
// moment, rather than on every change, is what sees state kept by pushState/replaceState, which fire no event.
import { carriedHref, LOCALE_LINK_EVENT, type LocaleLinkDetail } from './locale-link.ts';

function carry(a: HTMLAnchorElement): void {
  a.dataset.plainHref ??= a.getAttribute('href') ?? '';
  const url = carriedHref(a.dataset.plainHref, location);
  document.dispatchEvent(new CustomEvent<LocaleLinkDetail>(LOCALE_LINK_EVENT, { detail: { url } }));
  a.href = url.pathname + url.search + url.hash;
}

for (const nav of document.querySelectorAll<HTMLElement>('.lang-switch:not([data-plain])')) {
  for (const type of ['mouseover', 'focusin', 'pointerdown', 'click', 'auxclick', 'contextmenu']) {
    nav.addEventListener(type, (e) => {
      const a = (e.target as Element | null)?.closest?.('a[hreflang]');
      if (a instanceof HTMLAnchorElement) carry(a);
    });
  }
  nav.dataset.carries = 'state';
}
