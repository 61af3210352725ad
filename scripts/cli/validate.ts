// `heritage validate` and `heritage ingest`: check all of content/ (collections, places, then every registered
// content type in order); publish records only when all is well.
import path from 'node:path';
import { maxErrorsArg, problemLines, writeProblemReport } from '../../assets-pipeline/ingest/problem-report.ts';
import { artifactCount } from '../../assets-pipeline/ingest/ingest.ts';
import { checkContent, publishContent, type ContentResult } from '../../assets-pipeline/ingest/content.ts';
import { buildDir, recordsDir } from '../../model/paths.ts';

function report(result: ContentResult): boolean {
  const { problems, collections } = result;
  // Summary by kind when there are many, with every problem in the report file.
  const reportFile = path.join(buildDir(), 'reports', 'problems.txt');
  writeProblemReport(reportFile, problems);
  for (const line of problemLines(problems, reportFile)) console.error(line);
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
  ];
  console.log(`✓ ${counts.join(', ')}: no problems.`);
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
  const result = await checkContent(undefined, opts);
  return report(result) ? 0 : 1;
}

export async function ingest(args: string[] = []): Promise<number> {
  const opts = options(args);
  if (!opts) return 2;
  const result = await checkContent(undefined, { reuseFrom: recordsDir(), ...opts });
  if (!report(result)) return 1;
  publishContent(result);
  console.log(`  normalized records written to ${recordsDir()}`);
  return 0;
}
