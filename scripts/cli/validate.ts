// `heritage validate` and `heritage ingest`: check every collection; publish records only when all is well.
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { artifactCount, ingestAll, publishRecords, type IngestResult } from '../../assets-pipeline/ingest/ingest.ts';
import { recordsDir } from '../../model/paths.ts';

function report(result: IngestResult): boolean {
  const { problems, collections } = result;
  for (const p of problems.warnings) console.error(`warning: ${formatProblem(p)}`);
  const sorted = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  for (const p of sorted) console.error(formatProblem(p));
  const n = artifactCount(result);
  if (problems.count) {
    console.error(`\n✗ ${problems.count} problem${problems.count === 1 ? '' : 's'} in ${collections.length} collection(s); nothing was published.`);
    return false;
  }
  const skipped = result.unchanged.size ? ` (${result.unchanged.size} unchanged since the last publish, not read again)` : '';
  console.log(`✓ ${collections.length} collections${skipped}, ${n} artifacts, ${result.places.length} places: no problems.`);
  return true;
}

export function validate(): number {
  return report(ingestAll()) ? 0 : 1;
}

export function ingest(): number {
  const result = ingestAll(undefined, { reuseFrom: recordsDir() });
  if (!report(result)) return 1;
  publishRecords(result);
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
