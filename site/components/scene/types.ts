// What the scene island receives as props: plain JSON, already localized on the server, so the browser ships
// neither the schema nor the other languages.
import type { CameraPose, EvidenceLevel, Vec3 } from '../../../model/scene.ts';
import type { ModelLod } from '../../../formats/manifests/models.ts';

export interface ViewerHotspot {
  id: string;
  position: Vec3;
  title: string;
  text: string;
  /** BCP 47 tag of the text actually shown (differs when it fell back). */
  lang: string;
  camera?: CameraPose;
  artifactUrl?: string;
}

export interface ViewerTourStep {
  camera: CameraPose;
  narration: string;
  hotspot?: string;
}

export interface ViewerVariant {
  id: string;
  label: string;
  /** Timeline tick label and narration (scenes with a timeline). */
  tick?: string;
  narration?: string;
  lods: ModelLod[];
  /** glTF node name → evidence level, for this variant's paradata. */
  evidence: Record<string, EvidenceLevel>;
}

export interface ViewerLevel {
  node: string;
  label: string;
}

export interface ViewerViews {
  explode?: { gap: number };
  section?: { normal: Vec3; constant: number };
}

/** A still image of the scene's starting view, shown where the view cannot run. */
export interface ViewerStill {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface ViewerProps {
  locale: string;
  /** Scene id: named in the events the island sends to the page. */
  sceneId: string;
  title: string;
  camera: CameraPose;
  setting: 'interior' | 'exterior';
  hotspots: ViewerHotspot[];
  tour: ViewerTourStep[];
  variants: ViewerVariant[];
  /** Present when the variants are phases in time: a slider replaces the variant picker. */
  timeline?: { label: string };
  /** Selectable (and, with `views.explode`, explodable) parts, bottom to top. */
  levels: ViewerLevel[];
  /** glTF node name → label (paradata elements, levels), for saying what the camera looks at. */
  parts: Record<string, string>;
  views: ViewerViews;
  /** The page's `scene` namespace strings for this locale. */
  strings: Record<string, string>;
  /** id of the HTML text alternative, linked when WebGL is missing. */
  textId: string;
  still?: ViewerStill;
  /** Where a page that embeds the view (an exhibition step) opens it: a hotspot or a camera pose, a variant (a
   * building phase), the evidence colours, a section or exploded view. */
  start?: ViewerStart;
  /** Embedded in another page: the view neither reads nor writes the URL's `#` (the page owns it). */
  embedded?: boolean;
}

export interface ViewerStart {
  hotspot?: string;
  camera?: CameraPose;
  variant?: string;
  evidence?: boolean;
  view?: 'evidence' | 'section' | 'explode';
  /** The embedding page shows the start variant's narration itself (with its recording): the timeline leaves it out
   * while that variant is shown, so it is not read twice. */
  narrated?: boolean;
}

/** Dispatched on window once the viewer has drawn its first frame with the model: other parts of a scene page
 * (the monitoring charts) can wait for it instead of competing with the viewer's start-up. */
export const FIRST_FRAME_EVENT = 'heritage:scene-first-frame';
/** Sent on `window` when a visitor picks a level in 3D; the page's other islands (charts) may listen. */
export const LEVEL_SELECT_EVENT = 'heritage:scene-level';
export interface LevelSelectDetail {
  scene: string;
  node: string;
}
