// What the globe script receives from the page (JSON): places and routes, already localized.
export interface GlobePlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  url?: string;
}
export interface GlobeRoute {
  id: string;
  from: string;
  to: string;
  label: string;
}
export interface GlobePayload {
  places: GlobePlace[];
  routes: GlobeRoute[];
  /** CSS font for the labels: the page's self-hosted CJK-capable face. */
  font: string;
  /** Names for Cesium's own controls (its widgets are English-only) and the full-screen button, in the page's language. */
  strings: GlobeStrings;
  /** The committed still of the globe (content/stills/globe-<locale>.jpg), shown where WebGL is missing. */
  still?: { url: string; width: number; height: number; alt: string };
}

export interface GlobeStrings {
  home: string;
  credits: string;
  close: string;
  fullscreen: string;
  exitFullscreen: string;
}
