// Lets `heritage ingest` skip a collection whose inputs are unchanged since the last publish: its folder
// (records, mapping, media: names, sizes, times), the places file and the importer's code. At 150k records
// parsing and validating every row takes ~13 s, and publishing one new collection should not pay that.
// What a skipped collection still contributes is kept here: its record, its ids (duplicates across
// collections are still caught) and its warnings (still shown).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Collection, Stored } from '../../model/schema.ts';
import { hashSources } from '../source-hash.ts';
import type { Problem } from './problems.ts';

export interface ReusedCollection {
  key: string;
  collection: Stored<Collection>;
  /** id, where it was read (file:line), record hash. */
  ids: [string, string, string][];
  warnings: Problem[];
}
export type ReuseIndex = Record<string, ReusedCollection>;

const REUSE_FILE = 'ingest-reuse.json';
// The vocabulary is the glossary that fills controlled values' missing languages.
const IMPORTER_CODE = ['assets-pipeline/ingest', 'assets-pipeline/translations', 'model', 'formats/vocabulary.ts', 'formats/vocabulary'];

export function readReuse(recordsDir: string): ReuseIndex {
  try {
    return JSON.parse(fs.readFileSync(path.join(recordsDir, REUSE_FILE), 'utf8')) as ReuseIndex;
  } catch {
    return {};
  }
}

export function writeReuse(recordsDir: string, index: ReuseIndex): void {
  writeFileAtomic.sync(path.join(recordsDir, REUSE_FILE), JSON.stringify(index));
}

/** What every collection's key shares: the importer's code and the places (records may refer to them). */
export function sharedInputs(placesFile: string): string {
  const places = fs.existsSync(placesFile) ? fs.readFileSync(placesFile) : Buffer.alloc(0);
  return crypto.createHash('sha256').update(hashSources(IMPORTER_CODE)).update(places).digest('hex');
}

export function collectionKey(dir: string, shared: string): string {
  const h = crypto.createHash('sha256').update(shared);
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    if (!e.isFile()) continue;
    const file = path.join(e.parentPath, e.name);
    const st = fs.statSync(file);
    h.update(`${path.relative(dir, file)}|${st.size}|${st.mtimeMs}\n`);
  }
  return h.digest('hex');
}
