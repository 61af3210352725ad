// Translation overlays: `content/translations/<locale>/<collection>.json`, written by `translations import`
// and merged by ingest. They sit beside the curator's export and never change it: re-exporting the source
// data from the museum's database keeps every translation.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { contentDir } from '../../model/paths.ts';

export const overlayState = z.enum(['translated', 'reviewed', 'needs-review']);
export type OverlayState = z.infer<typeof overlayState>;

export const overlayUnit = z.object({
  id: z.string().min(1),
  field: z.string().min(1),
  sourceLang: z.enum(LOCALES),
  /** The text translated, as it was when translated: a record whose text differs now is "stale". */
  source: z.string(),
  target: z.string().min(1),
  state: overlayState,
  translator: z.string().min(1),
  /** The records this text was translated for (the same text in another record is translated too). */
  records: z.array(z.string()),
});
export type OverlayUnit = z.infer<typeof overlayUnit>;

export const overlayFile = z.object({ locale: z.enum(LOCALES), collection: z.string().min(1), units: z.array(overlayUnit) });
export type OverlayFile = z.infer<typeof overlayFile>;

export const translationsDir = (root = contentDir()): string => path.join(root, 'translations');
export const overlayPath = (locale: Locale, collection: string, root = contentDir()): string => path.join(translationsDir(root), locale, `${collection}.json`);

/** A unit is named by its field, source language and source text: the same text is one unit wherever it
 * occurs, and a changed source text is a new unit. */
export function unitId(field: string, sourceLang: Locale, source: string): string {
  return `${field}.${crypto.createHash('sha256').update(`${sourceLang}\n${source}`).digest('hex').slice(0, 12)}`;
}

export type OverlayRead = { ok: true; overlay: OverlayFile } | { ok: false; message: string };

export function readOverlay(file: string): OverlayRead | undefined {
  if (!fs.existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
  const parsed = overlayFile.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, message: `${i.path.join('.') || '-'}: ${i.message}` };
  }
  return { ok: true, overlay: parsed.data };
}

/** One unit a line: a re-import changes only the lines of the units it changed, so overlays diff well. */
export function writeOverlay(file: string, overlay: OverlayFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const units = [...overlay.units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = `{"locale":${JSON.stringify(overlay.locale)},"collection":${JSON.stringify(overlay.collection)},"units":[\n${units.map((u) => JSON.stringify(u)).join(',\n')}\n]}\n`;
  writeFileAtomic.sync(file, body);
}

/** Overlay files for one collection, per locale, that exist. */
export function overlayFilesFor(collection: string, root = contentDir()): { locale: Locale; file: string }[] {
  return LOCALES.map((locale) => ({ locale, file: overlayPath(locale, collection, root) })).filter((o) => fs.existsSync(o.file));
}

/** What ingest's reuse key needs of a collection's overlays: a changed translation re-reads the collection. */
export function overlaysKey(collection: string, root = contentDir()): string {
  return overlayFilesFor(collection, root)
    .map(({ file }) => {
      const st = fs.statSync(file);
      return `${file}|${st.size}|${st.mtimeMs}`;
    })
    .join('\n');
}
