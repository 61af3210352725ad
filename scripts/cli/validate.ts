// `heritage validate` and `heritage ingest`: check every collection; publish records only when all is well.
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { ingestAll, publishRecords, type IngestResult } from '../../assets-pipeline/ingest/ingest.ts';
import { recordsDir } from '../../model/paths.ts';

function report(result: IngestResult): boolean {
  const { problems, collections, artifacts } = result;
  for (const p of problems.warnings) console.error(`warning: ${formatProblem(p)}`);
  const sorted = [...problems.list].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  for (const p of sorted) console.error(formatProblem(p));
  const n = [...artifacts.values()].reduce((s, a) => s + a.length, 0);
  if (problems.count) {
    console.error(`\n✗ ${problems.count} problem${problems.count === 1 ? '' : 's'} in ${collections.length} collection(s); nothing was published.`);
    return false;
  }
  console.log(`✓ ${collections.length} collections, ${n} artifacts, ${result.places.length} places: no problems.`);
  return true;
}

export function validate(): number {
  return report(ingestAll()) ? 0 : 1;
}

export function ingest(): number {
  const result = ingestAll();
  if (!report(result)) return 1;
  publishRecords(result);
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
