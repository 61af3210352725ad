// The "did you mean" vocabulary (formats/search-index/layout.ts, words/): every Latin word of the indexed text
// as a visitor would type it, with the number of documents holding it. The static engine and the Meilisearch
// page both read it, so suggestions come from one home whichever engine answers.
import { TYPO_MAX, WORD_LETTERS, paths, type WordShard } from '../../formats/search-index/layout.ts';
import { latinWords } from '../../formats/search-index/tokenize.ts';
import type { LangMap } from '../../model/schema.ts';
import type { SearchDoc } from './doc.ts';

/** Rare words beyond this per letter are dropped (most frequent kept): bounds a shard at any corpus size. */
const SHARD_MAX = 20_000;

/** A document's distinct words, joined by newlines (the form the search cache keeps). */
export function docWords(doc: SearchDoc, extra: LangMap[]): string {
  const words = new Set<string>();
  for (const map of [doc.title, ...(doc.names ?? []), ...(doc.text ?? []), ...extra])
    for (const text of Object.values(map ?? {})) if (text) for (const w of latinWords(text)) if (w.length <= TYPO_MAX) words.add(w);
  return [...words].join('\n');
}

export class WordCounts {
  private readonly counts = new Map<string, number>();

  add(words: string): void {
    if (!words) return;
    for (const w of words.split('\n')) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  /** Each letter's shard files and their JSON: words by first letter, and again by second letter (the words a
   * slip of the first letter reaches; see suggest.ts). */
  shards(): [string, string][] {
    const by = (at: number, file: (letter: string) => string): [string, string][] => {
      const lists = new Map<string, WordShard>([...WORD_LETTERS].map((l) => [l, []]));
      for (const [w, n] of this.counts) lists.get(w[at] ?? '')?.push([w, n]);
      return [...lists].map(([letter, list]) => {
        list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
        return [file(letter), JSON.stringify(list.slice(0, SHARD_MAX))];
      });
    };
    return [...by(0, paths.words), ...by(1, paths.wordsBySecond)];
  }
}
