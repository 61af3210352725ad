// Credit lines from a template that names columns and fields of the mapped record (`{title}`), with each piece in
// its own language: filled once the rest of the record is mapped, and again once translations are merged.
import type { Artifact, ArtifactInput, LangMap } from '../../model/schema.ts';
import { pick } from '../../model/text.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { CollectionConfig } from './collection-config.ts';
import type { Row } from './read-rows.ts';
import { evalLang, type TemplateLookup } from './value-spec.ts';

type CreditParts = NonNullable<ArtifactInput['creditParts']>;

const columnLangCache = new WeakMap<CollectionConfig, (path: string) => Locale | undefined>();
/** A column's language, as the mapping says elsewhere (`title: { fr: titre }` makes `titre` French); a column
 * mapped under two languages has none. */
function columnLangs(config: CollectionConfig): (path: string) => Locale | undefined {
  let hit = columnLangCache.get(config);
  if (!hit) {
    const found = new Map<string, Locale | null>();
    const visit = (spec: unknown): void => {
      if (!spec || typeof spec !== 'object') return;
      if (Array.isArray(spec)) {
        for (const item of spec) visit(item);
        return;
      }
      const o = spec as Record<string, unknown>;
      for (const l of LOCALES) {
        const sub = o[l];
        const path = typeof sub === 'string' ? sub : sub && typeof sub === 'object' ? (sub as { from?: unknown }).from : undefined;
        if (typeof path === 'string') found.set(path, found.has(path) && found.get(path) !== l ? null : l);
      }
      for (const [k, v] of Object.entries(o)) if (!(LOCALES as readonly string[]).includes(k) && k !== 'template') visit(v);
    };
    visit(config.fields);
    hit = (path) => found.get(path) ?? undefined;
    columnLangCache.set(config, hit);
  }
  return hit;
}

/** The credit from its spec, against a record's fields (`{title}`, `{title.zh}`) and the row's columns. */
export function creditFor(
  config: CollectionConfig,
  row: Row,
  record: ArtifactInput | Artifact,
  warn: (message: string) => void,
): { maps: LangMap[]; parts: CreditParts } {
  const lookup: TemplateLookup = (path, l: Locale) => {
    const [head, sub] = path.split('.');
    const value = (record as unknown as Record<string, unknown>)[head!];
    if (typeof value === 'string') return { text: value };
    const map = value as LangMap | undefined;
    const exact = sub && map?.[sub as Locale];
    if (exact) return { text: exact, lang: sub as Locale };
    const picked = pick(map, l);
    return picked && { text: picked.text, lang: picked.lang };
  };
  const parts: CreditParts = {};
  const maps = evalLang(config.fields.credit!, row, lookup, warn, {
    columnLang: columnLangs(config),
    onParts: (l, p) => {
      parts[l] = p;
    },
  });
  return { maps, parts };
}

/** The credit filled again from a record whose translations are merged, so `{title}` in the English credit is the
 * English title a translator gave rather than the Chinese one the source had; the locales the template does not
 * fill keep what they had. */
export function refillCredit(config: CollectionConfig, row: Row, record: Artifact): Artifact {
  let filled: { maps: LangMap[]; parts: CreditParts };
  try {
    // Warnings were given on the first fill; a failing spec was reported there too.
    filled = creditFor(config, row, record, () => {});
  } catch {
    return record;
  }
  const fresh = filled.maps[0];
  if (!fresh) return record;
  const parts: CreditParts = { ...record.creditParts };
  for (const l of LOCALES) {
    if (fresh[l] === undefined) continue;
    if (filled.parts[l]) parts[l] = filled.parts[l];
    else delete parts[l];
  }
  // Assigned in place, so the fields keep their order (and an unchanged credit its record's hash).
  const next: Artifact = { ...record, credit: { ...record.credit, ...fresh } };
  if (Object.keys(parts).length) next.creditParts = parts;
  else delete next.creditParts;
  return next;
}
