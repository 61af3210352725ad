// The asset stages, in the order the build runs them. Each returns how many items failed; a failed item is
// reported and skipped, the rest of the stage continues.
import { runImageStage } from '../../assets-pipeline/images/stage.ts';
import { modelStage } from '../../assets-pipeline/models/run.ts';
import { cesiumStage } from '../../assets-pipeline/cesium/stage.ts';
import { runSubtitleStage } from '../../assets-pipeline/subtitles/stage.ts';
import { runVideoStage } from '../../assets-pipeline/video/stage.ts';
import { runSearchStage } from '../../assets-pipeline/search/stage.ts';
import { runOpenDataStage, runSitemapStage } from '../../assets-pipeline/open-data/stage.ts';
import { runStillStage } from '../../assets-pipeline/exhibitions/stills.ts';
import { runPanoramaStage } from '../../assets-pipeline/panoramas/stage.ts';
import { failureLines, JobQueueError } from '../../assets-pipeline/jobs/errors.ts';
import { acquireBuildLock } from './build-lock.ts';
import { describeStart, livePaths, prepareNextVersion, restorePaths, switchTo } from './site-versions.ts';

export interface Stage {
  /** For `heritage stage <id>`. */
  id: string;
  name: string;
  /** `with-site` stages need the records and media but not the pages: they run beside the page build, one
   * after another (so at most one of them holds its memory while two page parts render). */
  when: 'before-site' | 'with-site' | 'after-site';
  /** `queue`: heavy work runs as jobs on that queue's workers (stages without jobs ignore it). */
  run: (ctx?: { queue?: string }) => Promise<number>;
}

export const stages: Stage[] = [
  {
    id: 'images',
    name: 'images (derivatives, IIIF tiles and manifests)',
    when: 'before-site',
    run: async (ctx) => (await runImageStage({ queue: ctx?.queue })).failed,
  },
  {
    id: 'panoramas',
    name: 'panoramas (previews and tile pyramids)',
    when: 'before-site',
    run: async (ctx) => (await runPanoramaStage({ queue: ctx?.queue })).failed,
  },
  { id: 'models', ...modelStage },
  { id: 'cesium', ...cesiumStage },
  {
    id: 'subtitles',
    name: 'subtitles (normalize to WebVTT, quality control)',
    when: 'before-site',
    // QC findings are published on each drama's QC page for curators; they do not fail the build.
    run: async () => {
      const r = runSubtitleStage();
      console.log(`  ${r.tracks} tracks, ${r.written} written; QC: ${r.errors} errors, ${r.warnings} warnings (see the QC pages)`);
      return 0;
    },
  },
  {
    id: 'video',
    name: 'video (MP4, HLS ladder, posters, thumbnail sprites)',
    when: 'before-site',
    run: async (ctx) => (await runVideoStage(undefined, { queue: ctx?.queue })).failed,
  },
  {
    id: 'exhibitions',
    name: 'exhibitions (stills: regions cropped, committed viewpoint and map stills; IIIF manifests)',
    when: 'before-site',
    run: async () => {
      const r = await runStillStage();
      console.log(`  ${r.stills} stills, ${r.manifests} IIIF manifests, ${r.failed} failed`);
      return r.failed;
    },
  },
  {
    id: 'search',
    name: 'search index (static, sharded)',
    when: 'with-site',
    run: async (ctx) => {
      const s = await runSearchStage(undefined, { queue: ctx?.queue });
      console.log(`  ${s.docs} documents, ${s.terms} terms, ${s.files} files, ${(s.bytes / 2 ** 20).toFixed(1)} MiB in ${s.seconds.toFixed(1)} s`);
      if (s.failed.length) {
        console.error(`✗ ${s.failed.length} job(s) failed (the index went on without their records):`);
        const failures = s.failed.map((f) => ({ kind: 'search' as const, label: `${f.collection}: ${f.file}`, message: f.message }));
        for (const line of failureLines(failures)) console.error(`  ${line}`);
      }
      return s.failed.length;
    },
  },
  {
    id: 'open-data',
    name: 'open data (JSON API, downloads, OAI-PMH, citations)',
    when: 'with-site',
    run: async () => {
      const s = await runOpenDataStage({ sitemaps: false });
      console.log(
        `  ${s.artifacts} artifacts in ${s.collections} collections (${s.collectionsUnchanged} unchanged), ` +
          `${s.filesWritten} files written, ${s.filesRemoved} removed; ${s.seconds.toFixed(1)} s`,
      );
      return s.failed;
    },
  },
  {
    id: 'sitemaps',
    name: 'sitemaps',
    when: 'after-site',
    run: async () => {
      const s = await runSitemapStage();
      console.log(`  ${s.urls} URLs in ${s.files} files (${s.written} rewritten); ${s.seconds.toFixed(1)} s`);
      return 0;
    },
  },
];

/** `heritage stage <id>`: one stage on its own, e.g. to rebuild only the search index. */
export async function runOneStage(args: string[]): Promise<number> {
  const stage = stages.find((s) => s.id === args[0]);
  // `--queue`: the build passes its queue to the stages it runs beside the pages.
  const queue = args[1] === '--queue' ? args[2] : undefined;
  if (!stage) {
    console.error(`usage: npm run heritage -- stage <${stages.map((s) => s.id).join('|')}> [--queue redis://HOST:PORT]`);
    return 2;
  }
  // Beside a build (its child process) the build's version is already the target; alone, the stage publishes
  // a version of its own, under the build lock, like a build does.
  if (process.env.HERITAGE_PUBLISH_STATE_DIR) {
    try {
      return (await stage.run({ queue })) > 0 ? 1 : 0;
    } catch (err) {
      if (!(err instanceof JobQueueError)) throw err;
      // Not exit 1 (failed items, the rest published): the build reads 2 as a stage that did not finish.
      console.error(`✗ ${err.message}`);
      return 2;
    }
  }
  const lock = acquireBuildLock(`heritage stage ${stage.id}`);
  if (!lock.ok) {
    console.error(`✗ ${lock.message}`);
    return 1;
  }
  const saved = { HERITAGE_DIST_DIR: process.env.HERITAGE_DIST_DIR, HERITAGE_MEDIA_DIR: process.env.HERITAGE_MEDIA_DIR, HERITAGE_PUBLISH_STATE_DIR: undefined };
  try {
    const paths = livePaths();
    // The other slot holds the version before the live one: a stage alone brings only its own part up to date.
    const next = prepareNextVersion(paths, false, `one stage (${stage.id}) publishes on top of the live version`);
    console.log(`▸ site version: slot ${next.id}, ${describeStart(next)}`);
    const failed = await stage.run({ queue });
    switchTo(next, paths);
    console.log(`  slot ${next.id} is live: the live version with ${stage.id} run again`);
    return failed > 0 ? 1 : 0;
  } finally {
    restorePaths(saved);
    lock.release();
  }
}
