// Bulk downloads per collection: CSV (one row per artifact, one column per language) and JSON Lines (the
// normalized record as published), with a README beside them stating the licence. Every row carries its own
// rights URI too: records in one collection may be licensed differently, and rows travel without the README.
import { stringify } from 'csv-stringify/sync';
import { LOCALES } from '../../model/locales.ts';
import { rightsInfo } from '../../model/rights.ts';
import type { Artifact, Collection, LangMap, Measurement, Stored } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { absolute, artifactPage, openDataPaths, siteOrigin } from '../../formats/urls.ts';

const perLang = (name: string) => LOCALES.map((l) => `${name}_${l}`);
const langCells = (m: LangMap | undefined) => LOCALES.map((l) => m?.[l] ?? '');
const joinLang = (ms: LangMap[]) =>
  LOCALES.map((l) =>
    ms
      .map((m) => m[l])
      .filter(Boolean)
      .join('; '),
  );

export const CSV_COLUMNS = [
  'id',
  'source_id',
  'collection',
  'url',
  ...perLang('title'),
  ...perLang('description'),
  ...perLang('date'),
  'year_from',
  'year_to',
  ...perLang('period'),
  ...perLang('object_type'),
  ...perLang('materials'),
  ...perLang('dimensions'),
  'measurements',
  ...perLang('classification'),
  ...perLang('movement'),
  ...perLang('subjects'),
  ...perLang('makers'),
  ...perLang('holder'),
  ...perLang('provenance'),
  ...perLang('acquisition_method'),
  ...perLang('acquisition_source'),
  'acquisition_year',
  'identifiers',
  'rights',
  'rights_label',
  ...perLang('credit'),
  'image',
  'iiif_info',
  'source_url',
  'api',
];

/** "height 12.5 cm"; a measurement the source named in its own words keeps them. */
const measurementCell = (m: Measurement): string => `${m.kind ?? LOCALES.map((l) => m.label?.[l]).find(Boolean)} ${m.value} ${m.unit}`;

export function csvRow(a: Artifact, image: ImageEntry | undefined, origin = siteOrigin()): string[] {
  return [
    a.id,
    a.sourceId,
    a.collection,
    artifactPage('en', a.id, origin),
    ...langCells(a.title),
    ...langCells(a.description),
    ...langCells(a.date?.display),
    a.date?.from?.toString() ?? '',
    a.date?.to?.toString() ?? '',
    ...joinLang(a.period ? [a.period, ...(a.otherPeriods ?? [])] : []),
    ...joinLang(a.objectType ? [a.objectType, ...(a.otherObjectTypes ?? [])] : []),
    ...joinLang(a.materials),
    ...langCells(a.dimensions),
    (a.measurements ?? []).map(measurementCell).join('; '),
    ...joinLang(a.classifications ?? []),
    ...joinLang(a.movements ?? []),
    ...joinLang(a.subjects ?? []),
    ...joinLang(a.makers.map((m) => m.name)),
    ...langCells(a.holder),
    ...joinLang(a.provenance ?? []),
    ...langCells(a.acquisition?.method),
    ...langCells(a.acquisition?.source),
    a.acquisition?.year?.toString() ?? '',
    a.identifiers.map((i) => `${i.scheme}:${i.value}`).join('; '),
    a.rights,
    rightsInfo(a.rights).name.en,
    ...langCells(a.credit),
    image ? absolute(image.display.jpeg, origin) : '',
    image ? absolute(image.iiif.infoUrl, origin) : '',
    a.sourceUrl ?? '',
    absolute(openDataPaths.apiArtifact(a.id), origin),
  ];
}

/** The CSV starts with a byte-order mark so spreadsheet programs read the Chinese as UTF-8. */
export const csvHeader = (): string => stringify([CSV_COLUMNS], { bom: true });
/** A cell a spreadsheet would run as a formula gets a leading apostrophe, as OWASP's CSV injection guidance
 * advises (=, +, -, @, tab, CR); plain numbers such as BCE years (-206) are data, not formulas, and stay. */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}
export const csvRows = (rows: string[][]): string => stringify(rows.map((r) => r.map(neutralizeFormula)));

export function jsonlLine(a: Stored<Artifact>, image: ImageEntry | undefined, origin = siteOrigin()): string {
  const { hash: _hash, ...record } = a;
  return `${JSON.stringify({ ...record, url: artifactPage('en', a.id, origin), ...(image ? { image: absolute(image.display.jpeg, origin) } : {}) })}\n`;
}

/** The README beside the downloads: what the files are, and the licence, in the three languages. */
export function downloadReadme(c: Collection, count: number, rightsSeen: Map<string, number>, origin = siteOrigin()): string {
  const r = rightsInfo(c.rights);
  const lines = [
    `${pickText(c.title, 'en')} / ${pickText(c.title, 'zh')} / ${pickText(c.title, 'fr')}`,
    '',
    `${count} artifacts. Files:`,
    `  ${c.id}.csv    one row per artifact, UTF-8 with BOM, RFC 4180 quoting; columns ending _zh/_en/_fr hold one language each`,
    `  ${c.id}.jsonl  one JSON record per line (the normalized record as published)`,
    `  OAI-PMH static repository (Dublin Core): ${absolute(openDataPaths.oai(c.id), origin)}`,
    `  JSON API: ${absolute(openDataPaths.apiCollection(c.id), origin)}`,
    '',
    'LICENCE',
    `Collection metadata: ${r.name.en} (${r.uri})`,
    `  ${r.name.zh} · ${r.name.fr}`,
    `Credit: ${[pickText(c.credit, 'en'), pickText(c.credit, 'zh')].filter((v, i, a) => v && a.indexOf(v) === i).join(' / ')}`,
    '',
    'Each record states its own rights in the "rights" column (CSV) or field (JSON Lines); where it differs from the',
    "collection licence above, the record's rights apply to that record. Rights in this download:",
    ...[...rightsSeen].sort((a, b) => b[1] - a[1]).map(([uri, n]) => `  ${n} × ${rightsInfo(uri).name.en} (${uri})`),
    r.attributionRequired
      ? `\nWhen you reuse these data, credit "${pickText(c.credit, 'en')}" and link ${absolute(openDataPaths.apiCollection(c.id), origin)}.`
      : '',
    '',
  ];
  return lines.join('\n');
}
