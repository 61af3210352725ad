// `heritage index --engine meilisearch [--full] [--config FILE]`: pushes the search documents (the same
// SearchDocs as the static index) to a Meilisearch server. Every expected failure is one line and exit 1;
// the live index is left as it was.
import path from 'node:path';
import { buildDir } from '../../model/paths.ts';
import { allDocs } from '../../assets-pipeline/search/stage.ts';
import { indexerConfig } from '../../assets-pipeline/search-meili/config.ts';
import { buildDocs } from '../../assets-pipeline/search-meili/documents.ts';
import { explain } from '../../assets-pipeline/search-meili/errors.ts';
import { meiliSynonyms } from '../../assets-pipeline/search-meili/synonyms.ts';
import { checkServer, syncMeili } from '../../assets-pipeline/search-meili/sync.ts';

const USAGE = 'usage: npm run heritage -- index --engine meilisearch [--full] [--config FILE]';

export async function indexCommand(args: string[]): Promise<number> {
  const opt = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const engine = opt('engine');
  if (engine !== 'meilisearch') {
    console.error(engine ? `unknown engine "${engine}" (the static index is written by \`heritage build\`)\n${USAGE}` : USAGE);
    return 2;
  }
  let host = process.env.HERITAGE_MEILI_HOST ?? '(unset)';
  try {
    const config = indexerConfig(opt('config'));
    host = config.host;
    await checkServer(config.host, config.adminKey);
    const built = await buildDocs(allDocs());
    for (const d of built.duplicates) console.warn(`⚠ ${d}: the id is used twice; Meilisearch keeps the last record`);
    const summary = await syncMeili(built, {
      ...config,
      synonyms: await meiliSynonyms(),
      stateFile: path.join(buildDir(), 'search-meili', `state-${config.index}.json`),
      full: args.includes('--full'),
      progress: true,
      log: (line) => console.log(line),
    });
    const what = summary.mode === 'unchanged' ? 'nothing changed' : `${summary.mode}: ${summary.sent} sent, ${summary.deleted} deleted`;
    console.log(`✓ meilisearch ${summary.indexes.join(', ')}: ${what} (${built.docs.length} documents, ${summary.seconds.toFixed(1)} s)`);
    return 0;
  } catch (err) {
    console.error(`✗ ${explain(err, host)}`);
    return 1;
  }
}
