// Chinese for Meilisearch: the index writer and the browser both cut Han text into the same character
// unigrams + bigrams (folded to simplified with the static engine's table), so a record and a query always
// agree, whatever Meilisearch's own segmenter does with a word inside a sentence (measured: 玉璧, 瓷瓶, 三彩马
// and 瓷器 found 0 records through its segmentation alone).
// Each gram is written as a run of ASCII letters ("hz" + 5 letters a–p per code point): Meilisearch then
// treats it as one opaque Latin word and never re-segments, normalizes or converts it.
import { HAN, foldText } from './fold.ts';

const HAN_RUN = /\p{Script=Han}+/gu;

function code(ch: string): string {
  let n = ch.codePointAt(0)!;
  let s = '';
  for (let i = 0; i < 5; i++) {
    s = String.fromCharCode(97 + (n & 15)) + s;
    n >>= 4;
  }
  return s;
}

/** One gram as its index word. */
export const gramWord = (chars: string[]): string => `hz${chars.map(code).join('')}`;

/** Index words of a text's Han runs: each run's bigrams in order (so the bigrams of a query run are
 * adjacent, for proximity ranking and multi-word synonyms), then after a hard separator its unigrams (for
 * one-character queries). Empty without Han. */
export function hanIndexWords(text: string): string {
  if (!HAN.test(text)) return '';
  const bi: string[] = [];
  const uni = new Set<string>();
  for (const m of foldText(text).matchAll(HAN_RUN)) {
    const chars = [...m[0]];
    for (let i = 0; i + 1 < chars.length; i++) bi.push(gramWord([chars[i]!, chars[i + 1]!]));
    if (bi.length) bi.push('.');
    for (const c of chars) uni.add(gramWord([c]));
  }
  return `${bi.join(' ')} . ${[...uni].join(' ')}`;
}

/** The query words of one Han run, like the static engine's required tokens: a lone character is its unigram,
 * a longer run its bigrams (all required, so 三彩马 needs 三彩 and 彩马). */
export function hanQueryWords(run: string): string[] {
  const chars = [...foldText(run)];
  if (chars.length === 1) return [gramWord(chars)];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(gramWord([chars[i]!, chars[i + 1]!]));
  return out;
}

/** A visitor's query for Meilisearch: Han runs become their gram words, everything else is left to
 * Meilisearch. Call after `prepareFor(query)` loaded the folding table. */
export function rewriteQuery(query: string): string {
  if (!HAN.test(query)) return query;
  return (
    query
      .replace(HAN_RUN, (run) => ` ${hanQueryWords(run).join(' ')} `)
      .replace(/\s+/g, ' ')
      .trim() + (/\s$/.test(query) ? ' ' : '')
  );
}
