// The translation workflow end to end at the record level: export, a CAT tool round trip through
// translate-toolkit (a tool nobody here wrote), import into overlays, ingest merge, stale detection.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importTranslations } from '../../../assets-pipeline/translations/import.ts';
import { overlayPath, writeOverlay } from '../../../assets-pipeline/translations/overlay.ts';
import { recordStatus } from '../../../formats/translations/status.ts';
import { collectUnits } from '../../../assets-pipeline/translations/units.ts';
import { writeCsv } from '../../../assets-pipeline/translations/csv.ts';
import { writeXliff } from '../../../assets-pipeline/translations/xliff.ts';
import { writeTmx } from '../../../assets-pipeline/translations/tmx.ts';
import type { Artifact } from '../../../model/schema.ts';
import { streamAllArtifacts } from '../../../model/store.ts';
import { fillPo, tempContent, type TempContent } from './temp-content.ts';

const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
};

let t: TempContent;
beforeEach(() => {
  t = tempContent();
  t.ingest();
});
afterEach(() => t.cleanup());

const byId = async () => {
  const out = new Map<string, Artifact>();
  for await (const a of streamAllArtifacts()) out.set(a.id, a);
  return out;
};

describe('translation export', () => {
  it('makes one unit per distinct source text, with its records as context', async () => {
    const units = [...(await collectUnits('fr')).values()];
    const silk = units.filter((u) => u.field.name === 'materials' && u.source === 'Ink on silk');
    expect(silk).toHaveLength(1);
    expect(silk[0]!.records.get('tiny')).toEqual(['t-1', 't-2', 't-3']);
    // French is made from English where the record has it, else from the Chinese.
    expect(units.find((u) => u.field.name === 'title' && u.records.get('tiny')?.[0] === 't-3')).toMatchObject({ sourceLang: 'zh', source: '墨竹图' });
    // Names are not translation units (the page shows their pinyin instead).
    expect(units.some((u) => u.source === '范宽')).toBe(false);
    const xliff = writeXliff(units, 'fr');
    expect(xliff).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(xliff).toContain('target-language="fr"');
    expect(xliff).toContain('maxwidth="300" size-unit="char"');
    expect(xliff).toContain('/fr/artifacts/t-1/');
    const csv = writeCsv(units, 'fr');
    expect(csv.split('\n')[0]).toBe(
      '\uFEFFid,field,source_language,target_language,source,target,state,max_chars,collection,records,record_count,page,thumbnail',
    );
  });
});

describe('translation round trip through translate-toolkit', () => {
  it('xliff2po, filled PO, po2xliff, import: the records show the French text, credited', async () => {
    const xlf = path.join(t.root, 'fr.xlf');
    fs.writeFileSync(xlf, writeXliff((await collectUnits('fr')).values(), 'fr'));
    run('xliff2po', ['--progress=none', '-i', xlf, '-o', path.join(t.root, 'fr.po')]);
    const po = fs.readFileSync(path.join(t.root, 'fr.po'), 'utf8');
    fs.writeFileSync(
      path.join(t.root, 'fr.po'),
      fillPo(po, { 'Early Spring': 'Début du printemps', 'Ink on silk': 'Encre sur soie', 墨竹图: 'Bambous à l’encre' }),
    );
    run('po2xliff', ['--progress=none', '-i', path.join(t.root, 'fr.po'), '-o', path.join(t.root, 'back.xlf')]);
    // po2xliff does not carry the target language over: the import asks for it.
    const without = await importTranslations(path.join(t.root, 'back.xlf'), { translator: 'A. Traductrice' });
    expect(without.errors[0]).toMatch(/back\.xlf:1: .*pass --locale/);
    const r = await importTranslations(path.join(t.root, 'back.xlf'), { translator: 'A. Traductrice', locale: 'fr' });
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(3);
    expect(fs.existsSync(overlayPath('fr', 'tiny', t.content))).toBe(true);
    // The curator's export is untouched.
    expect(fs.readFileSync(path.join(t.content, 'collections/tiny/records.csv'), 'utf8')).not.toContain('printemps');
    t.ingest();
    const records = await byId();
    expect(records.get('t-2')!.title.fr).toBe('Début du printemps');
    expect(records.get('t-3')!.title.fr).toBe('Bambous à l’encre');
    expect(records.get('t-1')!.materials[0]!.fr).toBe('Encre sur soie');
    expect(records.get('t-2')!.translations?.fr).toEqual({ credits: ['A. Traductrice'], fields: { title: 'translated', 'materials.0': 'translated' } });
    expect(records.get('t-1')!.title.fr).toBeUndefined();
  });

  it('lists a translation whose source title changed since as needing review, and keeps showing it', async () => {
    const xlf = path.join(t.root, 'fr.xlf');
    fs.writeFileSync(xlf, writeXliff((await collectUnits('fr')).values(), 'fr'));
    const early = [...(await collectUnits('fr')).values()].find((u) => u.source === 'Early Spring')!;
    fs.writeFileSync(
      xlf,
      fs.readFileSync(xlf, 'utf8').replace(/(<source xml:lang="en">Early Spring<\/source>)/, '$1<target xml:lang="fr">Début du printemps</target>'),
    );
    expect((await importTranslations(xlf, { translator: 'A. Traductrice' })).errors).toEqual([]);
    t.ingest();
    let status = await recordStatus();
    expect(status.needsReview).toEqual([]);
    const csv = path.join(t.content, 'collections/tiny/records.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace('Early Spring', 'Early Spring (1072)'));
    t.ingest();
    status = await recordStatus();
    expect(status.needsReview).toEqual([{ collection: 'tiny', id: 't-2', field: 'title', locale: 'fr', state: 'stale' }]);
    expect((await byId()).get('t-2')!.title.fr).toBe('Début du printemps');
    // The unit of the old text is gone from the export; the new text is a new unit to translate.
    const units = await collectUnits('fr');
    expect(units.has(early.id)).toBe(false);
    expect([...units.values()].some((u) => u.source === 'Early Spring (1072)')).toBe(true);
  });
});

describe('translation import refuses bad files with file:line messages', () => {
  const write = (name: string, body: string) => {
    const f = path.join(t.root, name);
    fs.writeFileSync(f, body);
    return f;
  };
  const unit = (id: string, src: string, tgt: string, lang = 'fr') =>
    `<trans-unit id="${id}"><source xml:lang="en">${src}</source><target xml:lang="${lang}">${tgt}</target></trans-unit>`;
  const xliff = (units: string) =>
    `<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="en" target-language="fr" datatype="plaintext"><body>\n${units}\n</body></file></xliff>\n`;

  it('unknown unit, wrong language, markup', async () => {
    const early = [...(await collectUnits('fr')).values()].find((u) => u.source === 'Early Spring')!;
    const f = write(
      'bad.xlf',
      xliff(
        [
          unit('title.000000000000', 'Nothing', 'Rien'),
          unit(early.id, 'Early Spring', 'Frühling', 'de'),
          unit(early.id, 'Early Spring', 'Début &lt;b&gt;du printemps'),
        ].join('\n'),
      ),
    );
    const r = await importTranslations(f, { translator: 'x', locale: 'fr' });
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/bad\.xlf:4: unknown unit "title\.000000000000"/);
    expect(r.errors[1]).toMatch(/bad\.xlf:5: .*target language "de" is not fr/);
    expect(r.errors[2]).toMatch(/bad\.xlf:6: .*markup/);
    expect(fs.existsSync(overlayPath('fr', 'tiny', t.content))).toBe(false);
  });

  it('broken XML', async () => {
    const f = write('broken.xlf', xliff('<trans-unit id="a"><source>x</source>\n<target>y</trans-unit>'));
    const r = await importTranslations(f, { translator: 'x', locale: 'fr' });
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/broken\.xlf:5: broken XML/);
  });
});

describe('a translation that repeats its source text', () => {
  it('is not a translation: the page shows the source language, marked, as for the same value in another field', async () => {
    // A museum's English name "translated" into French as itself, and a culture really translated.
    const unit = (id: string, source: string, target: string) => ({
      id,
      field: 'culture',
      sourceLang: 'en' as const,
      source,
      target,
      state: 'needs-review' as const,
      translator: 'Test',
      records: ['t-1'],
    });
    writeOverlay(overlayPath('fr', 'tiny', t.content), {
      locale: 'fr',
      collection: 'tiny',
      units: [unit('culture.a', 'Northern Song court', 'Northern Song court ')],
    });
    t.ingest();
    const a = (await byId()).get('t-1')!;
    expect(a.culture).toEqual({ en: 'Northern Song court' });
    expect(a.translations?.fr?.fields.culture).toBeUndefined();
    writeOverlay(overlayPath('fr', 'tiny', t.content), {
      locale: 'fr',
      collection: 'tiny',
      units: [unit('culture.a', 'Northern Song court', 'Cour des Song du Nord')],
    });
    t.ingest();
    expect((await byId()).get('t-1')!.culture).toEqual({ en: 'Northern Song court', fr: 'Cour des Song du Nord' });
  });
});

describe('a museum the vocabulary names', () => {
  it('gets the vocabulary’s name where the record lacks the language, also when a translation only repeated the English', async () => {
    // The Met's English name, as the source gives it; Chinese and French as formats/vocabulary/concepts.json list them.
    const vocab = JSON.parse(fs.readFileSync('formats/vocabulary/concepts.json', 'utf8')) as Record<string, Record<string, Record<string, string[]>>>;
    const named = { zh: vocab.institution!.met!.zh![0], en: 'The Metropolitan Museum of Art', fr: vocab.institution!.met!.fr![0] };
    const config = path.join(t.content, 'collections/tiny/collection.yaml');
    fs.appendFileSync(config, "  holder: { en: { value: 'The Metropolitan Museum of Art' } }\n");
    t.ingest();
    expect((await byId()).get('t-1')!.holder).toEqual(named);
    writeOverlay(overlayPath('fr', 'tiny', t.content), {
      locale: 'fr',
      collection: 'tiny',
      units: [
        {
          id: 'holder.a',
          field: 'holder',
          sourceLang: 'en',
          source: 'The Metropolitan Museum of Art',
          target: 'The Metropolitan Museum of Art',
          state: 'needs-review',
          translator: 'Test',
          records: ['t-1'],
        },
      ],
    });
    t.ingest();
    expect((await byId()).get('t-1')!.holder).toEqual(named);
  });
});

describe('translation memory (TMX)', () => {
  it('exports translations and the glossary in a TMX that translate-toolkit reads, and pre-translates from it', async () => {
    const xlf = path.join(t.root, 'fr.xlf');
    fs.writeFileSync(
      xlf,
      writeXliff((await collectUnits('fr')).values(), 'fr').replace(
        /(<source xml:lang="en">Early Spring<\/source>)/,
        '$1<target xml:lang="fr">Début du printemps</target>',
      ),
    );
    expect((await importTranslations(xlf, { translator: 'A. Traductrice' })).errors).toEqual([]);
    const { tmx, entries } = writeTmx(t.content);
    const file = path.join(t.root, 'memory.tmx');
    fs.writeFileSync(file, tmx);
    // translate-toolkit's own TMX reader sees the pair (the glossary entries come after it).
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys\nfrom translate.storage.tmx import tmxfile\nf=tmxfile.parsefile(sys.argv[1])\nprint(len(f.units))\nprint(f.units[0].source+"|"+f.units[0].target)',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(py.stdout.trim().split('\n')).toEqual([String(entries), 'Early Spring|Début du printemps']);
    expect(tmx).toMatch(/<seg>鼎<\/seg>[\s\S]*<seg>ding<\/seg>/);
    // A memory from elsewhere fills the units whose source it knows.
    fs.rmSync(path.join(t.content, 'translations'), { recursive: true });
    t.ingest();
    const r = await importTranslations(file, { translator: 'memory', locale: 'fr' });
    expect(r.errors).toEqual([]);
    expect(r.imported).toBe(1);
    t.ingest();
    expect((await byId()).get('t-2')!.title.fr).toBe('Début du printemps');
  });
});
