// Chronologies: named lists of periods with year ranges (Chinese dynasties, Japanese periods, Western centuries
// and art periods), kept as data files in model/chronologies/ and, for a site's own, content/chronologies/.
// A period is derived from years only from the chronology a collection names, and source period labels are
// reconciled to a chronology's curated labels ("Qing (1644-1911)" and "dynastie Qing" are one period).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROOT } from './paths.ts';
import { readYamlData } from './yaml-data.ts';
import type { LangMap } from './schema.ts';

const fullLangMap = z.object({ zh: z.string().min(1), en: z.string().min(1), fr: z.string().min(1) }).strict();
const chronologyFile = z
  .object({
    name: fullLangMap,
    periods: z.array(
      z
        .object({
          key: z.string().min(1),
          from: z.number().int(),
          to: z.number().int(),
          name: fullLangMap,
          aliases: z.array(z.string()).optional(),
          parts: z.array(z.string().min(1)).min(1).optional(),
        })
        .strict(),
    ),
    reigns: z.array(z.object({ from: z.number().int(), to: z.number().int(), names: z.array(z.string().min(1)).min(1) }).strict()).optional(),
  })
  .strict();

export interface Period {
  key: string;
  from: number;
  to: number;
  name: Required<LangMap>;
  aliases?: string[] | undefined;
  /** A whole made of other periods of its chronology (Song = Northern + Southern Song): named by labels, and by
   * years that only it holds, never derived from years. */
  parts?: string[] | undefined;
}
export type Chronology = z.infer<typeof chronologyFile> & { id: string };

export const BUILT_IN_CHRONOLOGIES = path.join(ROOT, 'model', 'chronologies');

/** Chronology files by id (file name without `.yaml`): the built-in ones, then a site's own (which may replace one). */
export function chronologyFiles(extraDir?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of [BUILT_IN_CHRONOLOGIES, extraDir]) {
    if (!dir || !fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.yaml')) out.set(f.slice(0, -5), path.join(dir, f));
  }
  return out;
}

const cache = new Map<string, Chronology>();

/** Reads one chronology file; a malformed file is an error naming the file and field (thrown: it is site data). */
export function readChronology(file: string): Chronology {
  const hit = cache.get(file);
  if (hit) return hit;
  const c = { ...readYamlData(file, chronologyFile), id: path.basename(file, '.yaml') };
  cache.set(file, c);
  return c;
}

/** Chinese dynasties, for the synthetic data generators. */
export const PERIODS: readonly Period[] = readChronology(path.join(BUILT_IN_CHRONOLOGIES, 'chinese-dynasties.yaml')).periods.filter((p) => !p.parts);

/** The period containing the start of a year range; a range spanning two periods is named by its start. */
export function periodForYears(chronology: Chronology, from: number | undefined, to?: number): Period | undefined {
  const year = from ?? to;
  if (year === undefined) return undefined;
  return chronology.periods.find((p) => !p.parts && year >= p.from && year <= p.to);
}

/** The one period holding a whole year range (a period cell that gives years, "1100–1200" or "乾隆年间"): the
 * period among those that are no whole of others, else the whole (Song for 1100–1200); undefined when none or two
 * do (a range across two dynasties names neither). */
export function periodContaining(chronologies: Chronology[], from: number | undefined, to: number | undefined): Period | undefined {
  const a = from ?? to;
  const b = to ?? from;
  if (a === undefined || b === undefined) return undefined;
  // The first chronology that holds the range answers, as for labels.
  for (const c of chronologies)
    for (const wholes of [false, true]) {
      const hits = c.periods.filter((p) => !p.parts === !wholes && p.from <= a && b <= p.to);
      if (hits.length === 1) return hits[0];
      if (hits.length > 1) return undefined;
    }
  return undefined;
}

/** Every period of the built-in chronologies and the site's own (content/chronologies/), by its name in all three
 * languages: what a period that the importer reconciled or derived is stored as. */
export function periodsByName(siteDir?: string): Map<string, Period> {
  const out = new Map<string, Period>();
  for (const file of chronologyFiles(siteDir).values())
    for (const p of readChronology(file).periods) {
      const key = periodNameKey(p.name);
      if (!out.has(key)) out.set(key, p);
    }
  return out;
}

export const periodNameKey = (name: LangMap): string => `${name.zh ?? ''}\n${name.en ?? ''}\n${name.fr ?? ''}`;

/** Folds a period label for matching: case, accents, width, a trailing year range in parentheses, and the
 * generic words around a name ("dynasty", "dynastie", "朝", "代", "period", "époque"). */
export function foldPeriodLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s*[(（][^)）]*[)）]\s*$/u, '')
    .replace(/^(?:the|la|le|l'|dynastie|dynasty|periode|period|epoque|ere|era)\s+(?:des?\s+|du\s+)?/u, '')
    .replace(/\s+(?:dynasty|dynastie|period|periode|era|epoque)$/u, '')
    .replace(/(?:王朝|朝|代|时代|時代|时期|時期)$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Labels → period, over the given chronologies (first listed wins). */
export function periodMatcher(chronologies: Chronology[]): (label: string) => Period | undefined {
  const index = new Map<string, Period>();
  for (const c of chronologies)
    for (const p of c.periods)
      for (const l of [p.key, p.name.zh, p.name.en, p.name.fr, ...(p.aliases ?? [])]) {
        const k = foldPeriodLabel(l);
        if (k && !index.has(k)) index.set(k, p);
      }
  // Per label, as folding is the cost and an export repeats a few labels in every row.
  const seen = new Map<string, Period | undefined>();
  return (label) => {
    if (seen.has(label)) return seen.get(label);
    const p = index.get(foldPeriodLabel(label));
    if (seen.size < 10_000) seen.set(label, p);
    return p;
  };
}

/** Reign and period names → years, for date text such as "乾隆年间" or "Qianlong period". */
export function namedRanges(chronologies: Chronology[]): (label: string) => { from: number; to: number } | undefined {
  const index = new Map<string, { from: number; to: number }>();
  for (const c of chronologies)
    for (const r of c.reigns ?? [])
      for (const n of r.names) {
        const k = foldPeriodLabel(n);
        if (!index.has(k)) index.set(k, { from: r.from, to: r.to });
      }
  const periods = periodMatcher(chronologies);
  return (label) => {
    const reign = index.get(foldPeriodLabel(label));
    if (reign) return reign;
    const p = periods(label);
    return p ? { from: p.from, to: p.to } : undefined;
  };
}
