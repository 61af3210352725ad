// The demo exhibitions' Chinese texts read as the Chinese pages show the records they name: the pages show record
// titles in simplified characters (model/han-script.ts, OpenCC), so a title the text quotes in 《》 is written the
// same way, never in the record's traditional characters beside a card that shows it converted.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { simplifiedHan } from '../../model/han-script.ts';

const dir = 'content/exhibitions';
const slugs = fs.readdirSync(dir).filter((f) => fs.existsSync(path.join(dir, f, 'exhibition.yaml')));

/** Every Chinese text of an exhibition file, with where it is. */
function zhTexts(v: unknown, at: string, out: { at: string; text: string }[] = []): { at: string; text: string }[] {
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) zhTexts(x, `${at}.${k}`, out);
  else if (typeof v === 'string' && at.endsWith('.zh')) out.push({ at, text: v });
  return out;
}

describe('Chinese exhibition texts', () => {
  it.each(slugs)('%s quotes titles in simplified characters, as its pages show them', (slug) => {
    const texts = zhTexts(parse(fs.readFileSync(path.join(dir, slug, 'exhibition.yaml'), 'utf8')), slug);
    const traditional = texts.flatMap(({ at, text }) =>
      [...text.matchAll(/《([^》]+)》/g)].flatMap(([, title]) => (simplifiedHan(title!) ? [`${at}: 《${title}》 → 《${simplifiedHan(title!)}》`] : [])),
    );
    expect(traditional).toEqual([]);
  });

  it('catches a traditional title (the check can fail)', () => {
    expect(simplifiedHan('谿山行旅圖')).toBe('溪山行旅图');
  });
});
