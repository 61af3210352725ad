// The asset stages, in the order the build runs them. Each returns how many items failed; a failed item is
// reported and skipped, the rest of the stage continues.
import { runImageStage } from '../../assets-pipeline/images/stage.ts';
import { modelStage } from '../../assets-pipeline/models/run.ts';
import { cesiumStage } from '../../assets-pipeline/cesium/stage.ts';
import { runSubtitleStage } from '../../assets-pipeline/subtitles/stage.ts';
import { runVideoStage } from '../../assets-pipeline/video/stage.ts';
import { runSearchStage } from '../../assets-pipeline/search/stage.ts';
import { runOpenDataStage, runSitemapStage } from '../../assets-pipeline/open-data/stage.ts';

export interface Stage {
  name: string;
  /** `with-site` stages need the records and media but not the pages: they run beside the page build, one
   * after another (so at most one of them holds its memory while two page parts render). */
  when: 'before-site' | 'with-site' | 'after-site';
  run: () => Promise<number>;
}

export const stages: Stage[] = [
  { name: 'images (derivatives, IIIF tiles and manifests)', when: 'before-site', run: async () => (await runImageStage()).failed },
  modelStage,
  cesiumStage,
  {
    name: 'subtitles (normalize to WebVTT, quality control)',
    when: 'before-site',
    // QC findings are published on each drama's QC page for curators; they do not fail the build.
    run: async () => {
      const r = runSubtitleStage();
      console.log(`  ${r.tracks} tracks, ${r.written} written; QC: ${r.errors} errors, ${r.warnings} warnings (see the QC pages)`);
      return 0;
    },
  },
  { name: 'video (MP4, HLS ladder, posters, thumbnail sprites)', when: 'before-site', run: async () => (await runVideoStage()).failed },
  {
    name: 'search index (static, sharded)',
    when: 'with-site',
    run: async () => {
      const s = await runSearchStage();
      console.log(`  ${s.docs} documents, ${s.terms} terms, ${s.files} files, ${(s.bytes / 2 ** 20).toFixed(1)} MiB in ${s.seconds.toFixed(1)} s`);
      return 0;
    },
  },
  {
    name: 'open data (JSON API, downloads, OAI-PMH, citations)',
    when: 'with-site',
    run: async () => {
      const s = await runOpenDataStage({ sitemaps: false });
      console.log(`  ${s.artifacts} artifacts in ${s.collections} collections (${s.collectionsUnchanged} unchanged), ${s.filesWritten} files written, ${s.filesRemoved} removed; ${s.seconds.toFixed(1)} s`);
      return s.failed;
    },
  },
  {
    name: 'sitemaps',
    when: 'after-site',
    run: async () => {
      const s = await runSitemapStage();
      console.log(`  ${s.urls} URLs in ${s.files} files (${s.written} rewritten); ${s.seconds.toFixed(1)} s`);
      return 0;
    },
  },
];
