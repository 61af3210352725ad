// Curator-facing problems. Every check reports here instead of throwing, so one run lists every problem.
import path from 'node:path';

export interface Problem {
  file: string;
  /** 1-based line (CSV/JSONL row or YAML line); 0 when the problem concerns the whole file. */
  row: number;
  /** Schema field or mapping key, `-` when none applies. */
  field: string;
  message: string;
}

export class Problems {
  /** `maxErrors`: after that many errors `stopped` turns true and readers stop early. */
  constructor(readonly maxErrors = Number.POSITIVE_INFINITY) {}
  readonly list: Problem[] = [];
  /** Reported but not blocking: the data is usable as it is. */
  readonly warnings: Problem[] = [];
  warn(file: string, row: number, field: string, message: string): void {
    this.warnings.push({ file, row, field: field || '-', message });
  }
  add(file: string, row: number, field: string, message: string): void {
    this.list.push({ file, row, field: field || '-', message });
  }
  get stopped(): boolean {
    return this.list.length >= this.maxErrors;
  }
  get count(): number {
    return this.list.length;
  }
}

export function formatProblem(p: Problem, cwd = process.cwd()): string {
  const rel = path.isAbsolute(p.file) ? path.relative(cwd, p.file) : p.file;
  return `${rel}:${p.row}:${p.field}: ${p.message}`;
}
