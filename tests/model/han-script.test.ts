// Conversion to simplified characters for Chinese pages. Expected forms written by hand from the standard
// simplified forms (and the words OpenCC's phrase tables exist to keep right).
import { describe, expect, it } from 'vitest';
import { simplifiedHan } from '../../model/han-script.ts';
import { shownText } from '../../site/lib/han-display.ts';

describe('simplifiedHan', () => {
  it('converts traditional characters, phrase by phrase', () => {
    expect(simplifiedHan('國立故宮博物院')).toBe('国立故宫博物院');
    expect(simplifiedHan('青銅器')).toBe('青铜器');
    // 乾 in an emperor's reign name is not the 干 of "dry".
    expect(simplifiedHan('清 乾隆 白玉雙耳碗')).toBe('清 乾隆 白玉双耳碗');
  });

  it('says when there is nothing to convert', () => {
    expect(simplifiedHan('白玉碗')).toBeUndefined();
    expect(simplifiedHan('Old Trees, Level Distance')).toBeUndefined();
    expect(simplifiedHan('')).toBeUndefined();
  });
});

describe('shownText', () => {
  it('converts only on Chinese pages and only Chinese text, keeping the original', () => {
    const title = { zh: '青玉雙耳碗', en: 'Greenish jade bowl with two handles' };
    expect(shownText(title, 'zh')).toEqual({ text: '青玉双耳碗', original: '青玉雙耳碗', lang: undefined, fallback: false });
    expect(shownText(title, 'en')?.text).toBe('Greenish jade bowl with two handles');
    expect(shownText(title, 'en')?.original).toBeUndefined();
    // A French page falling back to Chinese shows the record as written, marked by its language.
    const zhOnly = { zh: '青玉雙耳碗' };
    expect(shownText(zhOnly, 'fr')).toMatchObject({ text: '青玉雙耳碗', fallback: true });
  });
});
