// `heritage validate` and `heritage ingest`: check all of content/ (collections, places and every registered
// content type); publish records only when all is well.
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { artifactCount } from '../../assets-pipeline/ingest/ingest.ts';
import { checkContent, publishContent, type ContentResult } from '../../assets-pipeline/ingest/content.ts';
import { recordsDir } from '../../model/paths.ts';

function report(result: ContentResult): boolean {
  const { problems, collections } = result;
  for (const p of problems.warnings) console.error(`warning: ${formatProblem(p)}`);
  const sorted = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  for (const p of sorted) console.error(formatProblem(p));
  const files = new Set(problems.list.map((p) => p.file)).size;
  if (problems.count) {
    console.error(`\n✗ ${problems.count} problem${problems.count === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was published.`);
    return false;
  }
  const skipped = result.unchanged.size ? ` (${result.unchanged.size} unchanged since the last publish, not read again)` : '';
  const types = [...result.types].map(([name, list]) => `${list.length} ${name}`).join(', ');
  console.log(`✓ ${collections.length} collections${skipped}, ${artifactCount(result)} artifacts, ${result.places.length} places, ${types}: no problems.`);
  return true;
}

export function validate(): number {
  return report(checkContent()) ? 0 : 1;
}

export function ingest(): number {
  const result = checkContent(undefined, { reuseFrom: recordsDir() });
  if (!report(result)) return 1;
  publishContent(result);
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
