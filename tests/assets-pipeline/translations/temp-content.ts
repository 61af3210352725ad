// A temporary content and build folder holding the `tiny` fixture collection, for the translation tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { ingestAll, publishRecords } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { recordsDir } from '../../../model/paths.ts';

export const FIXTURE = path.resolve('tests/fixtures/translations');

export interface TempContent {
  root: string;
  content: string;
  /** Ingest and publish, as every translations command does first; throws on a problem. */
  ingest(): void;
  cleanup(): void;
}

export function tempContent(): TempContent {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-translations-'));
  const content = path.join(root, 'content');
  fs.cpSync(FIXTURE, content, { recursive: true });
  vi.stubEnv('HERITAGE_CONTENT_DIR', content);
  vi.stubEnv('HERITAGE_BUILD_DIR', path.join(root, 'build'));
  return {
    root,
    content,
    ingest() {
      const r = ingestAll(content);
      if (r.problems.count) throw new Error(r.problems.list.map((p) => formatProblem(p)).join('\n'));
      publishRecords(r, recordsDir());
    },
    cleanup() {
      vi.unstubAllEnvs();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Fills `msgstr ""` of the given msgids in a PO file, as a translator does in Poedit or Lokalize. */
export function fillPo(po: string, targets: Record<string, string>): string {
  let out = po;
  for (const [source, target] of Object.entries(targets)) {
    const entry = `msgid ${JSON.stringify(source)}\nmsgstr ""`;
    if (!out.includes(entry)) throw new Error(`no empty PO entry for ${source}`);
    out = out.replace(entry, `msgid ${JSON.stringify(source)}\nmsgstr ${JSON.stringify(target)}`);
  }
  return out;
}
