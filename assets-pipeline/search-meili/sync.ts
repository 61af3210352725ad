// Sends the documents to Meilisearch.
// Full reindex without downtime: everything goes into `<uid>_new` indexes, then one swapIndexes task exchanges
// all of them with the live ones at once (search never sees a half-built index), and the old ones are deleted.
// Incremental: only documents whose hash changed since the last run (state file in build/), and removed ids
// deleted. Each Meilisearch task is atomic, so an incremental run is done as one addition task and one deletion
// task; more changes than fit one batch fall back to a full reindex. Any failure leaves the live indexes as
// they were.
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import writeFileAtomic from 'write-file-atomic';
import { Meilisearch, type Task } from 'meilisearch';
import type { EnqueuedTaskPromise } from 'meilisearch';
import { allSearchIndexUids, labelsIndexUid, type MeiliDoc, type MeiliLayout } from '../../formats/search-index/meili-layout.ts';
import type { BuiltDocs } from './documents.ts';
import { IndexError } from './errors.ts';
import { indexSettings, labelSettings, settingsHash } from './settings.ts';
import type { Locale } from '../../model/locales.ts';

export interface SyncOptions {
  host: string;
  adminKey: string;
  /** Base index name (per-locale layout adds `_zh`, `_en`, `_fr`). */
  index: string;
  layout: MeiliLayout;
  synonyms: Record<string, string[]>;
  /** id → hash of what the live index holds; absent = no incremental sync. */
  stateFile?: string;
  full?: boolean;
  batchSize?: number;
  /** Show a progress bar (the CLI); tests and benchmarks pass false. */
  progress?: boolean;
  log?: (line: string) => void;
}

export interface SyncSummary {
  mode: 'full' | 'incremental' | 'unchanged';
  indexes: string[];
  sent: number;
  deleted: number;
  seconds: number;
}

interface State {
  settings: string;
  index: string;
  layout: MeiliLayout;
  hashes: Record<string, string>;
}

const WAIT = { timeout: 30 * 60_000, interval: 100 };
const localeOf = (uid: string, layout: MeiliLayout): Locale | undefined => (layout === 'perLocale' ? (uid.slice(-2) as Locale) : undefined);

async function waitOk(p: EnqueuedTaskPromise, what: string, ids?: string[]): Promise<Task> {
  const task = await p.waitTask(WAIT);
  if (process.env.HERITAGE_MEILI_DEBUG) console.error(`task ${task.uid} ${what}: ${task.duration} (enqueued→finished ${task.enqueuedAt} ${task.finishedAt})`);
  if (task.status !== 'succeeded') {
    const err = task.error;
    const shown = ids ? ` (documents ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` … ${ids.length} in the batch` : ''})` : '';
    throw new IndexError(`Meilisearch task ${task.uid} (${what}) ${task.status}: ${err?.code ?? ''} ${err?.message ?? ''}${shown}`.replace(/\s+/g, ' ').trim());
  }
  return task;
}

function readState(file: string | undefined): State | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as State;
  } catch {
    return undefined; // A damaged state file only costs a full reindex.
  }
}

/** Fails fast on a wrong host or key, before documents are built or anything is created. */
export async function checkServer(host: string, adminKey: string): Promise<void> {
  const client = new Meilisearch({ host, apiKey: adminKey, timeout: 10_000 });
  await client.getIndexes({ limit: 1 });
  // A search-only key may list indexes on some setups; reading tasks needs a key that can write.
  await client.tasks.getTasks({ limit: 1 });
}

export async function syncMeili(built: BuiltDocs, o: SyncOptions): Promise<SyncSummary> {
  const started = performance.now();
  const log = o.log ?? (() => {});
  await checkServer(o.host, o.adminKey);
  const client = new Meilisearch({ host: o.host, apiKey: o.adminKey });
  const batch = o.batchSize ?? 5000;
  const uids = [...allSearchIndexUids(o.index, o.layout), labelsIndexUid(o.index)];
  const hash = settingsHash(o.layout, o.synonyms);
  const state = readState(o.stateFile);
  const live = new Set((await client.getIndexes({ limit: 1000 })).results.map((i) => i.uid));
  const canIncrement = !o.full && state && state.settings === hash && state.index === o.index && uids.every((u) => live.has(u));

  let summary: SyncSummary;
  if (canIncrement) {
    const changed = built.docs.filter((d) => state.hashes[d.uid] !== built.hashes.get(d.uid));
    const removed = Object.keys(state.hashes).filter((id) => !built.hashes.has(id));
    if (changed.length === 0 && removed.length === 0) {
      summary = { mode: 'unchanged', indexes: uids, sent: 0, deleted: 0, seconds: 0 };
    } else if (changed.length <= batch) {
      log(`incremental: ${changed.length} changed, ${removed.length} removed`);
      for (const uid of uids.slice(0, -1)) {
        if (changed.length)
          await waitOk(
            client.index(uid).addDocuments(changed, { primaryKey: 'uid' }),
            `add to ${uid}`,
            changed.map((d) => d.uid),
          );
        if (removed.length) await waitOk(client.index(uid).deleteDocuments(removed), `delete from ${uid}`, removed);
      }
      const labels = labelsIndexUid(o.index);
      // Upsert only: a stale label costs nothing (counts come from the search index), a missing one would.
      await waitOk(client.index(labels).addDocuments(built.labels, { primaryKey: 'uid' }), `labels ${labels}`);
      summary = { mode: 'incremental', indexes: uids, sent: changed.length, deleted: removed.length, seconds: 0 };
    } else {
      summary = await fullReindex(client, built, o, uids, batch, log);
    }
  } else {
    summary = await fullReindex(client, built, o, uids, batch, log);
  }
  if (o.stateFile) {
    fs.mkdirSync(path.dirname(o.stateFile), { recursive: true });
    const next: State = { settings: hash, index: o.index, layout: o.layout, hashes: Object.fromEntries(built.hashes) };
    await writeFileAtomic(o.stateFile, JSON.stringify(next));
  }
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}

async function fullReindex(
  client: Meilisearch,
  built: BuiltDocs,
  o: SyncOptions,
  uids: string[],
  batch: number,
  log: (l: string) => void,
): Promise<SyncSummary> {
  const fresh = uids.map((u) => `${u}_new`);
  // A leftover from a failed run is stale: start over.
  for (const f of fresh) await waitOk(client.deleteIndex(f), `delete ${f}`).catch(() => undefined);
  try {
    for (const [i, f] of fresh.entries()) {
      await waitOk(client.createIndex(f, { primaryKey: 'uid' }), `create ${f}`);
      const settings = i === fresh.length - 1 ? labelSettings() : indexSettings(o.layout, localeOf(uids[i]!, o.layout), o.synonyms);
      await waitOk(client.index(f).updateSettings(settings), `settings of ${f}`);
    }
    const searchIndexes = fresh.slice(0, -1);
    const total = built.docs.length * searchIndexes.length;
    const bar = o.progress
      ? new cliProgress.SingleBar(
          { format: 'meilisearch {bar} {value}/{total} documents | ETA {eta_formatted}', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : undefined;
    bar?.start(total, 0);
    let done = 0;
    for (const f of searchIndexes) {
      // Enqueue a few batches ahead (Meilisearch merges queued additions into one indexing batch), but wait
      // for every task: a failed one names its documents.
      const pending: Promise<void>[] = [];
      for (let start = 0; start < built.docs.length; start += batch) {
        const chunk: MeiliDoc[] = built.docs.slice(start, start + batch);
        const enq = client.index(f).addDocuments(chunk, { primaryKey: 'uid' });
        const p = waitOk(
          enq,
          `add to ${f}`,
          chunk.map((d) => d.uid),
        ).then(() => {
          done += chunk.length;
          bar?.update(done);
        });
        p.catch(() => undefined); // rejection is handled where it is awaited; this only keeps Node from aborting first
        pending.push(p);
        if (pending.length >= 4) await pending.shift();
      }
      await Promise.all(pending);
    }
    bar?.stop();
    await waitOk(
      client.index(fresh.at(-1)!).addDocuments(built.labels, { primaryKey: 'uid' }),
      'facet labels',
      built.labels.map((l) => l.uid),
    );
    const live = new Set((await client.getIndexes({ limit: 1000 })).results.map((i) => i.uid));
    // Swap where a live index exists, rename where it does not (first run): one task, all or nothing.
    await waitOk(
      client.swapIndexes(uids.map((u, i) => (live.has(u) ? { indexes: [u, fresh[i]!], rename: false } : { indexes: [fresh[i]!, u], rename: true }))),
      'swap',
    );
  } catch (err) {
    for (const f of fresh)
      await client
        .deleteIndex(f)
        .waitTask(WAIT)
        .catch(() => undefined);
    throw err;
  }
  for (const f of fresh) await waitOk(client.deleteIndex(f), `delete ${f}`).catch(() => undefined);
  log(`full reindex: ${built.docs.length} documents into ${uids.join(', ')}`);
  return { mode: 'full', indexes: uids, sent: built.docs.length, deleted: 0, seconds: 0 };
}
