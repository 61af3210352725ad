// What the scene island receives as props: plain JSON, already localized on the server, so the browser ships
// neither the schema nor the other languages.
import type { CameraPose, EvidenceLevel, ModelLod, Vec3 } from '../../../model/scene.ts';

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
  lods: ModelLod[];
  /** glTF node name → evidence level, for this variant's paradata. */
  evidence: Record<string, EvidenceLevel>;
}

export interface ViewerProps {
  locale: string;
  title: string;
  camera: CameraPose;
  hotspots: ViewerHotspot[];
  tour: ViewerTourStep[];
  variants: ViewerVariant[];
  /** The page's `scene` namespace strings for this locale. */
  strings: Record<string, string>;
  /** id of the HTML text alternative, linked when WebGL is missing. */
  textId: string;
}
