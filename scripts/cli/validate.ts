// `heritage validate` and `heritage ingest`: check every collection and exhibition; publish only when all is well.
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { artifactCount, ingestAll, publishRecords, type IngestResult } from '../../assets-pipeline/ingest/ingest.ts';
import { publishExhibitions, validateExhibitions } from '../../assets-pipeline/exhibitions/publish.ts';
import type { LoadedExhibition } from '../../assets-pipeline/exhibitions/check.ts';
import { recordsDir } from '../../model/paths.ts';

function report(result: IngestResult, exhibitions: LoadedExhibition[]): boolean {
  const { problems, collections } = result;
  for (const p of problems.warnings) console.error(`warning: ${formatProblem(p)}`);
  const sorted = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  for (const p of sorted) console.error(formatProblem(p));
  const n = artifactCount(result);
  if (problems.count) {
    console.error(
      `\n✗ ${problems.count} problem${problems.count === 1 ? '' : 's'} in ${collections.length} collection(s) and the exhibitions; nothing was published.`,
    );
    return false;
  }
  const skipped = result.unchanged.size ? ` (${result.unchanged.size} unchanged since the last publish, not read again)` : '';
  console.log(`✓ ${collections.length} collections${skipped}, ${n} artifacts, ${result.places.length} places, ${exhibitions.length} exhibitions: no problems.`);
  return true;
}

export async function validate(): Promise<number> {
  const result = ingestAll();
  const exhibitions = await validateExhibitions(result, recordsDir());
  return report(result, exhibitions) ? 0 : 1;
}

export async function ingest(): Promise<number> {
  const result = ingestAll(undefined, { reuseFrom: recordsDir() });
  const exhibitions = await validateExhibitions(result, recordsDir());
  if (!report(result, exhibitions)) return 1;
  publishRecords(result);
  publishExhibitions(exhibitions, recordsDir());
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
