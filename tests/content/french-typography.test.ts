// French on the site follows French typography in its sources: the UI strings, the vocabulary's labels and every
// French text of the content files.
// - The typographic apostrophe (« l’empereur », not "l'empereur"). A source cell that types the straight one still
//   names its concept.
// - No line break before a high punctuation mark or inside guillemets: a no-break space before « : », a narrow one
//   before « ; ! ? » and inside « » (Lexique des règles typographiques en usage à l'Imprimerie nationale). Pages
//   also get these spaces at build time (site/middleware.ts) for text from museum exports; checked here on the
//   rule's own examples.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { reconcile, vocabularyConcepts } from '../../formats/vocabulary.ts';
import { frenchSpacing, frenchSpacingHtml } from '../../site/i18n/french-spacing.ts';

/** An apostrophe between two letters: an elision or a possessive, in any French word. */
const STRAIGHT = /\p{L}'\p{L}/u;
/** A space a line may break at, before a high punctuation mark or after an opening guillemet. */
const BREAKABLE = /[ \t][:;!?»]|«[ \t]/;

/** Every French text of a parsed content file that `bad` finds, with where it is (a value under an `fr` key). */
function frenchTexts(bad: RegExp, v: unknown, at: string, inFr = false, out: string[] = []): string[] {
  if (typeof v === 'string') {
    if (inFr && bad.test(v)) out.push(`${at}: ${v}`);
  } else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) frenchTexts(bad, x, `${at}.${k}`, inFr || k === 'fr', out);
  return out;
}

const contentFiles = (fs.readdirSync('content', { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => path.join('content', f));

const UI = 'site/i18n/locales';
const uiStrings = fs
  .readdirSync(UI)
  .filter((f) => f === 'fr.json' || f.endsWith('.fr.json'))
  .flatMap((f) => Object.entries(JSON.parse(fs.readFileSync(path.join(UI, f), 'utf8')) as Record<string, string>).map(([k, v]) => ({ at: `${f}: ${k}`, v })));

describe.each([
  { rule: 'the apostrophe ’', bad: STRAIGHT },
  { rule: 'no-break spaces at high punctuation', bad: BREAKABLE },
])('French typography: $rule', ({ bad }) => {
  it('in the UI strings', () => {
    expect(uiStrings.length).toBeGreaterThan(100);
    expect(uiStrings.filter(({ v }) => bad.test(v)).map(({ at }) => at)).toEqual([]);
  });

  it('in every French text of the content files', () => {
    expect(contentFiles.length).toBeGreaterThan(10);
    expect(contentFiles.flatMap((f) => frenchTexts(bad, parse(fs.readFileSync(f, 'utf8')), f))).toEqual([]);
  });
});

describe('French typography', () => {
  it('the vocabulary labels French with ’', () => {
    const straight = vocabularyConcepts().flatMap((c) => c.labels.fr.filter((l) => STRAIGHT.test(l)).map((l) => `${c.kind}/${c.id}: ${l}`));
    expect(straight).toEqual([]);
  });

  it('finds what breaks each rule (the checks can fail)', () => {
    expect(frenchTexts(STRAIGHT, { label: { fr: "feuille d'album" } }, 'x')).toEqual(["x.label.fr: feuille d'album"]);
    expect(frenchTexts(BREAKABLE, { label: { fr: 'Titre : suite', en: 'Title : ok' } }, 'x')).toEqual(['x.label.fr: Titre : suite']);
  });

  it('reconciles a source that types the straight apostrophe', () => {
    expect(reconcile('institution', { fr: "Musée national d'art asiatique du Smithsonian" })?.id).toBe('nmaa');
    expect(reconcile('objectType', { fr: "Feuille d'album" })?.id).toBe('album-leaf');
  });

  it('makes the spaces a French text typed unbreakable, the Imprimerie nationale way', () => {
    expect(frenchSpacing('Paysages des Song du Nord : les peintures')).toBe('Paysages des Song du Nord\u00a0: les peintures');
    expect(frenchSpacing('Qui ? Pourquoi ! Voici ; « Bol de jade »')).toBe('Qui\u202f? Pourquoi\u202f! Voici\u202f; «\u202fBol de jade\u202f»');
    // Spaces that are already right, marks with no space typed, and text with no such mark are left as they are.
    for (const kept of ['Titre\u00a0: x', 'https://example.org/a?b=1', '10:30', 'Sans ponctuation haute.']) expect(frenchSpacing(kept)).toBe(kept);
  });

  it('leaves the server HTML of an island (nested ones too) as its props would render it', () => {
    const html = '<div data-island="player"><p>a : b</p><div><i>c ?</i></div><p>d ;</p></div><script type="application/json">{}</script><p>e !</p>';
    expect(frenchSpacingHtml(html)).toBe(html.replace('e !', 'e\u202f!'));
  });

  it('spaces the text of a page, not its tags, attributes, scripts, code or comments', () => {
    const html = '<p title="a : b">Note : <b>lu</b> ?</p><script>x ? y : z</script><code>a : b</code><!-- c : d -->';
    expect(frenchSpacingHtml(html)).toBe('<p title="a : b">Note\u00a0: <b>lu</b>\u202f?</p><script>x ? y : z</script><code>a : b</code><!-- c : d -->');
  });
});
