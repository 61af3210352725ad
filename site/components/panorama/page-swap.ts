// Moving to another panorama of the tour in place: the viewer stays (its canvas, its focus, the controls around it)
// and the rest of the article is taken from the other panorama's own page, fetched from the site. The page stays
// the one home of the markup (titles, hotspot list, text alternative, visit plan, credit), so what the visitor reads
// after a move is exactly what the page would show on a fresh load; the head and the language links follow too.
import type { ViewerData } from '../../lib/panoramas.ts';

/** The parts of the article that are the same on every panorama page and hold the viewer's live state. */
const KEEP = ['[data-pano-viewer]', '[data-pano-keys]', '[data-pano-moves]', '[data-pano-spoken]', '.pano-gyro', '[data-read-aloud]'];

const pages = new Map<string, Promise<Document>>();

/** The page at `href` (path only), fetched once; a failed fetch is forgotten so a later move may retry. */
export function pageAt(href: string): Promise<Document> {
  const path = href.split('#')[0]!;
  let page = pages.get(path);
  if (!page) {
    page = fetch(path, { credentials: 'same-origin' })
      .then((r) => {
        if (!r.ok) throw new Error(`${path}: ${r.status}`);
        return r.text();
      })
      .then((html) => new DOMParser().parseFromString(html, 'text/html'));
    page.catch(() => pages.delete(path));
    pages.set(path, page);
  }
  return page;
}

/** The viewer data of a panorama page. */
function pageData(article: Element): ViewerData {
  const json = article.querySelector(':scope > script[type="application/json"]')?.textContent;
  if (!json) throw new Error('the panorama page has no viewer data');
  return JSON.parse(json) as ViewerData;
}

/** Replaces the article's changing parts and the page's head and language links with those of `doc`; returns the
 * new panorama's viewer data. Kept parts are never detached, so the viewer keeps its canvas and focus. */
export function swapArticle(root: HTMLElement, doc: Document): ViewerData {
  const next = doc.querySelector('[data-pano]');
  if (!next) throw new Error('not a panorama page');
  const data = pageData(next);
  const placed = new Set<Element>();
  let anchor: Element | undefined;
  for (const child of next.children) {
    const keep = KEEP.find((s) => child.matches(s));
    const el = keep ? root.querySelector(`:scope > ${keep}`) : document.importNode(child, true);
    if (!el) continue;
    if (!keep) {
      if (anchor) anchor.after(el);
      else root.prepend(el);
    }
    placed.add(el);
    anchor = el;
  }
  for (const child of [...root.children]) if (!placed.has(child)) child.remove();

  document.title = doc.title;
  for (const sel of ['meta[name="description"]', 'link[rel="canonical"]']) {
    const [now, then] = [document.head.querySelector(sel), doc.head.querySelector(sel)];
    if (now && then) for (const a of then.attributes) now.setAttribute(a.name, a.value);
  }
  const alternates = [...doc.head.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => document.importNode(l, true));
  const old = [...document.head.querySelectorAll('link[rel="alternate"][hreflang]')];
  if (old.length) {
    old[0]!.before(...alternates);
    for (const l of old) l.remove();
  }
  // The language switcher's links: its script carries the page state from `data-plain-href`, set on first use.
  const [links, nextLinks] = [document.querySelector('.lang-switch ul'), doc.querySelector('.lang-switch ul')];
  if (links && nextLinks) links.replaceWith(document.importNode(nextLinks, true));
  return data;
}
