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
}
