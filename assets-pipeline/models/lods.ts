// Level of detail is data. The viewer loads the list in order: the first entry is the "first view" (meshopt:
// its decoder is a few kB of JS bundled with the viewer, so nothing else blocks the first frame); the last is the
// full model (Draco: ~2× smaller than meshopt for dense meshes; its wasm decoder loads from our origin while the
// first view is already on screen).
export interface LodSpec {
  level: string;
  /** Fraction of vertices meshoptimizer's simplifier aims to keep (1 = no simplification). */
  ratio: number;
  /** Simplification error limit, fraction of the mesh radius. */
  error: number;
  /** Longest texture side in pixels. */
  textureSize: number;
  compression: 'meshopt' | 'draco';
  /** Byte budget; exceeding it is reported as an error for that model. */
  budget: number;
}

export const LODS: readonly LodSpec[] = [
  { level: 'first', ratio: 0.06, error: 0.01, textureSize: 512, compression: 'meshopt', budget: 300_000 },
  // 0.2 % of a mesh's radius is a few millimetres in a room: invisible, and it halves what software rendering draws.
  { level: 'full', ratio: 0.4, error: 0.002, textureSize: 1024, compression: 'draco', budget: 2_000_000 },
];
