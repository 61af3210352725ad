// A tiny fixture mapper from the shared real data to Stored<Artifact> (the importer's collection mappings
// are the lead's; this keeps the search tests independent of them).
import fs from 'node:fs';
import { artifact, type Artifact, type Stored } from '../../../model/schema.ts';

const DATA = '/work/shared/data';
const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    // biome-ignore lint/suspicious/noExplicitAny: two differently shaped source files, read loosely on purpose.
    .map((l) => JSON.parse(l) as Record<string, any>);
const clean = (m: Record<string, unknown> | undefined) => {
  const out: Record<string, string> = {};
  for (const l of ['zh', 'en', 'fr']) if (typeof m?.[l] === 'string' && (m[l] as string).trim()) out[l] = (m[l] as string).trim();
  return Object.keys(out).length ? out : undefined;
};
const id = (raw: string) => raw.replace(/[^\p{L}\p{N}._-]+/gu, '-');

export function realArtifacts(): Stored<Artifact>[] {
  const out: Stored<Artifact>[] = [];
  for (const r of lines(`${DATA}/chinese-paintings/records.jsonl`)) {
    const title = clean(r.title) ?? { en: r.id };
    const maker = clean(r.artist);
    const parsed = artifact.parse({
      type: 'artifact',
      id: id(r.id),
      collection: 'chinese-paintings',
      sourceId: r.id,
      title,
      rights: r.source === 'npm' ? 'https://creativecommons.org/licenses/by/4.0/' : 'https://creativecommons.org/publicdomain/zero/1.0/',
      credit: clean(r.museum) ?? { en: 'museum' },
      makers: maker ? [{ name: maker }] : [],
      objectType: { en: 'painting', zh: '画' },
      materials: [{ en: 'ink on silk' }],
    });
    out.push({ ...parsed, hash: r.id });
  }
  for (const r of lines(`${DATA}/npm-jades/records.jsonl`)) {
    const year = Number.parseInt(String(r.date), 10);
    const parsed = artifact.parse({
      type: 'artifact',
      id: id(r.id),
      collection: 'npm-jades',
      sourceId: r.id,
      title: clean(r.label)!,
      rights: 'https://creativecommons.org/licenses/by/4.0/',
      credit: clean(r.museum)!,
      objectType: clean(r.object_type),
      materials: [{ en: 'jade', zh: '玉' }],
      period: { en: 'Qing dynasty', zh: '清' },
      date: Number.isFinite(year) ? { from: year, to: year } : undefined,
      culture: { en: String(r.cultural_context) },
      notes: { en: String(r.notes) },
      media: r.images?.thumbnail ? [{ kind: 'image', path: r.images.thumbnail }] : [],
    });
    out.push({ ...parsed, hash: r.id });
  }
  return out;
}
