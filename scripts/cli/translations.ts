// `heritage translations <export|import|status|tmx-export|tmx-import>`: the translation workflow. Each
// command first brings the normalized records up to date (ingest, which skips unchanged collections), so
// it always works on what the next build would publish.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { artifactCount, ingestAll, publishRecords } from '../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { writeCsv } from '../../assets-pipeline/translations/csv.ts';
import { importTranslations } from '../../assets-pipeline/translations/import.ts';
import type { ParsedFile } from '../../assets-pipeline/translations/import-types.ts';
import { overlayState, type OverlayState } from '../../assets-pipeline/translations/overlay.ts';
import { formatStatus, translationStatus } from '../../formats/translations/status.ts';
import { collectUnits } from '../../assets-pipeline/translations/units.ts';
import { writeTmx } from '../../assets-pipeline/translations/tmx.ts';
import { importSubtitles, isSubtitleFile } from '../../assets-pipeline/translations/subtitle-import.ts';
import { episodeTracks, readFilms, writeSubtitleXliff } from '../../assets-pipeline/translations/subtitle-units.ts';
import { readXliff, xliffChunks } from '../../assets-pipeline/translations/xliff.ts';
import { languageTag } from '../../model/drama.ts';
import { isLocale, type Locale } from '../../model/locales.ts';
import { contentDir, recordsDir } from '../../model/paths.ts';

const USAGE = `usage: npm run heritage -- translations <command>
  export --locale fr [--collection SLUG…] [--format xliff|csv] [--out FILE]
  export --film SLUG [--episode ID] [--from LANG] --locale fr|zh-Hans|… [--out FILE]
                                a film's subtitle cues as XLIFF (timing as context); import makes the track
  import FILE --translator "NAME" [--locale fr] [--state translated|reviewed|needs-review]
  status [--json]
  tmx-export [--out FILE]       translation memory (every translation + the glossary) as TMX 1.4
  (import also reads a .tmx memory: its segments fill the units whose source text they match)`;

/** Progress and problems go to stderr: `status --json` and `export` without --out write only data to stdout. */
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

function refreshRecords(): boolean {
  const started = performance.now();
  const result = ingestAll(undefined, { reuseFrom: recordsDir() });
  for (const p of result.problems.list) console.error(formatProblem(p));
  if (result.problems.count) {
    console.error(`✗ ${result.problems.count} problem(s) in the source data: fix them first (npm run heritage -- validate)`);
    return false;
  }
  publishRecords(result);
  // Which collections were read again is what makes this step slow or instant: it is said.
  console.error(
    `records up to date: ${result.collections.length} collections (${result.unchanged.size} unchanged, not read again), ${artifactCount(result)} artifacts, in ${seconds(started)}`,
  );
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
      film: { type: 'string' },
      episode: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (values.film) return exportSubtitles(values.film, values);
  const locale = localeArg(values.locale);
  if (!locale || locale === 'bad' || !['xliff', 'csv'].includes(values.format ?? '')) {
    console.error(USAGE);
    return 2;
  }
  if (!refreshRecords()) return 1;
  const started = performance.now();
  const units = await collectUnits(locale, values.collection ? { collections: values.collection } : {});
  const collected = performance.now();
  const chunks = values.format === 'csv' ? [writeCsv(units.values(), locale)] : xliffChunks(units.values(), locale);
  if (values.out) fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
  // The XLIFF goes out as it is made: a 150k-unit file is never one string in memory.
  await pipeline(Readable.from(chunks), values.out ? fs.createWriteStream(values.out) : process.stdout, { end: !!values.out });
  if (!values.out) await writeOut('');
  console.error(`units gathered in ${((collected - started) / 1000).toFixed(1)} s, written as ${values.format} in ${seconds(collected)}`);
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
  // Read once (a 150k-unit XLIFF takes a while): the units say whether it holds record texts or subtitle cues.
  const readStarted = performance.now();
  const parsed = /\.(xlf|xliff)$/i.test(file) ? readXliff(file) : undefined;
  const readSeconds = (performance.now() - readStarted) / 1000;
  if (parsed && isSubtitleFile(parsed.units)) return importSubtitleTrack(file, values.translator.trim(), values.locale, parsed);
  if (!refreshRecords()) return 1;
  const started = performance.now();
  const r = await importTranslations(file, {
    translator: values.translator.trim(),
    ...(locale ? { locale } : {}),
    ...(state ? { state: state as OverlayState } : {}),
    ...(parsed ? { parsed } : {}),
  });
  for (const e of r.errors) console.error(e);
  if (r.errors.length) {
    console.error(`✗ ${r.errors.length} problem(s); no translation was written.`);
    return 1;
  }
  console.log(
    `✓ ${r.imported} ${r.locale} translations imported (${r.skippedEmpty} left empty, ${r.unchanged} unchanged) into ${r.files.map((f) => path.relative(process.cwd(), f)).join(', ') || 'no file'} in ${seconds(started)}`,
  );
  if (r.timings)
    console.error(
      `  read the file in ${(parsed ? readSeconds : r.timings.read).toFixed(1)} s, gathered the units in ${r.timings.units.toFixed(1)} s, checked and wrote in ${r.timings.write.toFixed(1)} s`,
    );
  // The next ingest, build, status or export merges them (each brings the records up to date first).
  return 0;
}

interface SubtitleExportArgs {
  locale?: string | undefined;
  episode?: string | undefined;
  from?: string | undefined;
  out?: string | undefined;
}

// Subtitles are read from content/ (a film's tracks are not records): no record refresh first.
async function exportSubtitles(filmId: string, values: SubtitleExportArgs): Promise<number> {
  const lang = values.locale;
  if (!lang || !languageTag.safeParse(lang).success) {
    console.error(`${USAGE}\n(--locale is the new track's language as a BCP 47 tag: fr, en, zh-Hans…)`);
    return 2;
  }
  const { films, problems } = readFilms();
  const film = films.find((f) => f.id === filmId);
  if (!film) {
    for (const p of problems) console.error(p);
    console.error(`no film "${filmId}" in content/dramas (films: ${films.map((f) => f.id).join(', ')})`);
    return 1;
  }
  const { tracks, errors } = episodeTracks(film, contentDir(), {
    target: lang,
    ...(values.episode ? { episode: values.episode } : {}),
    ...(values.from ? { from: values.from } : {}),
  });
  for (const e of errors) console.error(e);
  if (errors.length || !tracks.length) return 1;
  const { xliff, units, translated } = writeSubtitleXliff(tracks, lang);
  if (values.out) {
    fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    fs.writeFileSync(values.out, xliff);
  } else await writeOut(xliff);
  console.error(
    `exported ${units} cues of ${tracks.length} episode(s) of ${filmId} for ${lang} (${units - translated} untranslated)${values.out ? ` to ${values.out}` : ''}`,
  );
  return 0;
}

function importSubtitleTrack(file: string, translator: string, lang: string | undefined, parsed: ParsedFile): number {
  const r = importSubtitles(file, { translator, parsed, ...(lang ? { lang } : {}) });
  for (const w of r.warnings) console.error(w);
  for (const e of r.errors) console.error(e);
  if (r.errors.length) {
    console.error(`✗ ${r.errors.length} problem(s); no subtitle track was written.`);
    return 1;
  }
  console.log(`✓ ${r.cues} ${r.lang} cues imported into ${r.tracks.join(', ')} (${r.warnings.length} QC warning(s)); listed in drama.yaml`);
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
