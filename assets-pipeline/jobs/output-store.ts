// Where jobs put their outputs, which every worker and the coordinator see: the build folder (a shared volume), or
// S3-compatible object storage by configuration (`--store s3://bucket/prefix`). Either way a key is an output's
// content id, and a key is present only once all its files are: the directory store renames a finished temp folder
// into place, the S3 store writes a completion record after the files. The coordinator brings each output into its
// own build folder and publishes it from there exactly as the in-process stage does.
import crypto from 'node:crypto';
import path from 'node:path';
import { JobQueueError } from './errors.ts';

/** The store a build's workers write to: set by `build --store`, inherited by the stages it runs in child processes. */
export const STORE_ENV = 'HERITAGE_STORE';

/** One kind's outputs on this machine's disk, as its in-process stage keeps them: both stores go through these. */
export interface LocalOutputs<R> {
  /** The kind (and the outputs' namespace in a bucket). */
  kind: 'images' | 'panoramas';
  /** Where they are, for messages. */
  where(): string;
  /** The result of the complete output `id`, or undefined. */
  read(id: string): R | undefined;
  /** Moves a finished temp folder into place (an existing output wins: it is the same content). */
  publish(tmp: string, id: string): void;
  /** Temp folders, on the file system of the outputs so that publishing is a rename. */
  tmpRoot(): string;
  /** The files of a temp folder that are the output ('/'-separated paths): `publish` leaves the rest behind. */
  files: RegExp;
}

export interface OutputStore<R> {
  /** The store as messages name it. */
  readonly name: string;
  /** What a job carries so its worker opens the same store (`undefined`: the build folder). */
  readonly spec: string | undefined;
  /** Fails with a JobQueueError naming the store and what failed: unreachable, credentials refused, no bucket. */
  check(): Promise<void>;
  /** A worker's temp folder for one render: `put` moves or copies it into the store. */
  tempFor(id: string): string;
  /** The result of the complete output `id`, or undefined when it is absent (or not complete yet). */
  result(id: string): Promise<R | undefined>;
  /** Puts a rendered temp folder under `id`: seen whole or not at all; the same content may be put twice. */
  put(tmp: string, id: string, result: R): Promise<void>;
  /** The coordinator's side: output `id` in this build's folder, as the in-process stage publishes it; its result,
   * or undefined when the store does not hold it. */
  take(id: string): Promise<R | undefined>;
}

/** A fresh temp folder for output `id` beside the local outputs, so that publishing it is a rename. */
export const localTemp = <R>(local: LocalOutputs<R>, id: string): string => path.join(local.tmpRoot(), `${id}-${crypto.randomUUID()}`);

/** The build folder: workers share it, so putting is publishing and taking is reading. */
export function directoryStore<R>(local: LocalOutputs<R>): OutputStore<R> {
  return {
    get name() {
      return `the build folder (${local.where()})`;
    },
    spec: undefined,
    check: async () => {},
    tempFor: (id) => localTemp(local, id),
    result: async (id) => local.read(id),
    put: async (tmp, id) => local.publish(tmp, id),
    take: async (id) => local.read(id),
  };
}

const opened = new Map<string, Promise<OutputStore<unknown>>>();

/** The store `spec` names (`s3://bucket/prefix`), or the build folder without one. The S3 client loads only when one
 * is configured, so a build without it never loads the SDK. */
export function openStore<R>(local: LocalOutputs<R>, spec: string | undefined = process.env[STORE_ENV] || undefined): Promise<OutputStore<R>> {
  if (!spec) return Promise.resolve(directoryStore(local));
  if (!spec.startsWith('s3://')) return Promise.reject(new JobQueueError(`--store expects s3://BUCKET/PREFIX (or nothing: the build folder), got "${spec}"`));
  const key = `${local.kind}\0${spec}`;
  let store = opened.get(key) as Promise<OutputStore<R>> | undefined;
  if (!store) {
    store = import('./s3-store.ts').then((m) => m.s3Store(spec, local));
    opened.set(key, store as Promise<OutputStore<unknown>>);
  }
  return store;
}
