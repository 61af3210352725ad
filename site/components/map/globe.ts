// The globe, fully offline: CesiumJS's prebuilt runtime from our origin (/cesium/, published by the cesium
// stage), the Natural Earth II imagery bundled with it, no Ion token and no Ion asset, no geocoder, no base-layer
// picker (each of those calls the network). Sky atmosphere off: about 6× cheaper per frame in software WebGL.
// Labels use the page's text face (on zh pages the installed CJK faces), loaded before the labels are drawn.
import type * as CesiumNS from 'cesium';
import type { GlobePayload } from './globe-data.ts';
import { hasWebGL } from '../common/webgl.ts';
import { type LabelBox, type LabelOption, type LabelSpot, placeLabels } from '../common/label-layout.ts';
import { localizeControls, wireFullscreen, wireMoves } from './globe-controls.ts';
import { paceFrames } from './globe-pacing.ts';

export type CesiumModule = typeof CesiumNS;
declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
    Cesium?: CesiumModule;
  }
}

const BASE = '/cesium/';

function loadCesium(): Promise<CesiumModule> {
  window.CESIUM_BASE_URL = BASE;
  if (window.Cesium) return Promise.resolve(window.Cesium);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = `${BASE}Cesium.js`;
    s.onload = () => (window.Cesium ? resolve(window.Cesium) : reject(new Error('Cesium.js did not define Cesium')));
    s.onerror = () => reject(new Error('could not load /cesium/Cesium.js'));
    document.head.append(s);
  });
}

/** Points along the great circle from a to b, lifted into an arc (peak height grows with distance). */
function arc(C: CesiumModule, a: { lat: number; lon: number }, b: { lat: number; lon: number }, steps = 64): CesiumNS.Cartesian3[] {
  const g = new C.EllipsoidGeodesic(C.Cartographic.fromDegrees(a.lon, a.lat), C.Cartographic.fromDegrees(b.lon, b.lat));
  const peak = Math.min(1_500_000, g.surfaceDistance * 0.15);
  const out: CesiumNS.Cartesian3[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const p = g.interpolateUsingFraction(t);
    out.push(C.Cartesian3.fromRadians(p.longitude, p.latitude, Math.sin(Math.PI * t) * peak));
  }
  return out;
}

const LABEL_X = 10;
const LABEL_Y = -4;
const LABEL_SCALE = 0.85;
/** Half the drawn size of a place's point, outline included. */
const POINT_SIZE = 9;
const POINT_R = POINT_SIZE / 2 + 1.5;
/** A place of a name next to its point: its box, and how Cesium is told to draw it there (side, offsets from the
 * name's place right of the point). */
type Option = LabelOption & { dx: number; dy: number; flip: boolean };
/** Space between a point and a name above or below it (more than the layout's gap between boxes, or the name would
 * count as covering its own point), and what that place costs against moving a name beside its point (px): a name
 * beside its point reads as its name first. */
const GAP_Y = 4;
const ABOVE_COST = 12;
/** How far (px) a name's box may end above or below its point's centre. */
const REACH = 6;

/** A name's box on screen, as the page reports it for tests and tools: shown or not, and where. */
function labelState(spot: LabelSpot, at: { option: number; dy: number } | undefined): { box: number[] } | 'hidden' | 'far side' {
  if (spot.skip) return 'far side';
  if (!at) return 'hidden';
  const b = spot.options[at.option]!;
  return { box: [b.left, b.top + at.dy, b.right, b.bottom + at.dy].map(Math.round) };
}

/** Keeps the place names from covering each other (Cesium draws each label alone: Beijing over Yingxian, London
 * over Paris): after each frame, names on the visible side are placed beside their points (../common/label-layout.ts)
 * from their sizes measured in the labels' own font: right of the point, or left of it, moved up or down only as far
 * as keeps the name on its point's row. A name with no such place is not drawn (a 390 px globe has no room for ten
 * names around Beijing and western Europe; stacking them put names 150 px from their points); zooming in makes room,
 * and the page lists every place as text. A name wider than the view, on neither side, is moved left until it ends
 * inside the view. A change asks for one more frame; an unchanged layout none. */
function declutter(C: CesiumModule, el: HTMLElement, viewer: CesiumNS.Viewer, payload: GlobePayload): void {
  const scene = viewer.scene;
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return;
  ctx.font = payload.font;
  // Cesium's label background pads the text by 7 × 5 px; all of it is scaled with the label.
  const size = new Map<string, { w: number; h: number }>();
  let sizedFor = -1;
  // A name wider than the view is broken into lines at spaces (Cesium draws a "\n" as a new line): a phone-sized
  // globe cannot show "Institut des manuscrits orientaux …, Saint-Pétersbourg" on one line.
  const wrapNames = (width: number): void => {
    sizedFor = width;
    const room = (width - 8) / LABEL_SCALE - 14;
    for (const p of payload.places) {
      const lines: string[] = [];
      for (const word of p.name.split(' ')) {
        const last = lines.at(-1);
        if (last !== undefined && ctx.measureText(`${last} ${word}`).width <= room) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      const text = lines.join('\n');
      const label = viewer.entities.getById(`place-${p.id}`)?.label;
      if (label && label.text?.getValue(C.JulianDate.now()) !== text) label.text = new C.ConstantProperty(text);
      const w = Math.max(...lines.map((l) => ctx.measureText(l).width));
      size.set(p.id, { w: (w + 14) * LABEL_SCALE, h: (22 * lines.length + 10) * LABEL_SCALE });
    }
  };
  const positions = new Map(payload.places.map((p) => [p.id, C.Cartesian3.fromDegrees(p.lon, p.lat)]));
  // Side, horizontal and vertical offset of each name as last set, to set only what changed.
  const sides = new Map<string, string>();
  // Names placed first keep their spot: the sites most routes lead from or to, then the order of places.yaml.
  const degree = (id: string) => payload.routes.filter((r) => r.from === id || r.to === id).length;
  const priority = payload.places.map((_, i) => i).sort((a, b) => degree(payload.places[b]!.id) - degree(payload.places[a]!.id) || a - b);
  scene.postRender.addEventListener(() => {
    const edge = scene.canvas.clientWidth - 4;
    if (scene.canvas.clientWidth !== sizedFor) {
      wrapNames(scene.canvas.clientWidth);
      scene.requestRender();
    }
    const eye = scene.camera.positionWC;
    // A point on the ground faces the camera when the camera is above its horizon plane (the sphere is close
    // enough here): names on the far side take no room.
    const facing = (at: CesiumNS.Cartesian3) => C.Cartesian3.dot(at, C.Cartesian3.subtract(eye, at, new C.Cartesian3())) > 0;
    // The points themselves stay clear too: a name moved onto a neighbour's point hid it.
    const points: LabelBox[] = [];
    const spots: (LabelSpot & { options: Option[] })[] = payload.places.map((p) => {
      const at = positions.get(p.id)!;
      const w = facing(at) ? C.SceneTransforms.worldToWindowCoordinates(scene, at) : undefined;
      const { w: width, h } = size.get(p.id)!;
      if (!w) return { options: [], skip: true };
      points.push({ left: w.x - POINT_R, right: w.x + POINT_R, top: w.y - POINT_R, bottom: w.y + POINT_R });
      const top = w.y + LABEL_Y - h / 2;
      // Beside the point, a name may move up or down as long as its box comes within REACH px of the point's row.
      const row: [number, number] = [w.y - REACH - (top + h), w.y + REACH - top];
      const box = (left: number, flip: boolean): Option => ({
        left,
        right: left + width,
        top,
        bottom: top + h,
        range: row,
        flip,
        dx: flip ? -LABEL_X : Math.round(left - w.x),
        dy: 0,
      });
      const options: Option[] = [];
      if (w.x + LABEL_X + width <= edge) options.push(box(w.x + LABEL_X, false));
      if (w.x - LABEL_X - width >= 0) options.push(box(w.x - LABEL_X - width, true));
      // Neither side fits: the name keeps its left origin, shifted so that it ends at the edge (never past the left).
      if (!options.length) options.push(box(Math.max(4, edge - width), false));
      // Just above or below the point, centred on it as far as the view allows: where both sides are taken.
      const left = Math.min(Math.max(4, w.x - width / 2), edge - width);
      for (const below of [false, true]) {
        const at = below ? w.y + POINT_R + GAP_Y : w.y - POINT_R - GAP_Y - h;
        options.push({
          left,
          right: left + width,
          top: at,
          bottom: at + h,
          range: [0, 0],
          cost: ABOVE_COST,
          flip: false,
          dx: Math.round(left - w.x),
          dy: at - top,
        });
      }
      return { options };
    });
    const placed = placeLabels(spots, priority, points);
    let changed = false;
    payload.places.forEach((p, i) => {
      const spot = spots[i]!;
      const at = placed[i];
      const option = at && spot.options[at.option]!;
      const flip = option?.flip ?? false;
      const dx = option?.dx ?? LABEL_X;
      const dy = at ? Math.round(at.dy + option!.dy) : 0;
      const side = spot.skip ? 'far' : at ? `${flip ? 'left' : dx},${dy}` : 'none';
      if ((sides.get(p.id) ?? `${LABEL_X},0`) === side) return;
      sides.set(p.id, side);
      const label = viewer.entities.getById(`place-${p.id}`)?.label;
      if (label) {
        label.show = new C.ConstantProperty(side !== 'none');
        label.pixelOffset = new C.ConstantProperty(new C.Cartesian2(dx, LABEL_Y + dy));
        label.horizontalOrigin = new C.ConstantProperty(flip ? C.HorizontalOrigin.RIGHT : C.HorizontalOrigin.LEFT);
      }
      changed = true;
    });
    if (changed || !el.dataset.labels)
      el.dataset.labels = JSON.stringify(Object.fromEntries(payload.places.map((p, i) => [p.id, labelState(spots[i]!, placed[i])])));
    if (changed) scene.requestRender();
  });
}

/** The still image in place of the globe where WebGL is missing (the page's <noscript> has it for no JavaScript). */
function showStill(el: HTMLElement, still: GlobePayload['still']): void {
  if (!still || el.querySelector('img.globe-still')) return;
  const img = document.createElement('img');
  Object.assign(img, { className: 'globe-still', src: still.url, width: still.width, height: still.height, alt: still.alt });
  el.prepend(img);
}

/** Opens the globe in `el`; settles with the function that releases it (see `release`). */
export async function mountGlobe(el: HTMLElement, payload: GlobePayload): Promise<() => void> {
  const status = el.querySelector<HTMLElement>('[data-globe-status]');
  if (!hasWebGL()) {
    if (status) status.textContent = el.dataset.noWebgl ?? '';
    showStill(el, payload.still);
    el.dataset.state = 'no-webgl';
    return () => undefined;
  }
  const C = await loadCesium();
  C.Ion.defaultAccessToken = '';
  const family = payload.font.replace(/^\d+px\s*/, '');
  await document.fonts.load(`16px ${family}`, payload.places.map((p) => p.name).join('') + payload.routes.map((r) => r.label).join(''));

  const host = document.createElement('div');
  host.className = 'globe-canvas';
  el.prepend(host);
  const viewer = new C.Viewer(host, {
    baseLayer: C.ImageryLayer.fromProviderAsync(C.TileMapServiceImageryProvider.fromUrl(C.buildModuleUrl('Assets/Textures/NaturalEarthII'))),
    baseLayerPicker: false,
    geocoder: false,
    timeline: false,
    animation: false,
    homeButton: true,
    sceneModePicker: false,
    navigationHelpButton: false,
    infoBox: false,
    selectionIndicator: false,
    fullscreenButton: false,
    requestRenderMode: true,
    maximumRenderTimeChange: Number.POSITIVE_INFINITY,
  });
  const scene = viewer.scene;
  paceFrames(viewer);
  localizeControls(viewer, payload.strings);
  const controls = new MutationObserver(() => localizeControls(viewer, payload.strings));
  controls.observe(viewer.container, { childList: true, subtree: true });
  const wiring = new AbortController();
  wireFullscreen(el, payload.strings, wiring.signal);
  wireMoves(C, el, viewer, wiring.signal);
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
  scene.globe.showGroundAtmosphere = false;
  scene.fog.enabled = false;

  const byId = new Map(payload.places.map((p) => [p.id, p]));
  for (const p of payload.places) {
    viewer.entities.add({
      id: `place-${p.id}`,
      name: p.name,
      position: C.Cartesian3.fromDegrees(p.lon, p.lat),
      point: { pixelSize: POINT_SIZE, color: C.Color.fromCssColorString('#e69f00'), outlineColor: C.Color.BLACK, outlineWidth: 1.5 },
      label: {
        text: p.name,
        font: payload.font,
        fillColor: C.Color.WHITE,
        showBackground: true,
        backgroundColor: C.Color.fromCssColorString('rgba(20,18,15,0.78)'),
        horizontalOrigin: C.HorizontalOrigin.LEFT,
        verticalOrigin: C.VerticalOrigin.CENTER,
        pixelOffset: new C.Cartesian2(LABEL_X, LABEL_Y),
        scale: LABEL_SCALE,
        distanceDisplayCondition: new C.DistanceDisplayCondition(0, 2.2e7),
      },
      properties: { url: p.url ?? '' },
    });
  }
  for (const r of payload.routes) {
    const a = byId.get(r.from),
      b = byId.get(r.to);
    if (!a || !b) continue;
    viewer.entities.add({
      id: `route-${r.id}`,
      name: r.label,
      polyline: { positions: arc(C, a, b), width: 2.5, arcType: C.ArcType.NONE, material: C.Color.fromCssColorString('#d55e00').withAlpha(0.9) },
      properties: { url: b.url ?? '' },
    });
  }

  // Picking a site (or a route, which leads to its destination) opens its page.
  const handler = new C.ScreenSpaceEventHandler(scene.canvas);
  handler.setInputAction((click: { position: CesiumNS.Cartesian2 }) => {
    // Routes start at their site's marker: a marker under the pointer wins over an arc.
    const hits = scene.drillPick(click.position, 8) as { id?: CesiumNS.Entity }[];
    const picked = hits.find((h) => h.id?.id.startsWith('place-')) ?? hits[0];
    const url = picked?.id?.properties?.url?.getValue(C.JulianDate.now()) as string | undefined;
    if (url) location.assign(url);
  }, C.ScreenSpaceEventType.LEFT_CLICK);

  declutter(C, el, viewer, payload);

  // Start over the Eurasian span of the routes.
  viewer.camera.setView({ destination: C.Cartesian3.fromDegrees(62, 42, 1.5e7) });
  const home = C.Rectangle.fromDegrees(-30, 5, 150, 65);
  C.Camera.DEFAULT_VIEW_RECTANGLE = home;
  C.Camera.DEFAULT_VIEW_FACTOR = 0.2;

  if (status) status.textContent = '';
  // Tests and the bench wait for this: the imagery on screen is complete.
  const onRender = () => {
    if (!scene.globe.tilesLoaded) {
      scene.requestRender();
      return;
    }
    // Where each place's marker is on screen right now (CSS pixels in the globe's box): lets tests and tools
    // click a site the way a visitor would, without reaching into Cesium.
    const onScreen: Record<string, [number, number]> = {};
    for (const p of payload.places) {
      const w = C.SceneTransforms.worldToWindowCoordinates(scene, C.Cartesian3.fromDegrees(p.lon, p.lat));
      if (w) onScreen[p.id] = [Math.round(w.x), Math.round(w.y)];
    }
    el.dataset.markers = JSON.stringify(onScreen);
    el.dataset.state = 'ready';
    scene.postRender.removeEventListener(onRender);
  };
  scene.postRender.addEventListener(onRender);
  scene.requestRender();
  // Releases the globe: Cesium's loop, listeners and DOM, and its WebGL context.
  return () => {
    controls.disconnect();
    wiring.abort();
    viewer.destroy();
    host.remove();
    for (const key of ['state', 'markers', 'labels', 'view']) delete el.dataset[key];
  };
}
