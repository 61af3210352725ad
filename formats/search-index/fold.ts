// Character folding shared by index and query: Latin case + diacritics, and traditional → simplified Chinese.
// The OpenCC character table (~17 KB gzipped) is loaded only once text with Han characters is seen, so a
// visitor typing Latin never downloads it.

export const HAN = /\p{Script=Han}/u;

const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };

export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œæßøđłı]/g, (c) => LIGATURES[c] ?? c);
}

type Converter = (text: string) => string;
let toSimplified: Converter | undefined;
let loading: Promise<Converter> | undefined;

/** Character-level conversion only (no phrase table): context-free, so a word folds the same way alone in
 * a query as inside a longer sentence in a record, and the 1 MB phrase dictionary stays out of the browser. */
export function loadHanFolder(): Promise<Converter> {
  loading ??= (async () => {
    const [{ ConverterFactory }, ts, twv, hkv] = await Promise.all([
      import('opencc-js/core'),
      import('opencc-js/dict/TSCharacters'),
      import('opencc-js/dict/TWVariantsRev'),
      import('opencc-js/dict/HKVariantsRev'),
    ]);
    toSimplified = ConverterFactory([twv.default, hkv.default], [ts.default]);
    return toSimplified;
  })();
  return loading;
}

export function foldHan(text: string): string {
  if (!HAN.test(text)) return text;
  if (!toSimplified) throw new Error('foldHan called before loadHanFolder() resolved');
  return toSimplified(text);
}

/** Everything a token goes through before segmentation. */
export function foldText(text: string): string {
  return foldHan(foldLatin(text));
}
