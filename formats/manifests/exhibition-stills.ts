// `build/assets/exhibitions.json`: the still the exhibition stage published for each medium of each step, and each
// narration's recordings, read by the exhibition pages (without JavaScript and in print every step shows the stills).
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import { readManifest } from './read.ts';

/** Raised whenever the shape below changes, so a manifest of an older build is rejected, not misread. */
export const STILLS_MANIFEST_VERSION = 3;

const still = z.object({ url: z.string(), width: z.number().int().positive(), height: z.number().int().positive() });
export type Still = z.infer<typeof still>;

const stillsManifest = z.object({
  version: z.literal(STILLS_MANIFEST_VERSION),
  /** Exhibition id → step id → one still per medium, in the step's order; null where none exists (a quote). */
  exhibitions: z.record(z.string(), z.record(z.string(), z.array(still.nullable()))),
  /** Narration recordings as published: `<exhibition>/<step>/<medium index>/<locale>` → URL. */
  audio: z.record(z.string(), z.string()),
  /** Stills that hold words (a chart's legend), one per locale: `<exhibition>/<step>/<medium index>/<locale>` → still.
   * The page shows its locale's in place of the medium's still. */
  localized: z.record(z.string(), still),
});
export type StillsManifest = z.infer<typeof stillsManifest>;

/** The key of a medium's recording or still in one locale. */
export const mediumKey = (exhibition: string, step: string, n: number, locale: string): string => `${exhibition}/${step}/${n}/${locale}`;

export const stillsManifestPath = (dir = assetsDir()): string => path.join(dir, 'exhibitions.json');

/** Undefined when the stage has not run; an unreadable or older manifest is an error naming the file. */
export const readStillsManifest = (dir = assetsDir()): StillsManifest | undefined => readManifest(stillsManifestPath(dir), stillsManifest);
