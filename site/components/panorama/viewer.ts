// Photo Sphere Viewer over the tiles of the panorama stage, made usable by everyone: the page's list of hotspots is
// the keyboard path (real links and buttons in reading order; focusing one turns the view to it, Enter follows it),
// the markers in the picture are the same hotspots for the pointer, arrow keys turn and +/− zoom whenever the
// viewer has focus (Photo Sphere Viewer's own keyboard handling listens on the whole window, or only in fullscreen,
// so the keys are handled here on the viewer element), and a variant switch keeps the direction you look in.
// The root carries the state for tests and assistive technology: data-state, data-yaw/-pitch/-zoom, data-variant.
import { type Position, Viewer } from '@photo-sphere-viewer/core';
import { EquirectangularTilesAdapter } from '@photo-sphere-viewer/equirectangular-tiles-adapter';
import { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import { type VirtualTourLink, type VirtualTourNode, VirtualTourPlugin, type VirtualTourTransitionOptions } from '@photo-sphere-viewer/virtual-tour-plugin';
import type { TourNode, ViewerData } from '../../lib/panoramas.ts';
import type { PanoramaView } from '../../../model/panorama.ts';
import { reducedMotion } from '../comfort/motion.ts';
import { gyroscope } from './gyroscope.ts';
import { speakView } from './spoken-view.ts';
import { type TourLink, walkTour } from './tour.ts';
import { onLocaleLink } from '../common/locale-link.ts';
import { panoramaHash, panoramaLook, type PanoramaLook } from '../../../formats/urls.ts';

const RAD = Math.PI / 180;
const deg = (rad: number): number => Math.round((rad / RAD) * 10) / 10;
/** Yaw from -180 to 180, as the content gives it. */
const signedDeg = (rad: number): number => {
  const d = deg(rad) % 360;
  return d > 180 ? d - 360 : d;
};
/** Key → degrees of yaw, degrees of pitch, zoom levels. */
const KEYS: Record<string, [number, number, number]> = {
  ArrowLeft: [-10, 0, 0],
  ArrowRight: [10, 0, 0],
  ArrowUp: [0, 10, 0],
  ArrowDown: [0, -10, 0],
  '+': [0, 0, 10],
  '=': [0, 0, 10],
  '-': [0, 0, -10],
  '−': [0, 0, -10],
};
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Tiles = ViewerData['variants'][number]['tiles'];
const panoramaOf = (t: Tiles) => ({
  baseUrl: t.preview.url,
  levels: t.levels,
  tileUrl: (col: number, row: number, level: number) => `${t.tiles}/${level}/${col}_${row}.jpg`,
});
const at = (v: { yaw: number; pitch: number }): Position => ({ yaw: v.yaw * RAD, pitch: v.pitch * RAD });

/** The hotspots in the picture, for the pointer: the marker's element is the ring's target when its entry has focus;
 * keyboard and screen readers use the list, so each hotspot is announced once. */
const markElement = (id: string): string => `<span class="pano-marker-dot" data-pano-mark="${escapeHtml(id)}" aria-hidden="true"></span>`;

/** The tour's nodes for the virtual-tour plugin: a panorama not in the tour (its first variant untiled, or one shown
 * inside another page) stands alone. This panorama's node shows `shown`, the variant it opens in. */
function nodesOf(data: ViewerData, shown: Tiles): VirtualTourNode[] {
  const self: TourNode = {
    id: data.id,
    title: data.title,
    href: location.pathname,
    initialView: data.initialView,
    tiles: data.variants[0]!.tiles,
    variants: data.variants.map(({ id, tiles }) => ({ id, tiles })),
    links: [],
    markers: data.hotspots,
  };
  const tour = data.tour.some((n) => n.id === data.id) ? data.tour : [...data.tour, self];
  return tour.map((n) => ({
    id: n.id,
    panorama: panoramaOf(n.id === data.id ? shown : n.tiles),
    name: escapeHtml(n.title),
    links: n.links.map((l) => ({ nodeId: l.to, position: at(l), data: l })),
    markers: n.markers.map((h) => ({
      id: h.id,
      position: at(h),
      html: markElement(h.id),
      size: { width: 28, height: 28 },
      // The tooltip is HTML: the label goes in as text.
      tooltip: { content: escapeHtml(h.label), trigger: 'hover' as const },
    })),
    data: n,
  }));
}

export interface MountOptions {
  /** What to show first: the address's `#view=…&variant=…` on a panorama page, a step's view in an exhibition. */
  start?: PanoramaLook;
  /** Shown inside another page (an exhibition step): no moves to other panoramas, no history, no motion button, and
   * the address is not the panorama's. */
  embedded?: boolean;
}

/** The viewer running in `root`, and how to release it with everything it listens to. */
export interface MountedPanorama {
  viewer: Viewer;
  destroy: () => void;
}

export function mountPanorama(root: HTMLElement, first: ViewerData, options: MountOptions = {}): MountedPanorama | undefined {
  const container = root.querySelector<HTMLElement>('[data-pano-viewer]');
  if (!container || !first.variants[0]) return undefined;
  let data = first;
  const off = new AbortController();
  const signal = off.signal;
  container.hidden = false;
  // Where the next node opens: the link's arrival view, else this, else the node's own initial view.
  let pendingView: PanoramaView | undefined = options.start?.view ?? data.initialView;
  const view = pendingView;
  // The variant asked for when this panorama has it (a season, a phase), else its first.
  const shown = data.variants.find((v) => v.id === options.start?.variant) ?? data.variants[0]!;
  const nodes = nodesOf(data, shown.tiles);
  const viewer = new Viewer({
    container,
    adapter: EquirectangularTilesAdapter.withConfig({ showErrorTile: false, baseBlur: false }),
    defaultYaw: view.yaw * RAD,
    defaultPitch: view.pitch * RAD,
    defaultZoomLvl: view.zoom,
    navbar: false,
    keyboard: false,
    loadingTxt: root.dataset.loading ?? '',
    mousewheelCtrlKey: true,
    plugins: [
      GyroscopePlugin,
      MarkersPlugin,
      VirtualTourPlugin.withConfig({
        renderMode: '2d',
        nodes,
        startNodeId: data.id,
        // Link arrows are drawn like the other hotspots; they are for the pointer, the list is the keyboard path.
        arrowStyle: {
          element: (link: VirtualTourLink) => {
            const span = document.createElement('span');
            span.innerHTML = markElement((link.data as TourLink).hotspot);
            return span.firstElementChild as HTMLElement;
          },
          size: { width: 28, height: 28 },
        },
        getLinkTooltip: (_content: string, link: VirtualTourLink) => escapeHtml((link.data as TourLink).label),
        transitionOptions: (to: VirtualTourNode, from?: VirtualTourNode, link?: VirtualTourLink): VirtualTourTransitionOptions => {
          const v = (link?.data as TourLink | undefined)?.view ?? pendingView ?? (to.data as TourNode).initialView;
          pendingView = undefined;
          const still = !from || reducedMotion();
          return { rotateTo: at(v), zoomTo: v.zoom, effect: still ? 'none' : 'fade', rotation: !still, speed: 800, showLoader: !from };
        },
      }),
    ],
  });
  const markers = viewer.getPlugin<MarkersPlugin>(MarkersPlugin);
  const tour = viewer.getPlugin<VirtualTourPlugin>(VirtualTourPlugin);
  // The markers' drawing layer is an <svg> that screen readers list as an unnamed image inside the viewer; the
  // viewer's own name says what it shows, and the hotspot list below is the way through its points.
  container.querySelector('.psv-markers-svg-container')?.setAttribute('aria-hidden', 'true');

  const state = () => {
    const p = viewer.getPosition();
    root.dataset.yaw = String(signedDeg(p.yaw));
    root.dataset.pitch = String(signedDeg(p.pitch));
    root.dataset.zoom = String(Math.round(viewer.getZoomLevel()));
  };
  viewer.addEventListener('position-updated', state);
  const spoken = root.querySelector<HTMLElement>('[data-pano-spoken]');
  if (spoken) speakView(viewer, () => data, spoken);
  viewer.addEventListener('zoom-updated', state);
  let variant = shown.id;
  /** Shows `variant` as the chosen one: the root's state, the viewer's label, the page's switch. */
  const showVariant = () => {
    const v = data.variants.find((x) => x.id === variant) ?? data.variants[0]!;
    root.dataset.variant = v.id;
    container.setAttribute('aria-label', `${data.label} — ${v.alt}`);
    const radio = root.querySelector<HTMLInputElement>(`input[name="pano-variant"][value="${CSS.escape(v.id)}"]`);
    if (radio) radio.checked = true;
  };
  showVariant();
  root.dataset.node = data.id;
  viewer.addEventListener(
    'ready',
    () => {
      state();
      root.dataset.state = 'ready';
      // For the benchmark (npm run bench -- panorama): the first frame drawn with the panorama in it.
      viewer.addEventListener('render', () => performance.mark('panorama-first-frame'), { once: true });
      viewer.needsUpdate();
    },
    { once: true },
  );

  // Arrow keys and +/−, on the viewer only, so the page still scrolls with them elsewhere.
  container.tabIndex = 0;
  const moveBy = ([yaw, pitch, zoom]: [number, number, number]) => {
    if (zoom) viewer.zoom(viewer.getZoomLevel() + zoom);
    else {
      const p = viewer.getPosition();
      viewer.rotate({ yaw: p.yaw + yaw * RAD, pitch: Math.max(-89, Math.min(89, deg(p.pitch) + pitch)) * RAD });
    }
  };
  container.addEventListener(
    'keydown',
    (e) => {
      const move = KEYS[e.key];
      if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      moveBy(move);
    },
    { signal },
  );
  // The same moves as buttons, for those who cannot drag or use keys.
  const moves = root.querySelector<HTMLElement>('[data-pano-moves]');
  moves?.addEventListener(
    'click',
    (e) => {
      const move = KEYS[(e.target as Element).closest<HTMLElement>('[data-pano-move]')?.dataset.panoMove ?? ''];
      if (move) moveBy(move);
    },
    { signal },
  );

  // The list (listened to on the article, whose hotspot list changes with each move): focusing a hotspot turns the
  // view to it and rings its mark (a class, not Photo Sphere Viewer's tooltip: showing and hiding tooltips as fast
  // as Tab moves made it remove a tooltip element twice); a mark clicked in the picture does what its entry does.
  const entry = (id: string) => root.querySelector<HTMLElement>(`[data-hotspot="${CSS.escape(id)}"]`);
  const hotspotOf = (e: Event) => {
    const id = (e.target as Element).closest<HTMLElement>('[data-hotspot]')?.dataset.hotspot;
    return data.hotspots.find((h) => h.id === id);
  };
  const ring = (id: string, on: boolean) => container.querySelector(`[data-pano-mark="${CSS.escape(id)}"]`)?.classList.toggle('pano-marker-focused', on);
  root.addEventListener(
    'focusin',
    (e) => {
      const h = hotspotOf(e);
      if (!h || root.dataset.state === 'moving') return;
      ring(h.id, true);
      if (reducedMotion()) viewer.rotate(at(h));
      else void viewer.animate({ ...at(h), speed: 500 });
    },
    { signal },
  );
  root.addEventListener(
    'focusout',
    (e) => {
      const h = hotspotOf(e);
      if (h) ring(h.id, false);
    },
    { signal },
  );
  markers.addEventListener('select-marker', ({ marker }) => {
    const el = entry(marker.id);
    if (!el) return;
    if (el instanceof HTMLElement && el.tagName === 'SUMMARY') {
      const details = el.parentElement as HTMLDetailsElement;
      details.open = true;
      el.focus();
    } else el.click();
  });

  // What is shown, for the address in another language: the same direction in the same variant.
  const look = (): PanoramaLook => ({
    view: { yaw: Number(root.dataset.yaw), pitch: Number(root.dataset.pitch), zoom: Number(root.dataset.zoom) },
    variant,
  });
  // The variant switch: the same direction and zoom in the other image.
  root.addEventListener(
    'change',
    (e) => {
      const input = e.target as HTMLInputElement;
      if (input.name !== 'pano-variant') return;
      const next = data.variants.find((v) => v.id === input.value);
      if (!next || next.id === variant) return;
      variant = next.id;
      showVariant();
      root.dataset.variant = `${next.id}:loading`;
      // The address keeps the direction it named (the arrival's), and now names the variant.
      if (!options.embedded) history.replaceState(history.state, '', panoramaHash({ ...panoramaLook(location.hash), variant }));
      void viewer
        .setPanorama(panoramaOf(next.tiles), { position: viewer.getPosition(), zoom: viewer.getZoomLevel(), transition: false, showLoader: false })
        .then(() => {
          state();
          if (variant === next.id) root.dataset.variant = next.id;
        });
    },
    { signal },
  );

  if (!options.embedded) {
    walkTour(
      root,
      tour,
      nodes.map((n) => n.data as TourNode),
      {
        setPendingView: (v) => (pendingView = v),
        // The same variant in the next panorama when it has one of that id (the same season or phase), else its first.
        variantFor: (to, wanted) => {
          const v = to.variants.find((x) => x.id === wanted) ?? to.variants.find((x) => x.id === variant) ?? to.variants[0]!;
          tour.updateNode({ id: to.id, panorama: panoramaOf(v.tiles) });
          return v.id;
        },
        moved: (next, shownVariant) => {
          data = next;
          variant = shownVariant;
          showVariant();
          reveal(root);
          state();
        },
      },
    );
    const stopCarrying = onLocaleLink((url) => {
      if (root.dataset.state === 'ready') url.hash = panoramaHash(look());
    });
    signal.addEventListener('abort', stopCarrying);
    gyroscope(root, viewer.getPlugin<GyroscopePlugin>(GyroscopePlugin));
  }
  reveal(root);
  return {
    viewer,
    destroy: () => {
      off.abort();
      viewer.destroy();
      container.hidden = true;
      delete root.dataset.state;
    },
  };
}

/** The controls that only work with the viewer, hidden in the page until it runs. */
function reveal(root: HTMLElement): void {
  for (const sel of ['[data-pano-variants]', '[data-pano-keys]', '[data-pano-moves]']) root.querySelector<HTMLElement>(sel)?.removeAttribute('hidden');
}
