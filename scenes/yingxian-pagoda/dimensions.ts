// The pagoda's proportions as data. Published: about 67.31 m to the spire tip and 30.27 m across the ground storey
// (Chen Mingda 1966/1980); a two-tier stone platform about 4.4 m high; five outer storeys and four mezzanines.
// How the height divides between the levels is OUR proportioning, read off published section drawings, not a
// survey — the paradata says so. Metres, y up, x east, z south; origin at ground level, centre of the platform.

export const TOTAL_HEIGHT = 67.31;
/** Across the corners of the ground storey's outer ring (the 副阶 peristyle). */
export const BASE_ACROSS = 30.27;

export const PLATFORM = { lowerSide: 40, lowerHeight: 2.1, upperRadius: 17.2, upperHeight: 2.3 } as const;
export const PLATFORM_TOP = PLATFORM.lowerHeight + PLATFORM.upperHeight;

export interface Level {
  /** glTF node name; also the monitoring series key. */
  node: string;
  kind: 'storey' | 'mezzanine';
  height: number;
  /** Circumradius of the outer wall/column ring (octagon corners). */
  radius: number;
}

export const LEVELS: readonly Level[] = [
  { node: 'storey-1', kind: 'storey', height: 10.0, radius: 11.9 },
  { node: 'mezzanine-1', kind: 'mezzanine', height: 3.2, radius: 11.3 },
  { node: 'storey-2', kind: 'storey', height: 6.4, radius: 11.0 },
  { node: 'mezzanine-2', kind: 'mezzanine', height: 3.0, radius: 10.7 },
  { node: 'storey-3', kind: 'storey', height: 6.0, radius: 10.4 },
  { node: 'mezzanine-3', kind: 'mezzanine', height: 2.8, radius: 10.1 },
  { node: 'storey-4', kind: 'storey', height: 5.7, radius: 9.8 },
  { node: 'mezzanine-4', kind: 'mezzanine', height: 2.6, radius: 9.5 },
  { node: 'storey-5', kind: 'storey', height: 5.5, radius: 9.2 },
];
export const ROOF_HEIGHT = 6.2;

/** y of each level's floor. */
export function levelBases(): number[] {
  let y = PLATFORM_TOP;
  return LEVELS.map((l) => {
    const b = y;
    y += l.height;
    return b;
  });
}
export const ROOF_BASE = PLATFORM_TOP + LEVELS.reduce((n, l) => n + l.height, 0);
export const SPIRE_BASE = ROOF_BASE + ROOF_HEIGHT;
export const SPIRE_HEIGHT = TOTAL_HEIGHT - SPIRE_BASE;

/**
 * Horizontal displacement (mm, towards the north-east) of the TOP of each level relative to the platform, as
 * modelled for "today". The order of magnitude — the second storey leaning by tens of centimetres, the levels
 * above carried with it — follows the deformation literature; the individual values are ours (not measured).
 * The monitoring simulation starts from the same profile, so model and charts agree.
 */
export const TODAY_DISPLACEMENT_MM: Record<string, number> = {
  'storey-1': 40,
  'mezzanine-1': 75,
  'storey-2': 420,
  'mezzanine-2': 465,
  'storey-3': 515,
  'mezzanine-3': 545,
  'storey-4': 575,
  'mezzanine-4': 595,
  'storey-5': 615,
};

/** The model exaggerates the deformation so it can be seen at the scale of the whole tower; the UI says so. */
export const DEFORMATION_EXAGGERATION = 5;

export const PHASES = ['liao-1056', 'jin-1195', 'ming-qing', 'twentieth-century', 'today'] as const;
export type Phase = (typeof PHASES)[number];
export const phaseIndex = (p: Phase): number => PHASES.indexOf(p);
