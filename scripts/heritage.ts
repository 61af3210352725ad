// The curator's one command: `npm run heritage -- <command>`.
import { validate, ingest } from './cli/validate.ts';
import { build } from './cli/build.ts';
import { qcSubtitles } from '../assets-pipeline/subtitles/qc-cli.ts';
import { indexCommand } from './cli/index-command.ts';
import { liveDemo } from './cli/live-demo.ts';
import { runOneStage } from './cli/stages.ts';
import { translationsCommand } from './cli/translations.ts';
import { workerCommand } from './cli/worker.ts';

const commands: Record<string, { help: string; run: (args: string[]) => number | Promise<number> }> = {
  validate: {
    help: 'check all content (collections, places, scenes, dramas, routes, monitoring, panoramas, exhibitions, live views); problems as file:line:field: message (many: summarized by kind, all in build/reports/problems.txt; --max-errors N stops early)',
    run: validate,
  },
  ingest: { help: 'validate, then write the normalized records', run: ingest },
  'qc-subtitles': {
    help: 'check subtitle files (SRT/WebVTT); prints file:cue: message, exit 1 on any error (--strict: warnings too)',
    run: (args) => {
      const files = args.filter((a) => !a.startsWith('--'));
      if (!files.length) {
        console.error('usage: npm run heritage -- qc-subtitles FILE… [--strict]');
        return 2;
      }
      return qcSubtitles(files, { strict: args.includes('--strict') });
    },
  },
  build: {
    help: 'ingest, run the asset stages, build the site and its search index (--queue redis://HOST:PORT: heavy work as jobs, --store s3://BUCKET/PREFIX)',
    run: build,
  },
  worker: {
    help: 'run jobs for builds: --queue redis://HOST:PORT [--concurrency N] [--kinds images] [--threads N] [--page-concurrency N]',
    run: workerCommand,
  },
  stage: {
    help: 'run one asset stage alone (images, panoramas, models, cesium, subtitles, video, exhibitions, search, open-data, sitemaps)',
    run: runOneStage,
  },
  translations: { help: 'translation workflow: export (XLIFF/CSV), import, status [--json], tmx-export', run: translationsCommand },
  'live-demo': { help: 'a real live HLS stream (ffmpeg) on the loopback address of the demo live view, to see its page live; Ctrl+C ends it', run: liveDemo },
  index: { help: 'push the search documents to a server engine: --engine meilisearch [--full] [--config FILE]', run: indexCommand },
};

async function main(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const cmd = name ? commands[name] : undefined;
  if (!cmd) {
    console.log('usage: npm run heritage -- <command>\n');
    for (const [n, c] of Object.entries(commands)) console.log(`  ${n.padEnd(14)} ${c.help}`);
    return name ? 2 : 0;
  }
  return cmd.run(args);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // A bug, not a curator mistake: keep the stack for whoever reports it.
    console.error(err);
    process.exit(70);
  },
);
