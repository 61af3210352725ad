// One pass over one collection's records writes everything that depends on them: per-artifact API records
// and citation files, the collection's CSV, JSON Lines, OAI-PMH file, paged API listing and index. Records are
// streamed; what is held at once is one API page (200 summaries) and one CSV batch.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { artifactsFile, streamArtifacts } from '../../model/store.ts';
import type { Artifact, Collection, Stored } from '../../model/schema.ts';
import { imageFor } from '../../formats/manifests/images.ts';
import { API_PAGE_SIZE, artifactApiDoc, artifactSummary, collectionApiDoc, collectionPageDoc } from './api.ts';
import { openAtomic, type AtomicStream } from './atomic-stream.ts';
import { toBibTeX, toCSL, toRIS } from './citations.ts';
import { csvHeader, csvRow, csvRows, downloadReadme, jsonlLine } from './downloads.ts';
import { OAI_FOOTER, oaiHeader, oaiRecord, type OaiSettings } from './oai-pmh.ts';
import type { OpenDataState } from './state.ts';
import { writeIfChanged } from './sitemaps.ts';
import { fileOf, openDataPaths } from '../../formats/urls.ts';

export interface CollectionRun {
  dist: string;
  origin: string;
  oai: OaiSettings;
  settings: string;
  state: OpenDataState;
  full: boolean;
  today: string;
  seen: Set<string>;
  onRecord: () => void;
  log: (line: string) => void;
}

export interface CollectionResult {
  artifacts: number;
  written: number;
  failed: number;
}

const madeDirs = new Set<string>();
let tmpSeq = 0;
/** Temp file + rename, like write-file-atomic, without its per-call realpath/stat/chown and exit hooks:
 * measured here at 0.58 ms per file against 0.08 ms, i.e. 350 s against 46 s for the ~600k per-artifact files
 * at 150k artifacts. The bigger, fewer files still go through write-file-atomic. */
const write = (dist: string, urlPath: string, body: string) => {
  const file = path.join(dist, fileOf(urlPath));
  const dir = path.dirname(file);
  if (!madeDirs.has(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
  }
  const tmp = `${file}.${process.pid}-${tmpSeq++}.tmp`;
  fs.writeFileSync(tmp, body);
  fs.renameSync(tmp, file);
};

/** The per-artifact output key: the record, its image, and the stage settings. */
export function recordKey(a: Stored<Artifact>, settings: string): string {
  const img = imageFor(a);
  return crypto
    .createHash('sha1')
    .update(`${a.hash}|${img ? `${img.hash}|${img.display.jpeg}` : ''}|${settings}`)
    .digest('hex')
    .slice(0, 16);
}

export async function writeCollectionOutputs(c: Stored<Collection>, run: CollectionRun): Promise<CollectionResult> {
  const { dist, origin, state } = run;
  const prior = Object.values(state.records)
    .filter((r) => r.c === c.id)
    .map((r) => r.d);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings (Math.min would make them NaN); string order is date order.
  const earliest = prior.reduce((min, d) => (d < min ? d : min), run.today);
  const csv = openAtomic(path.join(dist, fileOf(openDataPaths.csv(c.id))));
  const jsonl = openAtomic(path.join(dist, fileOf(openDataPaths.jsonl(c.id))));
  const oai = openAtomic(path.join(dist, fileOf(openDataPaths.oai(c.id))));
  const streams: AtomicStream[] = [csv, jsonl, oai];
  const rightsSeen = new Map<string, number>();
  // Listing pages are written as they fill, so the page count is taken from the record file first.
  const expected = await countLines(artifactsFile(c.id));
  const expectedLast = Math.max(1, Math.ceil(expected / API_PAGE_SIZE));
  const pagePath = (n: number) => path.join(dist, fileOf(openDataPaths.apiCollectionPage(c.id, n)));
  const flushPage = (n: number, items: Record<string, unknown>[], last: number) =>
    writeIfChanged(pagePath(n), JSON.stringify(collectionPageDoc(c.id, n, last, items, origin)));
  let count = 0;
  let written = 0;
  let failed = 0;
  let page: Record<string, unknown>[] = [];
  let pageNo = 0;
  let csvBatch: string[][] = [];
  try {
    await csv.write(csvHeader());
    await oai.write(oaiHeader(c, earliest, run.oai));
    for await (const a of streamArtifacts(c.id)) {
      run.onRecord();
      try {
        if (run.seen.has(a.id)) throw new Error('the same id appears twice; the second is skipped');
        const image = imageFor(a);
        const key = recordKey(a, run.settings);
        const before = state.records[a.id];
        const datestamp = before && before.h === a.hash ? before.d : run.today;
        if (run.full || before?.k !== key || !fs.existsSync(path.join(dist, fileOf(openDataPaths.apiArtifact(a.id))))) {
          write(dist, openDataPaths.apiArtifact(a.id), JSON.stringify(artifactApiDoc({ artifact: a, collection: c, image, origin })));
          write(dist, openDataPaths.citation(a.id, 'bibtex'), toBibTeX(a, c, origin));
          write(dist, openDataPaths.citation(a.id, 'ris'), toRIS(a, c, origin));
          write(dist, openDataPaths.citation(a.id, 'csl'), toCSL(a, c, origin));
          written += 4;
        }
        csvBatch.push(csvRow(a, image, origin));
        await jsonl.write(jsonlLine(a, image, origin));
        await oai.write(oaiRecord(a, c, datestamp, run.oai));
        rightsSeen.set(a.rights, (rightsSeen.get(a.rights) ?? 0) + 1);
        page.push(artifactSummary(a, image, origin));
        state.records[a.id] = { c: c.id, h: a.hash, k: key, d: datestamp };
        run.seen.add(a.id);
        count++;
      } catch (err) {
        failed++;
        run.log(`✗ ${c.id}/${a.id}: ${(err as Error).message}`);
      }
      if (csvBatch.length >= 500) {
        await csv.write(csvRows(csvBatch));
        csvBatch = [];
      }
      if (page.length >= API_PAGE_SIZE) {
        flushPage(++pageNo, page, expectedLast);
        page = [];
      }
    }
    if (csvBatch.length) await csv.write(csvRows(csvBatch));
    await oai.write(OAI_FOOTER);
    for (const s of streams) await s.close();
  } catch (err) {
    for (const s of streams) s.abort();
    throw err;
  }
  if (page.length || pageNo === 0) flushPage(++pageNo, page, expectedLast);
  const lastPage = Math.max(1, Math.ceil(count / API_PAGE_SIZE));
  if (lastPage !== expectedLast) {
    // Some records failed: fix the page count (and the last `next` link) in the pages already written.
    for (let n = 1; n <= lastPage; n++) {
      const doc = JSON.parse(fs.readFileSync(pagePath(n), 'utf8')) as { items: Record<string, unknown>[] };
      flushPage(n, doc.items, lastPage);
    }
  }
  removeStalePages(dist, c.id, lastPage);
  writeIfChanged(path.join(dist, fileOf(openDataPaths.downloadReadme(c.id))), downloadReadme(c, count, rightsSeen, origin));
  writeIfChanged(path.join(dist, fileOf(openDataPaths.apiCollection(c.id))), JSON.stringify(collectionApiDoc(c, count, origin), null, 1));
  return { artifacts: count, written: written + 5 + lastPage, failed };
}

/** Newlines in a file, read in 1 MiB chunks (the record files are ~1 KB per record). */
export async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n;
}

function removeStalePages(dist: string, slug: string, lastPage: number): void {
  const dir = path.join(dist, path.dirname(fileOf(openDataPaths.apiCollectionPage(slug, 1))));
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const m = /^page-(\d+)\.json$/.exec(f);
    if (m && Number(m[1]) > lastPage) fs.rmSync(path.join(dir, f));
  }
}
