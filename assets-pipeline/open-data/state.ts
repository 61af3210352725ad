// What the open-data stage published last time, so a re-run writes only what changed. Kept in build/, keyed
// to one dist/ by a generation marker inside dist/: if Astro emptied dist/ (marker gone) everything is
// written again. OAI datestamps survive that: they record when a record last changed, not when it was written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { buildDir, publishStateDir } from '../../model/paths.ts';

export interface RecordState {
  /** Collection slug. */
  c: string;
  /** Record hash (drives the datestamp). */
  h: string;
  /** Output key: record hash + image + settings. */
  k: string;
  /** OAI datestamp, YYYY-MM-DD: when the record last changed. */
  d: string;
}

export interface OpenDataState {
  generation: string;
  settings: string;
  /** Collection slug → key of its last complete write. */
  collections: Record<string, string>;
  records: Record<string, RecordState>;
}

const MARKER = path.join('api', '.generation');
/** In a site version the state lives in the version (it dies with a build that never went live); otherwise in
 * build/, one per dist/. */
const stateFile = (dist: string) =>
  process.env.HERITAGE_PUBLISH_STATE_DIR
    ? path.join(publishStateDir(), 'open-data-state.json')
    : path.join(buildDir(), 'open-data', `state-${crypto.createHash('sha256').update(path.resolve(dist)).digest('hex').slice(0, 12)}.json`);

export interface LoadedState {
  state: OpenDataState;
  /** True when dist/ no longer holds what the state describes, or settings changed: write everything. */
  full: boolean;
}

export function loadState(dist: string, settings: string): LoadedState {
  const file = stateFile(dist);
  let prev: OpenDataState | undefined;
  try {
    prev = JSON.parse(fs.readFileSync(file, 'utf8')) as OpenDataState;
  } catch {
    prev = undefined;
  }
  const marker = path.join(dist, MARKER);
  const generation = fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8').trim() : '';
  const valid = prev !== undefined && generation !== '' && prev.generation === generation && prev.settings === settings;
  if (valid) return { state: prev!, full: false };
  return {
    state: { generation: crypto.randomUUID(), settings, collections: {}, records: prev?.records ?? {} },
    full: true,
  };
}

export function saveState(dist: string, state: OpenDataState): void {
  const file = stateFile(dist);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, JSON.stringify(state));
  fs.mkdirSync(path.join(dist, 'api'), { recursive: true });
  writeFileAtomic.sync(path.join(dist, MARKER), `${state.generation}\n`);
}
