// `heritage translations <export|import|status|tmx-export|tmx-import>`: the translation workflow. Each
// command first brings the normalized records up to date (ingest, which skips unchanged collections), so
// it always works on what the next build would publish.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { artifactCount, ingestAll, publishRecords } from '../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { writeCsv } from '../../assets-pipeline/translations/csv.ts';
import { importTranslations } from '../../assets-pipeline/translations/import.ts';
import { overlayState, type OverlayState } from '../../assets-pipeline/translations/overlay.ts';
import { formatStatus, translationStatus } from '../../assets-pipeline/translations/status.ts';
import { collectUnits } from '../../assets-pipeline/translations/units.ts';
import { writeTmx } from '../../assets-pipeline/translations/tmx.ts';
import { writeXliff } from '../../assets-pipeline/translations/xliff.ts';
import { isLocale, type Locale } from '../../model/locales.ts';
import { recordsDir } from '../../model/paths.ts';

const USAGE = `usage: npm run heritage -- translations <command>
  export --locale fr [--collection SLUG…] [--format xliff|csv] [--out FILE]
  import FILE --translator "NAME" [--locale fr] [--state translated|reviewed|needs-review]
  status [--json]
  tmx-export [--out FILE]       translation memory (every translation + the glossary) as TMX 1.4
  (import also reads a .tmx memory: its segments fill the units whose source text they match)`;

/** Progress and problems go to stderr: `status --json` and `export` without --out write only data to stdout. */
function refreshRecords(): boolean {
  const result = ingestAll(undefined, { reuseFrom: recordsDir() });
  for (const p of result.problems.list) console.error(formatProblem(p));
  if (result.problems.count) {
    console.error(`✗ ${result.problems.count} problem(s) in the source data: fix them first (npm run heritage -- validate)`);
    return false;
  }
  publishRecords(result);
  console.error(`records up to date: ${result.collections.length} collections, ${artifactCount(result)} artifacts`);
  return true;
}

/** heritage.ts calls process.exit when a command returns, which drops what a pipe has not taken yet:
 * large outputs (a 150k-unit export, the status JSON) wait until stdout has them. */
function writeOut(text: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(text, (err) => (err ? reject(err) : resolve())));
}

function localeArg(value: string | undefined): Locale | undefined | 'bad' {
  if (value === undefined) return undefined;
  return isLocale(value) ? value : 'bad';
}

async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      locale: { type: 'string' },
      collection: { type: 'string', multiple: true },
      format: { type: 'string', default: 'xliff' },
      out: { type: 'string' },
    },
  });
  const locale = localeArg(values.locale);
  if (!locale || locale === 'bad' || !['xliff', 'csv'].includes(values.format ?? '')) {
    console.error(USAGE);
    return 2;
  }
  if (!refreshRecords()) return 1;
  const started = performance.now();
  const units = await collectUnits(locale, values.collection ? { collections: values.collection } : {});
  const body = values.format === 'csv' ? writeCsv(units.values(), locale) : writeXliff(units.values(), locale);
  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, body);
  } else await writeOut(body);
  const open = [...units.values()].filter((u) => u.target === undefined || u.open > 0).length;
  console.error(
    `exported ${units.size} units for ${locale} (${open} untranslated) as ${values.format}${values.out ? ` to ${values.out}` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { locale: { type: 'string' }, translator: { type: 'string' }, state: { type: 'string' } },
  });
  const locale = localeArg(values.locale);
  const state = values.state === undefined ? undefined : overlayState.safeParse(values.state).data;
  if (positionals.length !== 1 || locale === 'bad' || !values.translator?.trim() || (values.state !== undefined && !state)) {
    console.error(`${USAGE}\n(--translator credits the translation on the page, e.g. "Jane Doe" or "machine-assisted, not reviewed")`);
    return 2;
  }
  const file = positionals[0]!;
  if (!fs.existsSync(file)) {
    console.error(`${file}: no such file`);
    return 2;
  }
  if (!refreshRecords()) return 1;
  const r = await importTranslations(file, {
    translator: values.translator.trim(),
    ...(locale ? { locale } : {}),
    ...(state ? { state: state as OverlayState } : {}),
  });
  for (const e of r.errors) console.error(e);
  if (r.errors.length) {
    console.error(`✗ ${r.errors.length} problem(s); no translation was written.`);
    return 1;
  }
  console.log(
    `✓ ${r.imported} ${r.locale} translations imported (${r.skippedEmpty} left empty, ${r.unchanged} unchanged) into ${r.files.map((f) => path.relative(process.cwd(), f)).join(', ') || 'no file'}`,
  );
  // The next ingest, build, status or export merges them (each brings the records up to date first).
  return 0;
}

async function statusCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
  if (!refreshRecords()) return 1;
  const s = await translationStatus();
  await writeOut(`${values.json ? JSON.stringify(s, null, 1) : formatStatus(s)}\n`);
  return 0;
}

async function tmxExportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const { tmx, entries } = writeTmx();
  if (values.out) fs.writeFileSync(values.out, tmx);
  else await writeOut(tmx);
  console.error(`translation memory: ${entries} entries (translations and glossary)${values.out ? ` written to ${values.out}` : ''}`);
  return 0;
}

const SUB: Record<string, (args: string[]) => Promise<number>> = {
  export: exportCommand,
  import: importCommand,
  status: statusCommand,
  'tmx-export': tmxExportCommand,
};

export function translationsCommand(args: string[]): Promise<number> | number {
  const [sub, ...rest] = args;
  const run = sub ? SUB[sub] : undefined;
  if (!run) {
    console.error(USAGE);
    return 2;
  }
  return run(rest);
}
