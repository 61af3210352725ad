// Browser half of the deep-zoom viewer. Bundled once as an external, cacheable module shared by every
// artifact page; OpenSeadragon itself (~200 KB) is a separate chunk fetched only when a visitor opens the
// viewer. It reads nothing from the build but the IIIF info.json URL (or a linked service's description) in the markup.
import type OpenSeadragonNS from 'openseadragon';

type Viewer = OpenSeadragonNS.Viewer;
const viewers = new WeakMap<HTMLElement, Viewer>();

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const el = root.querySelector<T>(`[data-deep-zoom-${name}]`);
  if (!el) throw new Error(`deep zoom: missing [data-deep-zoom-${name}]`);
  return el;
}

async function open(root: HTMLElement): Promise<void> {
  const stage = part<HTMLElement>(root, 'stage');
  const opener = part<HTMLButtonElement>(root, 'open');
  stage.hidden = false;
  opener.setAttribute('aria-expanded', 'true');
  let viewer = viewers.get(root);
  if (!viewer) {
    root.setAttribute('aria-busy', 'true');
    const { default: OpenSeadragon } = await import('openseadragon');
    const linked = root.dataset.tileSource;
    viewer = OpenSeadragon({
      element: part<HTMLElement>(root, 'canvas'),
      // A linked service's description comes with the page: only its image tiles are requested from its host.
      tileSources: linked ? (JSON.parse(linked) as object) : root.dataset.info!,
      // Another host's tiles are drawn on a 2D canvas: WebGL takes a cross-origin image only when its server sends
      // CORS headers, which an institution's image server need not, and then draws nothing.
      ...(linked ? { drawer: 'canvas' as const } : {}),
      // No image buttons: OpenSeadragon's would be fetched from `prefixUrl`; our own HTML buttons are
      // labelled in the page's language and keyboard reachable, and nothing is requested off-site.
      showNavigationControl: false,
      showNavigator: false,
      keyboardNavEnabled: true,
      crossOriginPolicy: false,
      visibilityRatio: 0.8,
      minZoomImageRatio: 0.8,
      maxZoomPixelRatio: 2,
    });
    viewers.set(root, viewer);
    root.dataset.state = 'loading';
    viewer.addOnceHandler('open', () => {
      root.dataset.state = 'open';
      root.removeAttribute('aria-busy');
    });
    // Where the view rests (image coordinates of its centre, and the zoom): tools and tests read a move's result
    // from the page, as a visitor sees it, without reaching into OpenSeadragon.
    const v = viewer;
    v.addHandler('animation-finish', () => {
      const c = v.viewport.getCenter();
      root.dataset.view = `${c.x.toFixed(4)},${c.y.toFixed(4)},${v.viewport.getZoom().toFixed(3)}`;
    });
    viewer.addOnceHandler('open-failed', () => {
      root.dataset.state = 'failed';
      root.removeAttribute('aria-busy');
    });
  }
  // OpenSeadragon makes its canvas focusable and handles arrows, +/−, 0 on it.
  (viewer.canvas as HTMLElement).setAttribute('aria-label', root.dataset.viewerLabel ?? '');
  (viewer.canvas as HTMLElement).focus();
}

function close(root: HTMLElement): void {
  part<HTMLElement>(root, 'stage').hidden = true;
  const opener = part<HTMLButtonElement>(root, 'open');
  opener.setAttribute('aria-expanded', 'false');
  opener.focus();
}

/** Pan buttons, so moving the image never needs a drag: a quarter of the view each press. */
const PAN: Record<string, [number, number]> = { 'pan-left': [-1, 0], 'pan-right': [1, 0], 'pan-up': [0, -1], 'pan-down': [0, 1] };

function act(root: HTMLElement, action: string): void {
  const viewer = viewers.get(root);
  if (!viewer) return;
  const vp = viewer.viewport;
  if (action === 'zoom-in') vp.zoomBy(1.5).applyConstraints();
  else if (action === 'zoom-out') vp.zoomBy(1 / 1.5).applyConstraints();
  else if (action === 'reset') vp.goHome();
  else if (action === 'fullscreen') viewer.setFullScreen(!viewer.isFullPage());
  else if (action === 'close') close(root);
  else if (PAN[action]) {
    const [sx, sy] = PAN[action];
    const bounds = vp.getBounds();
    const centre = vp.getCenter();
    centre.x += bounds.width * 0.25 * sx;
    centre.y += bounds.height * 0.25 * sy;
    vp.panTo(centre).applyConstraints();
  }
}

/** Wires every viewer on the page; safe to call again after new markup arrives. */
export function initDeepZoom(scope: ParentNode = document): void {
  for (const root of scope.querySelectorAll<HTMLElement>('[data-deep-zoom]:not([data-deep-zoom-ready])')) {
    // The button is useless without this script, so the markup ships it hidden and the script reveals it.
    root.querySelector<HTMLElement>('[data-deep-zoom-open]')?.removeAttribute('hidden');
    root.dataset.deepZoomReady = '';
    root.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-deep-zoom-open], [data-action]');
      if (!target) return;
      if (target.hasAttribute('data-deep-zoom-open')) {
        if (part(root, 'stage').hidden) void open(root);
        else close(root);
      } else act(root, target.dataset.action!);
    });
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !part(root, 'stage').hidden) {
        const viewer = viewers.get(root);
        if (viewer?.isFullPage()) viewer.setFullScreen(false);
        else close(root);
      }
    });
  }
}
