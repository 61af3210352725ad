// SearchDoc → Meilisearch document. The same adapters (assets-pipeline/search/doc.ts) and the same facet
// preparation (prepare-doc.ts: vocabulary concepts, facet keys) as the static index, so both engines find the
// same words and count the same facet values.
import { createHash } from 'node:crypto';
import type { FacetName } from '../../formats/search-index/layout.ts';
import { FACETS } from '../../formats/search-index/layout.ts';
import type { MeiliDoc, MeiliLabelDoc } from '../../formats/search-index/meili-layout.ts';
import { hanIndexWords } from '../../formats/search-index/han-grams.ts';
import { prepareFor } from '../../formats/search-index/tokenize.ts';
import type { LangMap } from '../../model/schema.ts';
import type { SearchDoc } from '../search/doc.ts';
import { FacetDictionary } from '../search/facet-dictionary.ts';
import { prepareDoc } from '../search/prepare-doc.ts';
import { loadVocabulary } from '../search/vocab.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';

export interface BuiltDocs {
  docs: MeiliDoc[];
  labels: MeiliLabelDoc[];
  /** uid → content hash, for incremental sync. */
  hashes: Map<string, string>;
  /** `type id` of documents given twice: Meilisearch keeps one per id (the last, as here). */
  duplicates: string[];
}

/** Meilisearch ids allow [A-Za-z0-9_-] up to 511 bytes; other ids are kept readable and made unique by a hash. */
export function meiliUid(type: string, id: string): string {
  const raw = `${type}-${id}`;
  if (/^[A-Za-z0-9_-]{1,400}$/.test(raw)) return raw;
  const safe = raw.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 300);
  return `${safe}-${createHash('sha1').update(raw).digest('hex').slice(0, 12)}`;
}

const join = (maps: (LangMap | undefined)[], lang: Locale): string | undefined => {
  const parts = maps.map((m) => m?.[lang]).filter((t): t is string => !!t);
  return parts.length ? parts.join(' · ') : undefined;
};
const hanOf = (maps: (LangMap | undefined)[]): string | undefined => {
  // Every language's text: a Chinese name quoted in an English note is still Chinese.
  const words = maps.flatMap((m) => (m ? Object.values(m).map((t) => hanIndexWords(t ?? '')) : [])).filter(Boolean);
  return words.length ? words.join(' . ') : undefined;
};

export async function buildDocs(source: AsyncIterable<SearchDoc> | Iterable<SearchDoc>): Promise<BuiltDocs> {
  await prepareFor('中a');
  loadVocabulary();
  const dict = new FacetDictionary();
  const docs: MeiliDoc[] = [];
  const at = new Map<string, number>();
  const duplicates: string[] = [];
  const titles = new Map<string, LangMap>();
  for await (const doc of source) {
    const p = prepareDoc(doc, dict);
    if (doc.type === 'collection') titles.set(doc.id, doc.title);
    const text = [...(doc.text ?? []), ...p.extraText];
    const names = doc.names ?? [];
    const m: MeiliDoc = {
      uid: meiliUid(doc.type, doc.id),
      type: p.facets.type[0]!,
      material: p.facets.material,
      ...(p.facets.has3d[0] ? { has3d: p.facets.has3d[0] } : {}),
      display: p.stored,
    };
    for (const l of LOCALES) {
      const t = doc.title[l];
      if (t) m[`title_${l}`] = t;
      const n = join(names, l);
      if (n) m[`names_${l}`] = n;
      const x = join(text, l);
      if (x) m[`text_${l}`] = x;
    }
    const ht = hanOf([doc.title]);
    if (ht) m.han_title = ht;
    const hx = hanOf([...names, ...text]);
    if (hx) m.han_text = hx;
    for (const f of ['collection', 'period', 'objectType', 'rights'] as const) if (p.facets[f][0]) m[f] = p.facets[f][0];
    if (doc.facets.yearFrom !== undefined) m.yearFrom = doc.facets.yearFrom;
    if (doc.facets.yearTo !== undefined) m.yearTo = doc.facets.yearTo;
    const seen = at.get(m.uid);
    if (seen === undefined) {
      at.set(m.uid, docs.length);
      docs.push(m);
    } else {
      duplicates.push(`${doc.type} ${doc.id}`);
      docs[seen] = m;
    }
  }
  for (const [slug, title] of titles) dict.label('collection', slug, title);
  const values = dict.finish();
  const labels: MeiliLabelDoc[] = FACETS.flatMap((facet: FacetName) => values[facet].map((v) => ({ uid: meiliUid(facet, v.k), facet, key: v.k, l: v.l })));
  const hashes = new Map(docs.map((d) => [d.uid, createHash('sha1').update(JSON.stringify(d)).digest('base64url')]));
  return { docs, labels, hashes, duplicates };
}
