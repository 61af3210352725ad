// A model job's data and id, apart from the job itself so the model stage can name jobs without loading the
// worker's side.
import { createHash } from 'node:crypto';
import type { ModelSource } from '../../model/scene.ts';
import type { LodSpec } from '../models/lods.ts';

export interface ModelJobData {
  key: string;
  sceneId: string;
  variantId: string;
  source: ModelSource;
  /** The hash of everything the input depends on, as the coordinator computed it. */
  inputHash: string;
  lods: readonly LodSpec[];
}

/** The model's key (its output folder), its input hash and the settings key: the stage's own incremental key. */
export const modelJobId = (modelKey: string, inputHash: string, settingsKey: string): string =>
  createHash('sha256').update(`${modelKey}\0${inputHash}\0${settingsKey}`).digest('hex').slice(0, 24);
