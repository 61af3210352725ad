// Real-export shapes (tests/fixtures/import/): an English-only Western catalogue, the same without a chronology,
// and a French-only catalogue of Chinese objects. Expected years follow the dating conventions written in
// assets-pipeline/ingest/dates.ts; expected period labels are those of model/chronologies/*.yaml.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { CSV_COLUMNS, csvRow } from '../../../assets-pipeline/open-data/downloads.ts';
import { artifactJsonLd } from '../../../formats/json-ld.ts';

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
  it('a display date in the English column with no words is in no language: every locale shows it', () => {
    expect(w.get('W-1')!.date?.display).toEqual({ zh: '1851年', en: '1851', fr: '1851' });
    expect(w.get('W-6')!.date?.display).toEqual({ zh: '1828年 – 1829年', en: '1828–9', fr: '1828 – 1829' });
    expect(w.get('W-3')!.date?.display).toEqual({ en: 'late 18th century' });
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

describe('Western catalogue: the fields museums export beyond the basics', () => {
  const w = byId('western');
  it('keeps every object name, subject, movement, classification and provenance entry, in source order', () => {
    const a = w.get('W-1')!;
    expect(a.objectType?.en).toBe('painting');
    expect(a.otherObjectTypes).toEqual([{ en: 'oil sketch' }]);
    expect(a.classifications).toEqual([{ en: 'Paintings' }]);
    expect(a.subjects).toEqual([{ en: 'landscape' }, { en: 'mill' }, { en: 'river' }]);
    expect(a.movements).toEqual([{ en: 'Romanticism' }]);
    expect(w.get('W-2')!.movements).toEqual([{ en: 'Romanticism' }, { en: 'Realism' }]);
    expect(a.provenance).toEqual([{ en: 'Sold by the artist to John Smith, 1852' }, { en: 'Bequeathed by Mary Smith, 1901' }]);
    expect(warnings.filter((m) => m.includes('western/records.csv:2:'))).toEqual([]);
  });
  it('reads acquisition method, source and year (from a date or a year)', () => {
    expect(w.get('W-1')!.acquisition).toEqual({ method: { en: 'bequest' }, source: { en: 'Mary Smith' }, year: 1901 });
    expect(w.get('W-2')!.acquisition).toEqual({ method: { en: 'purchase' }, source: { en: 'Dealer & Co.' }, year: 1923 });
  });
  it('reads dimensions from number columns with a literal type and unit', () => {
    expect(w.get('W-1')!.measurements).toEqual([
      { kind: 'height', value: 40.5, unit: 'cm' },
      { kind: 'width', value: 55, unit: 'cm' },
    ]);
  });
  it('a value it cannot read is a warning and is not published; the rest of the record is', () => {
    const a = w.get('W-3')!;
    expect(a.acquisition).toEqual({ method: { en: 'gift' } });
    expect(a.measurements).toBeUndefined();
    expect(warnings).toContain('collections/western/records.csv:4:acquisition.year: cannot read a year from "in the 1950s": no year published');
    expect(warnings).toContain('collections/western/records.csv:4:measurements.0: cannot read a number from "about 30": measurement not published');
  });
  it('an empty cell is no value, with no warning', () => {
    const a = w.get('W-6')!;
    for (const f of ['otherObjectTypes', 'classifications', 'subjects', 'movements', 'provenance', 'acquisition', 'measurements'] as const)
      expect(a[f]).toBeUndefined();
    expect(warnings.filter((m) => m.includes('western/records.csv:7:'))).toEqual([]);
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
      'collections/fr-chine/records.jsonl:5:period: period label "Époque des Royaumes imaginaires" matches no period of chinese-dynasties (2 records, the first at this row): shown on the record page, left out of browsing',
    ]);
  });
});

describe('French catalogue: nested structured fields', () => {
  const c = byId('fr-chine');
  it('keeps several object names, and the first one takes its vocabulary labels', () => {
    const a = c.get('C-1')!;
    expect(a.objectType?.fr).toBe('Théière');
    expect(a.otherObjectTypes).toEqual([{ fr: 'Verseuse' }]);
    expect(a.classifications).toEqual([{ fr: 'Céramique' }]);
    expect(a.subjects).toEqual([{ fr: 'thé' }, { fr: 'fleurs de prunus' }]);
    expect(a.provenance).toEqual([{ fr: 'Collection Paul Durand, Paris' }, { fr: 'Vente Drouot, 1898' }]);
    expect(a.acquisition).toEqual({ method: { fr: 'don' }, source: { fr: 'Mme Durand' }, year: 1901 });
  });
  it('zips [{type, value, unit}] by index; French decimals and measurement names are read, other names kept', () => {
    expect(c.get('C-1')!.measurements).toEqual([
      { kind: 'height', value: 12.5, unit: 'cm' },
      { kind: 'diameter', value: 8, unit: 'cm' },
      { label: { fr: 'hauteur avec couvercle' }, value: 15, unit: 'cm' },
    ]);
  });
  it('an unreadable value drops that measurement only, with a warning', () => {
    expect(c.get('C-2')!.measurements).toEqual([{ kind: 'diameter', value: 15, unit: 'cm' }]);
    expect(warnings).toContain('collections/fr-chine/records.jsonl:2:measurements.0: cannot read a number from "env. 7": measurement not published');
    expect(warnings).toContain('collections/fr-chine/records.jsonl:2:acquisition.year: cannot read a year from "vers 1920": no year published');
  });
  it('keeps several periods, reconciled, each once', () => {
    const a = c.get('C-7')!;
    expect(a.period).toEqual({ zh: '明', en: 'Ming dynasty', fr: 'dynastie Ming' });
    expect(a.otherPeriods).toEqual([{ zh: '清', en: 'Qing dynasty', fr: 'dynastie Qing' }]);
    expect(warnings.filter((m) => m.includes('fr-chine/records.jsonl:7:'))).toEqual([]);
  });
});

describe('the new fields as published: JSON-LD and the CSV download', () => {
  const c1 = byId('fr-chine').get('C-1')!;
  it('JSON-LD: schema.org height as a quantity, keywords, classification, every object name', () => {
    const ld = artifactJsonLd(c1, { collection: { id: 'fr-chine', title: { fr: 'Objets chinois' } }, origin: 'https://m.example' });
    expect(ld.height).toEqual({ '@type': 'QuantitativeValue', value: 12.5, unitText: 'cm' });
    expect(ld.width).toBeUndefined();
    expect(ld.keywords).toEqual([
      { '@value': 'thé', '@language': 'fr' },
      { '@value': 'fleurs de prunus', '@language': 'fr' },
    ]);
    expect(ld.additionalType).toEqual([{ '@value': 'Céramique', '@language': 'fr' }]);
    expect(ld.artform).toEqual(
      expect.arrayContaining([
        { '@value': 'Théière', '@language': 'fr' },
        { '@value': 'Verseuse', '@language': 'fr' },
      ]),
    );
  });
  it('CSV: a column per field and language, several values joined', () => {
    const row = Object.fromEntries(CSV_COLUMNS.map((k, i) => [k, csvRow(c1, undefined, 'https://m.example')[i]]));
    expect(row.measurements).toBe('height 12.5 cm; diameter 8 cm; hauteur avec couvercle 15 cm');
    expect(row.subjects_fr).toBe('thé; fleurs de prunus');
    expect(row.classification_fr).toBe('Céramique');
    expect(row.provenance_fr).toBe('Collection Paul Durand, Paris; Vente Drouot, 1898');
    expect([row.acquisition_method_fr, row.acquisition_source_fr, row.acquisition_year]).toEqual(['don', 'Mme Durand', '1901']);
    expect(row.object_type_fr).toBe('Théière; Verseuse');
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
  it('keeps every object name: the first as the object type, the others after it', () => {
    expect(n.objectType?.en).toBe('bowl');
    expect(n.otherObjectTypes).toEqual([{ en: 'tea bowl' }]);
    expect(warnings.filter((m) => m.includes('nested/records.jsonl:1:objectType'))).toEqual([]);
  });
});

describe('templates in every text field', () => {
  const t = byId('templates');
  it('joins columns through a template in each language', () => {
    expect(t.get('T-1')!.description).toEqual({ en: 'Ink on silk', fr: 'Encre sur soie' });
    expect(t.get('T-1')!.notes).toEqual({ en: 'Inscribed: A poem' });
  });
  it("a template's pieces keep their languages: a French column and a French literal in the English credit", () => {
    const t1 = t.get('T-1')!;
    expect(t1.credit).toEqual({ en: 'Paysage (Musée de test), Landscape', zh: '〈Paysage〉Musée de test藏' });
    expect(t1.creditParts).toEqual({
      en: [
        { text: 'Paysage', lang: 'fr' },
        { text: ' (', lang: 'en' },
        { text: 'Musée de test', lang: 'fr' },
        { text: '), Landscape', lang: 'en' },
      ],
      zh: [
        { text: '〈', lang: 'zh' },
        { text: 'Paysage', lang: 'fr' },
        { text: '〉', lang: 'zh' },
        { text: 'Musée de test', lang: 'fr' },
        { text: '藏', lang: 'zh' },
      ],
    });
  });
  it('a template that yields nothing for a record is a warning, and no value', () => {
    expect(t.get('T-2')!.description).toBeUndefined();
    expect(t.get('T-2')!.notes).toBeUndefined();
    expect(warnings).toContain('collections/templates/records.csv:3:notes: template (en) yields nothing for this record: none of its placeholders has a value');
  });
});

describe('credits naming the title, after translations merge', () => {
  const c = byId('credits');
  it("each locale's credit has the title a translator gave in that locale, with no foreign part", () => {
    const k1 = c.get('K-1')!;
    expect(k1.title).toEqual({ zh: '青玉杯', en: 'Green jade cup', fr: 'Coupe en jade vert' });
    expect(k1.credit).toEqual({ zh: '〈青玉杯〉测试馆藏', en: '[Green jade cup] Test Museum', fr: '[Coupe en jade vert] Musée de test' });
    expect(k1.creditParts).toBeUndefined();
  });
  it('where no translation exists, the Chinese title stays, marked as Chinese', () => {
    const k2 = c.get('K-2')!;
    expect(k2.credit).toEqual({ zh: '〈白玉碗〉测试馆藏', en: '[白玉碗] Test Museum', fr: '[白玉碗] Musée de test' });
    expect(k2.creditParts).toEqual({
      en: [
        { text: '[', lang: 'en' },
        { text: '白玉碗', lang: 'zh' },
        { text: '] Test Museum', lang: 'en' },
      ],
      fr: [
        { text: '[', lang: 'fr' },
        { text: '白玉碗', lang: 'zh' },
        { text: '] Musée de test', lang: 'fr' },
      ],
    });
  });
});
