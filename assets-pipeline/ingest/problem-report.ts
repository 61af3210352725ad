// How a run's problems reach the curator at any scale: a few are printed in full; many are summarized by kind
// (field plus message with its quoted values and numbers masked) with counts and the first examples, and the
// full list goes to a report file. Warnings never block a publish; errors always do.
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, type Problem, type Problems } from './problems.ts';

export interface ProblemKind {
  kind: string;
  count: number;
  examples: Problem[];
}

/** At most this many problems of one severity are printed line by line; more are summarized. */
export const PRINT_IN_FULL = 30;

const kindOf = (p: Problem): string =>
  `${p.field.replace(/\.\d+(?=\.|$)/g, '.N')}: ${p.message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\d[\d,.]*/g, 'N')
    .replace(/\(the file has:[^)]*\)/, '')
    .trim()}`;

export function summarize(list: Problem[], examples = 3): ProblemKind[] {
  const kinds = new Map<string, ProblemKind>();
  for (const p of list) {
    const k = kindOf(p);
    const entry = kinds.get(k) ?? { kind: k, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < examples) entry.examples.push(p);
    kinds.set(k, entry);
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
}

const sorted = (list: Problem[]) => [...list].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);

/** Every problem, errors first, one per line: what a curator works through after a large run. */
export function writeProblemReport(file: string, problems: Problems): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lines = [
    `${problems.count} error(s), ${problems.warnings.length} warning(s)`,
    '',
    ...sorted(problems.list).map((p) => `error: ${formatProblem(p)}`),
    ...sorted(problems.warnings).map((p) => `warning: ${formatProblem(p)}`),
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'));
}

/** The lines to print for a run: every problem when few, else a summary by kind. */
export function problemLines(problems: Problems, reportFile: string | undefined): string[] {
  const out: string[] = [];
  const section = (list: Problem[], label: 'error' | 'warning') => {
    if (list.length <= PRINT_IN_FULL) {
      for (const p of sorted(list)) out.push(`${label === 'warning' ? 'warning: ' : ''}${formatProblem(p)}`);
      return;
    }
    out.push(`${list.length} ${label}s of ${summarize(list).length} kinds:`);
    for (const k of summarize(list)) {
      out.push(`  ${k.count} × ${k.kind}`);
      for (const p of k.examples) out.push(`      e.g. ${formatProblem(p)}`);
    }
  };
  section(problems.warnings, 'warning');
  section(problems.list, 'error');
  if (problems.stopped) out.push(`stopped after ${problems.maxErrors} errors (--max-errors); more rows were not read`);
  if (reportFile && problems.list.length + problems.warnings.length > PRINT_IN_FULL)
    out.push(`full list: ${path.relative(process.cwd(), reportFile) || reportFile}`);
  return out;
}

/** `--max-errors N` from the command's arguments; undefined when absent, an error text when malformed. */
export function maxErrorsArg(args: string[]): number | undefined | string {
  const i = args.findIndex((a) => a === '--max-errors' || a.startsWith('--max-errors='));
  if (i === -1) return undefined;
  const raw = args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : `--max-errors needs a positive whole number (got "${raw ?? ''}")`;
}
