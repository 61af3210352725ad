// Walking the tour without leaving the page (Photo Sphere Viewer's virtual-tour plugin): a hotspot to another
// panorama of the tour (in the list or in the picture) and a stop of the visit plan move the viewer to that panorama,
// facing the way the hotspot says; the address follows (a history entry, so Back returns), and the article is the
// other panorama's page. The links stay real links: with a modifier key, without JavaScript, or when anything goes
// wrong, the browser just follows them.
import type { VirtualTourPlugin } from '@photo-sphere-viewer/virtual-tour-plugin';
import type { TourNode, ViewerData } from '../../lib/panoramas.ts';
import type { PanoramaView } from '../../../model/panorama.ts';
import { pageAt, swapArticle } from './page-swap.ts';
import { panoramaHash, panoramaLook } from '../../../formats/urls.ts';

export type TourLink = TourNode['links'][number];

interface Hooks {
  /** The view the next node opens on when no link gives one (Back and Forward: the address's `#view=`). */
  setPendingView: (view: PanoramaView | undefined) => void;
  /** Readies the node about to be shown in the variant it should open in (`wanted`, else the visitor's, else its
   * first), and names it. */
  variantFor: (to: TourNode, wanted?: string) => string;
  /** The article now shows `data`'s panorama, in `variant`. */
  moved: (data: ViewerData, variant: string) => void;
}

export function walkTour(root: HTMLElement, tour: VirtualTourPlugin, all: TourNode[], hooks: Hooks): void {
  const node = (): TourNode => tour.getCurrentNode().data as TourNode;
  /** The address to show once the move is done, when it is not the node's plain page. */
  let pendingHref: string | undefined;
  let fromHistory = false;
  /** The variant the node being moved to opens in. */
  let arriving = '';

  const go = (to: TourNode, href: string, link?: TourLink) => {
    root.dataset.state = 'moving';
    arriving = hooks.variantFor(to);
    // The address names the variant when it is not the one the page opens in anyway.
    pendingHref = arriving === to.variants[0]?.id ? href : withVariant(href, arriving);
    void pageAt(to.href);
    const fromLink = link && tour.getCurrentNode().links?.find((l) => (l.data as TourLink).hotspot === link.hotspot);
    tour.setCurrentNode(to.id, undefined, fromLink).catch(() => location.assign(href));
  };

  root.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-hotspot], a[data-plan-stop]');
    if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || root.dataset.state !== 'ready') return;
    const here = node();
    if (a.dataset.hotspot) {
      const link = here.links.find((l) => l.hotspot === a.dataset.hotspot);
      const to = link && all.find((n) => n.id === link.to);
      if (!link || !to) return;
      e.preventDefault();
      go(to, link.href, link);
    } else {
      const to = all.find((n) => n.id === a.dataset.planStop);
      if (!to) return;
      e.preventDefault();
      if (to.id !== here.id) go(to, to.href);
    }
  });

  tour.addEventListener('node-changed', ({ node: changed, data: { fromNode, fromLink } }) => {
    if (!fromNode) return;
    const to = changed.data as TourNode;
    const href = pendingHref ?? (fromLink?.data as TourLink | undefined)?.href ?? to.href;
    pendingHref = undefined;
    if (!fromHistory) history.pushState({ panorama: to.id }, '', href);
    fromHistory = false;
    pageAt(to.href)
      .then((doc) => {
        const focused = document.activeElement;
        const data = swapArticle(root, doc);
        root.dataset.node = to.id;
        hooks.moved(data, arriving);
        root.dataset.state = 'ready';
        // Focus was on what the move replaced (a hotspot, a plan stop): it goes to the new panorama's title.
        if (!focused || focused === document.body || !focused.isConnected) {
          const h1 = root.querySelector<HTMLElement>('h1');
          if (h1) {
            h1.tabIndex = -1;
            h1.focus({ preventScroll: true });
          }
        }
      })
      .catch(() => location.reload());
  });

  // Back and Forward between panoramas moved in place.
  addEventListener('popstate', () => {
    const to = all.find((n) => n.href === location.pathname);
    if (!to) return location.reload();
    if (to.id === node().id) return;
    fromHistory = true;
    const look = panoramaLook(location.hash);
    hooks.setPendingView(look.view);
    arriving = hooks.variantFor(to, look.variant);
    root.dataset.state = 'moving';
    void pageAt(to.href);
    tour.setCurrentNode(to.id).catch(() => location.reload());
  });
}

/** `href` (a panorama address) asking for `variant`, its view kept. */
function withVariant(href: string, variant: string): string {
  const [path, hash = ''] = href.split('#');
  return `${path}${panoramaHash({ ...panoramaLook(hash), variant })}`;
}
