// The search vocabulary (object types, materials, periods with labels in every language) used as the
// translation glossary: a controlled value whose text is one of a concept's labels gets that concept's
// display label in a locale it lacks, without anyone translating it again, and CAT tools get it as TBX-like
// glossary entries through the TMX export.
import fs from 'node:fs';
import { simplifiedHan } from '../../model/han-script.ts';
import type { Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';

export type ConceptKind = 'objectType' | 'material' | 'period';
export const GLOSSARY_CREDIT = 'glossary (assets-pipeline/search/vocab/concepts.json)';

type Labels = Partial<Record<Locale, string[]>>;
export interface GlossaryEntry {
  kind: ConceptKind;
  id: string;
  labels: Labels;
}

const VOCAB_FILE = new URL('../search/vocab/concepts.json', import.meta.url);
const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase();

/** Chinese folded to simplified characters (the conversion Chinese pages use, model/han-script.ts). */
const folded = (s: string): string => norm(simplifiedHan(s) ?? s);

let cache:
  | {
      entries: GlossaryEntry[];
      index: Map<string, GlossaryEntry>;
      /** Chinese labels by their simplified form; null where two concepts fold to the same text. */
      simplified: Map<string, GlossaryEntry | null>;
    }
  | undefined;

// Exact label matches only (after case and Unicode normalization): a glossary that guessed from partial
// matches would put a wrong word on a page with nobody having translated it. Traditional Chinese labels
// match where the vocabulary lists them (椀, 盌 beside 碗), and any other traditional text matches the label its
// simplified form is (青銅 → 青铜, bronze), unless that form belongs to two concepts.
function load(): NonNullable<typeof cache> {
  if (cache) return cache;
  const raw = JSON.parse(fs.readFileSync(VOCAB_FILE, 'utf8')) as Record<string, Record<string, Labels> | string>;
  const entries: GlossaryEntry[] = [];
  const index = new Map<string, GlossaryEntry>();
  const simplified = new Map<string, GlossaryEntry | null>();
  for (const kind of ['objectType', 'material', 'period'] as const) {
    const group = raw[kind];
    if (typeof group !== 'object') continue;
    for (const [id, labels] of Object.entries(group)) {
      const entry = { kind, id, labels };
      entries.push(entry);
      for (const [lang, list] of Object.entries(labels)) for (const l of list ?? []) index.set(`${kind}\n${lang}\n${norm(l)}`, entry);
      for (const l of labels.zh ?? []) {
        const key = `${kind}\n${folded(l)}`;
        const before = simplified.get(key);
        simplified.set(key, before === undefined || before === entry ? entry : null);
      }
    }
  }
  cache = { entries, index, simplified };
  return cache;
}

export function glossaryEntries(): GlossaryEntry[] {
  return load().entries;
}

/** The concept's display label in `target` for a controlled value, when any of its texts is a label. */
export function glossaryTarget(kind: ConceptKind, map: LangMap, target: Locale): string | undefined {
  const { index, simplified } = load();
  for (const [lang, text] of Object.entries(map)) {
    if (lang === target || !text) continue;
    const hit = index.get(`${kind}\n${lang}\n${norm(text)}`) ?? (lang === 'zh' ? simplified.get(`${kind}\n${folded(text)}`) : undefined);
    const label = hit?.labels[target]?.[0];
    if (label) return label;
  }
  return undefined;
}
