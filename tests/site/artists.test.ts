// A maker the sources spell in several ways is one artist in browsing (content/artists.yaml): the Met writes
// 馬和之 "Ma He Zhi" and "Ma Hezhi", and the Artist facet listed them as two painters. Expected records come from
// the collection's own source file; a spelling the list lacks is a warning at its row and field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { artists } from '../../assets-pipeline/ingest/content-types/artists.ts';
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { toCard } from '../../formats/pages/card.ts';
import { UnreconciledTally } from '../../assets-pipeline/ingest/unreconciled.ts';
import { facetValues } from '../../site/lib/facets.ts';
import { realArtifacts } from '../assets-pipeline/search/real-records.ts';

const source = fs
  .readFileSync('content/collections/chinese-paintings/records.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { id: string; artist?: { zh?: string | null; en?: string | null } });
const curated = parse(fs.readFileSync('content/artists.yaml', 'utf8')) as { id: string; name: Record<string, string>; spellings: string[] }[];
const maHezhi = curated.find((a) => a.id === 'ma-hezhi')!;

it('lists every spelling of a curated artist as the one artist, under its curated names', () => {
  const cards = realArtifacts().map(toCard);
  const makers = facetValues('maker', cards);
  const bySource = source.filter((r) => r.artist?.zh?.trim() === '馬和之').map((r) => r.id);
  // Both spellings are in the data, and they are one value.
  expect(new Set(source.filter((r) => r.artist?.zh?.trim() === '馬和之').map((r) => r.artist?.en?.trim()))).toEqual(new Set(['Ma He Zhi', 'Ma Hezhi']));
  const value = makers.find((v) => v.key === 'ma-hezhi')!;
  expect(value.label).toEqual(maHezhi.name);
  expect(value.items.length).toBe(bySource.length);
  expect(makers.filter((v) => /^ma-?he-?zhi$/.test(v.key)).map((v) => v.key)).toEqual(['ma-hezhi']);
  // The museum's attribution stays its own.
  expect(makers.some((v) => v.key === 'ma-hezhi-attributed-to')).toBe(true);
});

it('warns of a spelling the list lacks, at its row and field', () => {
  const tally = new UnreconciledTally();
  const maker = (en: string) => ({ makers: [{ name: { zh: '馬和之', en } }], materials: [], places: [] });
  tally.add(maker('Ma Hezhi'), 3);
  tally.add(maker('Ma He-zhi'), 7);
  tally.add(maker('Ma He-zhi'), 9);
  const warnings = tally.warnings();
  expect(warnings.map(([row, field]) => [row, field])).toEqual([[7, 'makers']]);
  expect(warnings[0]![2]).toContain('"Ma He-zhi" (2 records');
  expect(warnings[0]![2]).toContain('ma-hezhi');
});

it('checks the list like other content: a malformed entry is a problem at its file, line and field', () => {
  expect(checkContentType(artists, path.resolve('content')).problems).toEqual([]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'artists-'));
  fs.writeFileSync(
    path.join(dir, 'artists.yaml'),
    [
      '- id: ok',
      '  name: { zh: 甲, en: Jia, fr: Jia }',
      '  source: a catalogue',
      '- id: Not An Id',
      '  name: { zh: 乙, en: Yi, fr: Yi }',
      '  source: a catalogue',
      '- id: no-french',
      '  name: { zh: 丙, en: Bing }',
      '  source: a catalogue',
      '',
    ].join('\n'),
  );
  const { records, problems } = checkContentType(artists, dir);
  expect(records.map((a) => a.id)).toEqual(['ok']);
  expect(problems.map((p) => formatProblem(p, dir).replace(/: .*$/, ''))).toEqual(['artists.yaml:4:id', 'artists.yaml:8:name.fr']);
  fs.rmSync(dir, { recursive: true });
});
