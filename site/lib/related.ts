// The related objects of the artifacts this process renders, from the file the pages stage wrote beside the
// part (formats/pages/related.ts), read once per process.
import { buildPart } from '../../formats/pages/build-part.ts';
import type { CardItem } from '../../formats/pages/card.ts';
import { RELATED_FIELDS, readRelatedFile, type RelatedField, type RelatedFile } from '../../formats/pages/related.ts';

let cached: RelatedFile | undefined | null;

export interface RelatedRow {
  field: RelatedField;
  items: CardItem[];
}

/** The artifact's rows in field order; none when the part was built without a related-objects file. */
export function relatedRows(id: string): RelatedRow[] {
  if (cached === undefined) {
    const file = buildPart().related;
    cached = (file && readRelatedFile(file)) || null;
  }
  const rows = cached?.related[id];
  if (!cached || !rows) return [];
  const cards = cached.cards;
  return RELATED_FIELDS.flatMap((field) => {
    const items = (rows[field] ?? []).flatMap((other) => cards[other] ?? []);
    return items.length ? [{ field, items }] : [];
  });
}
