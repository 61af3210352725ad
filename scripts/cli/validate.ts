// `heritage validate` and `heritage ingest`: check every collection and exhibition; publish only when all is well.
import path from 'node:path';
import { maxErrorsArg, problemLines, writeProblemReport } from '../../assets-pipeline/ingest/problem-report.ts';
import { artifactCount, ingestAll, publishRecords, type IngestResult } from '../../assets-pipeline/ingest/ingest.ts';
import { publishExhibitions, validateExhibitions } from '../../assets-pipeline/exhibitions/publish.ts';
import type { LoadedExhibition } from '../../assets-pipeline/exhibitions/check.ts';
import { buildDir, recordsDir } from '../../model/paths.ts';

function report(result: IngestResult, exhibitions: LoadedExhibition[]): boolean {
  const { problems, collections } = result;
  // Summary by kind when there are many, with every problem in the report file.
  const reportFile = path.join(buildDir(), 'reports', 'problems.txt');
  writeProblemReport(reportFile, problems);
  for (const line of problemLines(problems, reportFile)) console.error(line);
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

function options(args: string[]): { maxErrors?: number } | undefined {
  const maxErrors = maxErrorsArg(args);
  if (typeof maxErrors === 'string') {
    console.error(maxErrors);
    return undefined;
  }
  return maxErrors ? { maxErrors } : {};
}

export async function validate(args: string[] = []): Promise<number> {
  const opts = options(args);
  if (!opts) return 2;
  const result = ingestAll(undefined, opts);
  const exhibitions = await validateExhibitions(result, recordsDir());
  return report(result, exhibitions) ? 0 : 1;
}

export async function ingest(args: string[] = []): Promise<number> {
  const opts = options(args);
  if (!opts) return 2;
  const result = ingestAll(undefined, { reuseFrom: recordsDir(), ...opts });
  const exhibitions = await validateExhibitions(result, recordsDir());
  if (!report(result, exhibitions)) return 1;
  publishRecords(result);
  publishExhibitions(exhibitions, recordsDir());
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
