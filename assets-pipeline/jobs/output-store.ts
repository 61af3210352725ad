// Where image jobs put their outputs, which every worker and the coordinator see: the build folder's own image store
// (a shared volume), or S3-compatible object storage by configuration (`--store s3://bucket/prefix`). Either way a
// key is an output's content id, and a key is present only once all its files are: the directory store renames a
// finished temp folder into place, the S3 store writes a completion record after the files. The coordinator
// brings each output into its build's image store and publishes it from there exactly as the in-process stage does.
import crypto from 'node:crypto';
import path from 'node:path';
import { imageStoreDir } from '../../model/paths.ts';
import type { RenderResult } from '../images/render.ts';
import { isComplete, publish, readPublished, tmpRoot } from '../images/store.ts';
import { JobQueueError } from './errors.ts';

/** The store a build's workers write to: set by `build --store`, inherited by the stages it runs in child processes. */
export const STORE_ENV = 'HERITAGE_STORE';

export type StoredResult = Omit<RenderResult, 'ms'>;

export interface OutputStore {
  /** The store as messages name it. */
  readonly name: string;
  /** What a job carries so its worker opens the same store (`undefined`: the directory store). */
  readonly spec: string | undefined;
  /** Fails with a JobQueueError naming the store and what failed: unreachable, credentials refused, no bucket. */
  check(): Promise<void>;
  /** A worker's temp folder for one render: `put` moves or copies it into the store. */
  tempFor(id: string): string;
  /** The render result of the complete output `id`, or undefined when it is absent (or not complete yet). */
  result(id: string): Promise<StoredResult | undefined>;
  /** Puts a rendered temp folder (`img/`, `iiif/`) under `id`: seen whole or not at all; the same content may be put twice. */
  put(tmp: string, id: string, result: StoredResult): Promise<void>;
  /** The coordinator's side: output `id` in this build's image store and media folder, as the in-process stage
   * publishes it; its render result, or undefined when the store does not hold it. */
  take(id: string): Promise<StoredResult | undefined>;
}

/** The build folder's image store: workers share the build folder, so putting is publishing and taking is reading. */
export const directoryStore: OutputStore = {
  get name() {
    return `the build folder's image store (${imageStoreDir()})`;
  },
  spec: undefined,
  check: async () => {},
  tempFor: (id) => path.join(tmpRoot(), `${id}-${crypto.randomUUID()}`),
  result: async (id) => (isComplete(id) ? readPublished(id) : undefined),
  put: async (tmp, id) => publish(tmp, id),
  take: async (id) => (isComplete(id) ? readPublished(id) : undefined),
};

const opened = new Map<string, Promise<OutputStore>>();

/** The store `spec` names (`s3://bucket/prefix`), or the directory store without one. The S3 client loads only
 * when one is configured, so a build without it never loads the SDK. */
export function openStore(spec: string | undefined = process.env[STORE_ENV] || undefined): Promise<OutputStore> {
  if (!spec) return Promise.resolve(directoryStore);
  if (!spec.startsWith('s3://')) return Promise.reject(new JobQueueError(`--store expects s3://BUCKET/PREFIX (or nothing: the build folder), got "${spec}"`));
  let store = opened.get(spec);
  if (!store) {
    store = import('./s3-store.ts').then((m) => m.s3Store(spec));
    opened.set(spec, store);
  }
  return store;
}
