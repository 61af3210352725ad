// `heritage validate` and `heritage ingest`: check all of content/ (collections, places, every registered content
// type, then the exhibitions that point at them); publish records only when all is well.
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { artifactCount } from '../../assets-pipeline/ingest/ingest.ts';
import { checkContent, publishContent, type ContentResult } from '../../assets-pipeline/ingest/content.ts';
import { publishExhibitions, validateExhibitions } from '../../assets-pipeline/exhibitions/publish.ts';
import type { LoadedExhibition } from '../../assets-pipeline/exhibitions/check.ts';
import { recordsDir } from '../../model/paths.ts';

function report(result: ContentResult, exhibitions: LoadedExhibition[]): boolean {
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
  const counts = [
    `${collections.length} collections${skipped}`,
    `${artifactCount(result)} artifacts`,
    `${result.places.length} places`,
    ...[...result.types].map(([name, list]) => `${list.length} ${name}`),
    `${exhibitions.length} exhibitions`,
  ];
  console.log(`✓ ${counts.join(', ')}: no problems.`);
  return true;
}

export async function validate(): Promise<number> {
  const result = checkContent();
  const exhibitions = await validateExhibitions(result, recordsDir());
  return report(result, exhibitions) ? 0 : 1;
}

export async function ingest(): Promise<number> {
  const result = checkContent(undefined, { reuseFrom: recordsDir() });
  const exhibitions = await validateExhibitions(result, recordsDir());
  if (!report(result, exhibitions)) return 1;
  publishContent(result);
  publishExhibitions(exhibitions, recordsDir());
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
