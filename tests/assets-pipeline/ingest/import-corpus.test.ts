// Real-export shapes (tests/fixtures/import/): an English-only Western catalogue, the same without a chronology,
// and a French-only catalogue of Chinese objects. Expected years follow the dating conventions written in
// assets-pipeline/ingest/dates.ts; expected period labels are those of model/chronologies/*.yaml.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const ROOT = path.resolve('tests/fixtures/import');
const result = ingestAll(ROOT);
const byId = (coll: string) => new Map((result.artifacts.get(coll) ?? []).map((a) => [a.id, a]));
const warnings = result.problems.warnings.map((p) => formatProblem(p, ROOT));
const errors = result.problems.list.map((p) => formatProblem(p, ROOT));

describe('Western catalogue with a chronology it names', () => {
  const w = byId('western');
  it('derives Western centuries, never a Chinese dynasty', () => {
    expect(w.get('W-1')!.period).toEqual({ zh: '19世纪', en: '19th century', fr: 'XIXe siècle' });
    expect(w.get('W-3')!.period?.en).toBe('18th century');
  });
  it('reads English datings', () => {
    expect(w.get('W-2')!.date).toMatchObject({ from: 1830, to: 1841 });
    expect(w.get('W-3')!.date).toMatchObject({ from: 1767, to: 1799 });
    expect(w.get('W-6')!.date).toMatchObject({ from: 1828, to: 1829 });
  });
  it('"date not known" is no date and no problem', () => {
    expect(w.get('W-4')!.date?.from).toBeUndefined();
    expect(w.get('W-4')!.period).toBeUndefined();
    expect([...warnings, ...errors].filter((m) => m.includes('western/records.csv:5:'))).toEqual([]);
  });
  it('unreadable text is a warning, kept as written, with no year', () => {
    expect(w.get('W-5')!.date).toEqual({ display: { en: 'spring of that year' } });
    expect(warnings).toContain('collections/western/records.csv:6:date.years: cannot read a date from "spring of that year": shown as written, with no years');
  });
});

describe('Western catalogue without a chronology', () => {
  const p = byId('western-plain');
  it('derives nothing', () => {
    expect(p.get('P-1')!.period).toBeUndefined();
  });
  it('reads years from a start and an end column and writes them out per language', () => {
    expect(p.get('P-1')!.date).toEqual({ from: 1851, to: 1852, display: { zh: '1851年 – 1852年', en: '1851 – 1852', fr: '1851 – 1852' } });
    expect(p.get('P-2')!.date).toMatchObject({ from: 1860, to: 1860 });
  });
  it('a start after its end is a warning, not a guess', () => {
    expect(p.get('P-3')!.date?.from).toBeUndefined();
    expect(warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/western-plain\/records\.csv:4:date\.years: cannot read a date from "1870 – 1860"/)]),
    );
  });
});

describe('French catalogue of Chinese objects', () => {
  const c = byId('fr-chine');
  const qing = { zh: '清', en: 'Qing dynasty', fr: 'dynastie Qing' };
  it('reads French centuries with parts, BCE/CE and reign names', () => {
    expect(c.get('C-1')!.date).toEqual({ from: 1700, to: 1799, display: { fr: '18e siècle' } });
    expect(c.get('C-2')!.date).toMatchObject({ from: 1700, to: 1749 });
    expect(c.get('C-3')!.date).toMatchObject({ from: -206, to: 220 });
    expect(c.get('C-4')!.date).toEqual({ from: 1736, to: 1795, display: { zh: '乾隆年间' } });
  });
  it('reconciles source period labels to one period', () => {
    expect(c.get('C-1')!.period).toEqual(qing);
    expect(c.get('C-2')!.period).toEqual(qing);
    expect(c.get('C-4')!.period).toEqual(qing);
    expect(c.get('C-3')!.period).toEqual({ zh: '汉', en: 'Han dynasty', fr: 'dynastie Han' });
  });
  it('lists an unmatched label once, with its count, and keeps it as written', () => {
    expect(c.get('C-5')!.period).toEqual({ fr: 'Époque des Royaumes imaginaires' });
    expect(warnings.filter((m) => m.includes('Royaumes imaginaires'))).toEqual([
      'collections/fr-chine/records.jsonl:5:period: period label "Époque des Royaumes imaginaires" matches no period of chinese-dynasties (2 records): shown as written, not reconciled',
    ]);
  });
});

it('the corpus has no errors', () => {
  expect(errors).toEqual([]);
});

describe('nested export: paths into arrays of objects', () => {
  const n = byId('nested').get('N-1')!;
  it('reaches list items with a filter and pairs names with roles by index', () => {
    expect(n.makers).toEqual([
      { name: { en: 'Maker A' }, role: { en: 'attributed to' } },
      { name: { en: 'Maker C' }, role: { en: 'attributed to' } },
    ]);
  });
  it('zips parallel lists by index into a repeatable field', () => {
    // Only the source's languages: the glossary may add others (content/translations workflow).
    expect(n.materials.map(({ en, fr }) => ({ en, fr }))).toEqual([
      { en: 'stoneware', fr: 'grès' },
      { en: 'glaze', fr: 'glaçure' },
    ]);
  });
  it('reads a JSONPath query', () => {
    expect(n.identifiers).toEqual([{ scheme: 'accession', value: '1901.12' }]);
  });
  it('keeps one value of a single-valued field and says which it did not publish', () => {
    expect(n.objectType?.en).toBe('bowl');
    expect(warnings).toContain('collections/nested/records.jsonl:1:objectType: 2 values; this field holds one: "bowl" kept, "tea bowl" not published');
  });
});

describe('templates in every text field', () => {
  const t = byId('templates');
  it('joins columns through a template in each language', () => {
    expect(t.get('T-1')!.description).toEqual({ en: 'Ink on silk', fr: 'Encre sur soie' });
    expect(t.get('T-1')!.notes).toEqual({ en: 'Inscribed: A poem' });
  });
  it('a template that yields nothing for a record is a warning, and no value', () => {
    expect(t.get('T-2')!.description).toBeUndefined();
    expect(t.get('T-2')!.notes).toBeUndefined();
    expect(warnings).toContain('collections/templates/records.csv:3:notes: template (en) yields nothing for this record: none of its placeholders has a value');
  });
});
