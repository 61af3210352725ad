// The one tokenizer. The index writer and the browser runtime both import this file, so a record and a query
// are cut into the same terms. Chinese: character unigrams + bigrams (recall: 三彩马 is found whatever the
// segmenter does with the record's sentence) plus Intl.Segmenter words of 3+ characters (precision and
// ranking). Latin: folded, stop words dropped, Snowball-stemmed (English and French).
import { HAN, foldLatin, foldText, loadHanFolder } from './fold.ts';
import type { Locale } from '../../model/locales.ts';

export const STOP = new Set(
  ('a an and are as at be by for from in is it of on or the to with ' + 'au aux avec d dans de des du en et l la le les ou par pour sur un une').split(' '),
);

type Stemmer = { stem(word: string): string };
let stemmers: Record<'en' | 'fr', Stemmer> | undefined;
let stemmersLoading: Promise<void> | undefined;

function loadStemmers(): Promise<void> {
  // Snowball stemmers, one small module per language (en 2 KB, fr 11 KB): the browser fetches only these two,
  // not a bundle of every language (snowball-stemmers was 867 KB and dominated a first query's transfer).
  stemmersLoading ??= Promise.all([import('@orama/stemmers/english'), import('@orama/stemmers/french')]).then(([en, fr]) => {
    stemmers = { en: { stem: en.stemmer }, fr: { stem: fr.stemmer } };
  });
  return stemmersLoading;
}

const LATIN = /[\p{L}\p{N}]/u;

/** Load only what this text needs: the Han table for Chinese, the stemmers for Latin script. */
export async function prepareFor(text: string): Promise<void> {
  const jobs: Promise<unknown>[] = [];
  if (HAN.test(text)) jobs.push(loadHanFolder());
  if (LATIN.test(text.replace(/\p{Script=Han}/gu, ''))) jobs.push(loadStemmers());
  await Promise.all(jobs);
}

// Snowball is most of the indexing time; a corpus repeats its words, so remember them (bounded).
const stemCache = { en: new Map<string, string>(), fr: new Map<string, string>() };

function stem(word: string, lang: 'en' | 'fr'): string {
  const cache = stemCache[lang];
  let out = cache.get(word);
  if (out !== undefined) return out;
  if (!stemmers) throw new Error('stem called before prepareFor() resolved');
  out = /^\p{N}+$/u.test(word) ? word : stemmers[lang].stem(word);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, out);
  return out;
}

/** A text's runs of Han characters (group 1) and of other letters and digits (group 2). */
export const RUNS = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function hanWords(run: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(run)) if (s.isWordLike && [...s.segment].length >= 3) out.push(s.segment);
  return out;
}

function keepLatin(word: string): boolean {
  return !STOP.has(word) && (word.length > 1 || /\p{N}/u.test(word));
}

/** Index terms of one field text, with repeats. `lang` picks the stemmer (Chinese fields use English). */
export function indexTerms(text: string, lang: Locale): string[] {
  const out: string[] = [];
  const folded = foldText(text);
  for (const m of folded.matchAll(RUNS)) {
    if (m[1]) {
      const chars = [...m[1]];
      for (let i = 0; i < chars.length; i++) {
        out.push(chars[i]!);
        if (i + 1 < chars.length) out.push(chars[i]! + chars[i + 1]!);
      }
      if (chars.length >= 3) out.push(...hanWords(m[1]));
    } else if (m[2] && keepLatin(m[2])) {
      out.push(stem(m[2], lang === 'fr' ? 'fr' : 'en'));
    }
  }
  return out;
}

/** The folded Latin words of a text as a visitor would type them (not stemmed, stop words dropped): the
 * "did you mean" vocabulary, which must offer words, not stems such as "handl". */
export function latinWords(text: string): string[] {
  const out: string[] = [];
  for (const m of foldLatin(text).matchAll(RUNS)) if (m[2] && /^[a-z]+$/.test(m[2]) && keepLatin(m[2])) out.push(m[2]);
  return out;
}

export interface QueryToken {
  /** Exact index terms, any of which matches this token. */
  alts: string[];
  /** Folded surface form, for prefix and typo expansion (Latin words only). */
  surface?: string;
  /** Whether completions of `surface` count: the last word while the visitor is still typing it. */
  prefix: boolean;
  /** Required tokens must all match (AND); optional ones only add to the score. */
  required: boolean;
}

/** The query's words in order; also returns the folded phrase used for the exact-phrase boost. */
export function parseQuery(query: string): { tokens: QueryToken[]; phrase: string } {
  const folded = foldText(query.normalize('NFKC'));
  const typing = !/\s$/.test(query);
  const tokens: QueryToken[] = [];
  const words = [...folded.matchAll(RUNS)];
  const latin = words.filter((m) => m[2]).map((m) => m[2]!);
  const allStop = latin.length > 0 && latin.every((w) => STOP.has(w)) && !words.some((m) => m[1]);
  words.forEach((m, i) => {
    const last = i === words.length - 1 && typing;
    if (m[1]) {
      const chars = [...m[1]];
      if (chars.length === 1) tokens.push({ alts: [chars[0]!], prefix: false, required: true });
      for (let j = 0; j + 1 < chars.length; j++) tokens.push({ alts: [chars[j]! + chars[j + 1]!], prefix: false, required: true });
      if (chars.length >= 3) for (const w of hanWords(m[1])) tokens.push({ alts: [w], prefix: false, required: false });
    } else if (m[2] && (allStop || keepLatin(m[2]))) {
      const w = m[2];
      const alts = [...new Set([stem(w, 'en'), stem(w, 'fr')])];
      tokens.push({ alts, surface: w, prefix: last && w.length >= 2, required: true });
    }
  });
  const phrase = words.map((m) => m[0]).join(' ');
  return { tokens, phrase };
}
