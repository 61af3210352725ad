// Related objects of an artifact page: others by the same maker, of the same object type, period and place.
// The pages stage builds one index by field value over every record once per build (each record joins one
// group per value, O(n)), then writes, beside each artifact shard it renders, the related ids of that shard's
// records and the cards they show. A page never scans the collection (O(n²) over 150k–450k records), and a
// shard process never loads another shard's records.
//
// "Same value" is the browse facets' value (formats/facet-values.ts: a vocabulary concept for type, period and place
// of origin; a value that names none relates nothing), so a row's "see all" link is that value's browse page. The
// museum holding an object is not its place.
// Within a group the related objects are the next RELATED_PER_FIELD members after the record in build order,
// wrapping around: deterministic, different for neighbours (not the same six for 100k "painting"s), and a
// record added to a group changes only the lists of the few records before it — a shard's related file is part
// of its hash, so exactly the shards whose rows changed are re-rendered.
import fs from 'node:fs';
import { z } from 'zod';
import type { Artifact, LangMap } from '../../model/schema.ts';
import { langMap, mediaRef } from '../../model/schema.ts';
import { facetKey } from '../facets.ts';
import { facetValueOf } from '../facet-values.ts';
import { anonymousMakerKey, originPlaces } from './card.ts';
import { readManifest } from '../manifests/read.ts';
import type { CardItem } from './card.ts';

export const RELATED_FIELDS = ['maker', 'objectType', 'period', 'place'] as const;
export type RelatedField = (typeof RELATED_FIELDS)[number];
export const RELATED_PER_FIELD = 6;
const SLOTS = RELATED_FIELDS.length * RELATED_PER_FIELD;

// "Same maker: unidentified artist" relates nothing: a record whose maker is unknown is not by the same hand as
// every other record whose maker is unknown.

/** The facet keys of an artifact's values per field. */
export function relatedKeys(a: Pick<Artifact, 'makers' | 'objectType' | 'period' | 'places'>): Record<RelatedField, string[]> {
  const uniq = (keys: string[]) => [...new Set(keys)].filter((k) => k !== 'unknown');
  const concepts = (facet: 'objectType' | 'period' | 'place', values: LangMap[]) => uniq(values.flatMap((v) => facetValueOf(facet, v)?.key ?? []));
  return {
    maker: uniq(a.makers.map((m) => facetKey(m.name))).filter((k) => !anonymousMakerKey(k)),
    objectType: concepts('objectType', a.objectType ? [a.objectType] : []),
    period: concepts('period', a.period ? [a.period] : []),
    place: concepts(
      'place',
      originPlaces(a).map((p) => p.name),
    ),
  };
}

const cardItem = z.object({
  id: z.string(),
  collection: z.string(),
  title: langMap,
  maker: langMap.optional(),
  period: langMap.optional(),
  media: z.array(mediaRef),
});

export const RELATED_FILE_VERSION = 1;
const relatedFile = z.object({
  version: z.literal(RELATED_FILE_VERSION),
  /** Per artifact id, per field with any, the related ids in display order. */
  related: z.record(z.string(), z.partialRecord(z.enum(RELATED_FIELDS), z.array(z.string()))),
  /** Every card the lists above show. */
  cards: z.record(z.string(), cardItem),
});
export type RelatedFile = z.infer<typeof relatedFile>;

const leanCard = (a: Artifact): CardItem => {
  const card: CardItem = { id: a.id, collection: a.collection, title: a.title, media: a.media.filter((m) => m.kind === 'image').slice(0, 1) };
  if (a.makers[0]) card.maker = a.makers[0].name;
  if (a.period) card.period = a.period;
  return card;
};

/** Add every record once (in build order, with its shard), then read each shard's file. Cards are kept as their
 * JSON text and files are written as text: at 150k records objects cost ~10× the memory (measured 263 MB of heap
 * with card objects) and serializing them most of the time. */
export class RelatedIndex {
  private readonly ids: string[] = [];
  private readonly cards: string[] = [];
  private readonly shards = new Map<string, number[]>();
  private readonly groups = new Map<string, number[]>();
  private slots: Int32Array | undefined;

  add(a: Artifact, shard: string): void {
    const n = this.ids.length;
    this.ids.push(a.id);
    this.cards.push(JSON.stringify(leanCard(a)));
    const inShard = this.shards.get(shard);
    if (inShard) inShard.push(n);
    else this.shards.set(shard, [n]);
    const keys = relatedKeys(a);
    for (const field of RELATED_FIELDS) {
      for (const key of keys[field]) {
        const g = `${field}\t${key}`;
        const members = this.groups.get(g);
        if (members) members.push(n);
        else this.groups.set(g, [n]);
      }
    }
    this.slots = undefined;
  }

  /** Per record, RELATED_PER_FIELD slots per field (-1 when empty), filled in one pass over the groups. */
  private fill(): Int32Array {
    if (this.slots) return this.slots;
    const slots = new Int32Array(this.ids.length * SLOTS).fill(-1);
    for (const [g, members] of this.groups) {
      if (members.length < 2) continue;
      const f = RELATED_FIELDS.indexOf(g.slice(0, g.indexOf('\t')) as RelatedField);
      for (let i = 0; i < members.length; i++) {
        const base = members[i]! * SLOTS + f * RELATED_PER_FIELD;
        // A record with several values of one field (two places) merges their groups' neighbours.
        let used = 0;
        while (used < RELATED_PER_FIELD && slots[base + used] !== -1) used++;
        for (let k = 1; k < members.length && used < RELATED_PER_FIELD; k++) {
          const other = members[(i + k) % members.length]!;
          let dup = false;
          for (let j = 0; j < used; j++) if (slots[base + j] === other) dup = true;
          if (!dup) slots[base + used++] = other;
        }
      }
    }
    this.slots = slots;
    return slots;
  }

  /** The related-objects file of one shard as JSON text (same input, same bytes). */
  shardText(shard: string): string {
    const slots = this.fill();
    const related: string[] = [];
    const shown = new Set<number>();
    for (const n of this.shards.get(shard) ?? []) {
      const rows: string[] = [];
      RELATED_FIELDS.forEach((field, f) => {
        const ids: string[] = [];
        for (let j = 0; j < RELATED_PER_FIELD; j++) {
          const other = slots[n * SLOTS + f * RELATED_PER_FIELD + j]!;
          if (other < 0) break;
          ids.push(JSON.stringify(this.ids[other]));
          shown.add(other);
        }
        if (ids.length) rows.push(`"${field}":[${ids.join(',')}]`);
      });
      if (rows.length) related.push(`${JSON.stringify(this.ids[n])}:{${rows.join(',')}}`);
    }
    const cards = [...shown].sort((a, b) => a - b).map((n) => `${JSON.stringify(this.ids[n])}:${this.cards[n]}`);
    return `{"version":${RELATED_FILE_VERSION},"related":{${related.join(',')}},"cards":{${cards.join(',')}}}`;
  }

  shardFile(shard: string): RelatedFile {
    return JSON.parse(this.shardText(shard)) as RelatedFile;
  }
}

export function writeRelatedFile(file: string, data: RelatedFile): void {
  fs.writeFileSync(file, JSON.stringify(data));
}

/** A missing file is no related objects (a page built without the pages stage); a malformed one an error. */
export function readRelatedFile(file: string): RelatedFile | undefined {
  return readManifest(file, relatedFile);
}

/** One file for a part that renders several shards. */
export function mergeShardFiles(files: RelatedFile[]): RelatedFile {
  const out: RelatedFile = { version: RELATED_FILE_VERSION, related: {}, cards: {} };
  for (const f of files) {
    Object.assign(out.related, f.related);
    Object.assign(out.cards, f.cards);
  }
  return out;
}
