// "Did you mean": when a query finds nothing, a nearby query built from the index's own vocabulary (the words/ and words2/
// shards the index writer publishes) that does find something. Latin words are replaced by the most frequent
// indexed word within a small edit distance; a Chinese run is shortened to the longest piece of it that
// matches. Every candidate is run through the page's engine (static or Meilisearch) before it is offered.
import { foldLatin } from '../../../../formats/search-index/fold.ts';
import { decodeJson, gunzip } from '../../../../formats/search-index/codec.ts';
import { WORD_LETTERS, paths, type WordShard } from '../../../../formats/search-index/layout.ts';
import { RUNS, STOP } from '../../../../formats/search-index/tokenize.ts';
import { browserFetch, type FetchBytes } from './fetch-bytes.ts';

/** Candidates tried at most (each is one search). */
const MAX_TRIES = 8;
/** Words shorter than this are left alone: too many words are one letter away from "xi". */
const MIN_WORD = 3;

/** Optimal-string-alignment distance (a swap of neighbours is one edit: porcelian → porcelain), giving up
 * above `max`. Hand-written: it runs in the browser over a few thousand words, and the bound keeps it cheap;
 * the distance packages on npm either ignore transpositions or bring far more than these lines. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Whether `word` is `typed` with two neighbours swapped back or a doubled letter undone (given distance 1). */
function slip(typed: string, word: string): boolean {
  if (typed.length === word.length) return [...typed].sort().join('') === [...word].sort().join('');
  if (typed.length !== word.length + 1) return false;
  for (let i = 1; i < typed.length; i++) if (typed[i] === typed[i - 1] && typed.slice(0, i) + typed.slice(i + 1) === word) return true;
  return false;
}

/** The replacement written the way the visitor wrote the word (Xii → Xi, PORCELIAN → PORCELAIN). */
function sameCase(typed: string, word: string): string {
  if (typed.length > 1 && typed === typed.toUpperCase()) return word.toUpperCase();
  if (typed[0] !== typed[0]!.toLowerCase()) return word[0]!.toUpperCase() + word.slice(1);
  return word;
}

type Shard = { list: WordShard; has: Set<string> };

/** The word of `list` nearest to `w` within `max` edits (most frequent first on a tie, but a typist's commonest
 * slips win over other edits at the same distance), or undefined. */
function nearest(w: string, list: WordShard, max: number): string | undefined {
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestSlip = false;
  // Most frequent first, so on a tie the commoner word wins; but a typist's commonest slips (two letters
  // swapped, a letter doubled: Xii → Xi, not the commoner Xia) beat other edits at the same distance.
  for (const [word] of list) {
    const d = editDistance(w, word, Math.min(max, bestDistance));
    if (d > max || d > bestDistance) continue;
    const isSlip = d === 1 && slip(w, word);
    if (d < bestDistance || (isSlip && !bestSlip)) {
      best = word;
      bestDistance = d;
      bestSlip = isSlip;
      if (isSlip) break;
    }
  }
  return best;
}

export function createSuggester(base: string, fetchBytes: FetchBytes = browserFetch) {
  const shards = new Map<string, Promise<Shard>>();
  const load = (file: string) => {
    let p = shards.get(file);
    if (!p) {
      p = fetchBytes(`${base.replace(/\/$/, '')}/${file}`)
        .then(gunzip)
        .then((d) => decodeJson<WordShard>(d))
        .then((list) => ({ list, has: new Set(list.map(([w]) => w)) }));
      shards.set(file, p);
      p.catch(() => shards.delete(file));
    }
    return p;
  };

  /** Indexed words near `typed`, best first: the nearest with the same first letter, then the nearest with
   * another (a slip of the first letter itself); none when `typed` is indexed or nothing is near. */
  async function corrections(typed: string): Promise<string[]> {
    const w = foldLatin(typed);
    if (w.length < MIN_WORD || !/^[a-z]+$/.test(w) || STOP.has(w) || !WORD_LETTERS.includes(w[0]!)) return [];
    // A word one edit away at the first letter shares a letter at a known place: its second letter is the typed
    // second (a wrong first letter: Kuo → Guo) or the typed first (the first letter left out), or its first is
    // the typed second (a letter added before it, or the first two swapped). So three more shards hold every
    // such word. Hand-written rather than a symmetric-delete or trigram index: those would be fetched whole or
    // grow the index several times over, and the libraries that build them (mnemonist's SymSpell, fuzzyset)
    // want the whole vocabulary in memory, not a few shards of a static index.
    const [first, ...more] = await Promise.all([paths.words(w[0]!), paths.wordsBySecond(w[1]!), paths.wordsBySecond(w[0]!), paths.words(w[1]!)].map(load));
    if (first!.has.has(w)) return [];
    const max = w.length >= 6 ? 2 : 1;
    const seen = new Set<string>();
    const other = more
      .flatMap((s) => s.list)
      .filter(([word]) => word[0] !== w[0] && !seen.has(word) && seen.add(word))
      .sort((a, b) => b[1] - a[1]);
    return [nearest(w, first!.list, max), nearest(w, other, max)].filter((x): x is string => !!x).map((x) => sameCase(typed, x));
  }

  /** A query near `query` for which `finds` is true, or undefined. */
  async function suggest(query: string, finds: (q: string) => Promise<boolean>): Promise<string | undefined> {
    const runs = [...query.matchAll(RUNS)];
    if (runs.length === 0) return undefined;
    const rebuild = (parts: string[]) => {
      let out = '';
      let at = 0;
      runs.forEach((m, i) => {
        out += query.slice(at, m.index) + parts[i];
        at = m.index + m[0].length;
      });
      return (out + query.slice(at)).trim();
    };
    const alternatives = await Promise.all(runs.map((m) => (m[2] ? corrections(m[0]) : Promise.resolve([]))));
    const corrected = alternatives.map((alts, i) => alts[0] ?? runs[i]![0]);
    const candidates = [rebuild(corrected)];
    // A second choice for one word at a time (Kuo: Kui, then Guo).
    alternatives.forEach((alts, i) => {
      for (const alt of alts.slice(1)) candidates.push(rebuild(corrected.map((c, k) => (k === i ? alt : c))));
    });
    // Chinese: shorter pieces of each run, longest first (青铜器 → 青铜, 铜器, 青, …).
    runs.forEach((m, i) => {
      const chars = m[1] ? [...m[1]] : [];
      for (let len = chars.length - 1; len >= 1; len--)
        for (let start = 0; start + len <= chars.length; start++)
          candidates.push(rebuild(corrected.map((c, k) => (k === i ? chars.slice(start, start + len).join('') : c))));
    });
    const tried = new Set([query.trim()]);
    for (const c of candidates) {
      if (tried.has(c) || !c) continue;
      if (tried.size > MAX_TRIES) break;
      tried.add(c);
      if (await finds(c)) return c;
    }
    return undefined;
  }

  return { suggest };
}
