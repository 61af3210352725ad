// The globe, fully offline: CesiumJS's prebuilt runtime from our origin (/cesium/, published by the cesium
// stage), the Natural Earth II imagery bundled with it, no Ion token and no Ion asset, no geocoder, no base-layer
// picker (each of those calls the network). Sky atmosphere off: about 6× cheaper per frame in software WebGL.
// Labels use the page's CJK font stack (installed faces), loaded before the labels are drawn so CJK names render.
import type * as CesiumNS from 'cesium';
import type { GlobePayload } from './globe-data.ts';
import { hasWebGL } from '../common/webgl.ts';

type CesiumModule = typeof CesiumNS;
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

export async function mountGlobe(el: HTMLElement, payload: GlobePayload): Promise<void> {
  const status = el.querySelector<HTMLElement>('[data-globe-status]');
  if (!hasWebGL()) {
    if (status) status.textContent = el.dataset.noWebgl ?? '';
    el.dataset.state = 'no-webgl';
    return;
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
  if (scene.skyAtmosphere) scene.skyAtmosphere.show = false;
  scene.globe.showGroundAtmosphere = false;
  scene.fog.enabled = false;

  const byId = new Map(payload.places.map((p) => [p.id, p]));
  for (const p of payload.places) {
    viewer.entities.add({
      id: `place-${p.id}`,
      name: p.name,
      position: C.Cartesian3.fromDegrees(p.lon, p.lat),
      point: { pixelSize: 9, color: C.Color.fromCssColorString('#e69f00'), outlineColor: C.Color.BLACK, outlineWidth: 1.5 },
      label: {
        text: p.name,
        font: payload.font,
        fillColor: C.Color.WHITE,
        showBackground: true,
        backgroundColor: C.Color.fromCssColorString('rgba(20,18,15,0.78)'),
        horizontalOrigin: C.HorizontalOrigin.LEFT,
        pixelOffset: new C.Cartesian2(10, -4),
        scale: 0.85,
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
}
