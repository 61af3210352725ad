// French on the site is written with the typographic apostrophe (« l’empereur », not "l'empereur"): the
// vocabulary's labels, the UI strings and every French text of the content files. A source cell that types the
// straight one still names its concept.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reconcile, vocabularyConcepts } from '../../formats/vocabulary.ts';

/** An apostrophe between two letters: an elision or a possessive, in any French word. */
const STRAIGHT = /\p{L}'\p{L}/u;

/** Every French text of a parsed content file, with where it is (a value under an `fr` key). */
function frenchTexts(v: unknown, at: string, inFr = false, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (inFr && STRAIGHT.test(v)) out.push(`${at}: ${v}`);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) frenchTexts(x, `${at}.${k}`, inFr || k === 'fr', out);
  return out;
}

const contentFiles = (fs.readdirSync('content', { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join('content', f));

describe('French apostrophes', () => {
  it('the vocabulary labels French with ’', () => {
    const straight = vocabularyConcepts().flatMap((c) => c.labels.fr.filter((l) => STRAIGHT.test(l)).map((l) => `${c.kind}/${c.id}: ${l}`));
    expect(straight).toEqual([]);
  });

  it('the French UI strings use ’', () => {
    const dir = 'site/i18n/locales';
    const straight = fs
      .readdirSync(dir)
      .filter((f) => f === 'fr.json' || f.endsWith('.fr.json'))
      .flatMap((f) =>
        Object.entries(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>)
          .filter(([, v]) => STRAIGHT.test(v))
          .map(([k]) => `${f}: ${k}`),
      );
    expect(straight).toEqual([]);
  });

  it('every French text of the content files uses ’', () => {
    expect(contentFiles.length).toBeGreaterThan(10);
    expect(contentFiles.flatMap((f) => frenchTexts(parse(fs.readFileSync(f, 'utf8')), f))).toEqual([]);
  });

  it('finds a straight apostrophe (the checks can fail)', () => {
    expect(frenchTexts({ label: { fr: "feuille d'album" } }, 'x')).toEqual(["x.label.fr: feuille d'album"]);
  });

  it('reconciles a source that types the straight apostrophe', () => {
    expect(reconcile('institution', { fr: "Musée national d'art asiatique du Smithsonian" })?.id).toBe('nmaa');
    expect(reconcile('objectType', { fr: "Feuille d'album" })?.id).toBe('album-leaf');
  });
});
