// Citation files per artifact: BibTeX, RIS and CSL-JSON, the formats Zotero, EndNote and pandoc import.
// One file per format, not per locale (that would be 1.35M files at 150k artifacts): titles in English when
// the record has them (fr, then zh otherwise), with the Chinese original kept alongside.
import type { Locale } from '../../model/locales.ts';
import { rightsInfo } from '../../model/rights.ts';
import type { Artifact, Collection } from '../../model/schema.ts';
import { pick, pickText } from '../../model/text.ts';
import { artifactPage, siteOrigin } from '../../formats/urls.ts';

const CITE_LOCALE: Locale = 'en';

interface CiteFields {
  title: string;
  original?: string | undefined;
  makers: string[];
  year?: number | undefined;
  dateText?: string | undefined;
  holder?: string | undefined;
  number?: string | undefined;
  medium?: string | undefined;
  collection: string;
  url: string;
  rights: string;
  note?: string | undefined;
}

/** Control characters mean nothing in a citation and some importers choke on them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const clean = <T extends string | undefined>(s: T): T => (s === undefined ? s : (s.replace(/[\u0000-\u001F\u007F]+/g, ' ').trim() as T));

function fields(a: Artifact, c: Pick<Collection, 'title'>, origin: string): CiteFields {
  const f = rawFields(a, c, origin);
  return Object.fromEntries(
    Object.entries(f).map(([k, v]) => [k, Array.isArray(v) ? v.map(clean) : typeof v === 'string' ? clean(v) : v]),
  ) as unknown as CiteFields;
}

function rawFields(a: Artifact, c: Pick<Collection, 'title'>, origin: string): CiteFields {
  const title = pick(a.title, CITE_LOCALE)!;
  const zh = a.title.zh;
  return {
    title: title.text,
    original: zh && zh !== title.text ? zh : undefined,
    makers: a.makers.map((m) => pickText(m.name, CITE_LOCALE)).filter(Boolean),
    year: a.date?.from,
    dateText: pickText(a.date?.display, CITE_LOCALE) || undefined,
    holder: pickText(a.holder ?? a.credit, CITE_LOCALE) || undefined,
    number: a.identifiers[0]?.value,
    medium:
      a.materials
        .map((m) => pickText(m, CITE_LOCALE))
        .filter(Boolean)
        .join(', ') || undefined,
    collection: pickText(c.title, CITE_LOCALE),
    url: artifactPage(CITE_LOCALE, a.id, origin),
    rights: rightsInfo(a.rights).name.en,
    note: pickText(a.objectType, CITE_LOCALE) || undefined,
  };
}

/** BibTeX's special characters; braces keep capitalisation as written. */
function bib(text: string): string {
  return text
    .replace(/[\\{}]/g, (c) => (c === '\\' ? '\\textbackslash{}' : `\\${c}`))
    .replace(/([&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** BibTeX keys allow ASCII letters, digits and a few marks; other letters (Chinese ids) become their code point. */
export function bibKey(id: string): string {
  return [...id].map((ch) => (/[A-Za-z0-9_.:-]/.test(ch) ? ch : `u${ch.codePointAt(0)!.toString(16)}`)).join('');
}

export function toBibTeX(a: Artifact, c: Pick<Collection, 'title'>, origin = siteOrigin()): string {
  const f = fields(a, c, origin);
  const entries: [string, string | undefined][] = [
    ['title', f.title],
    ['titleaddon', f.original],
    ['author', f.makers.length ? f.makers.join(' and ') : undefined],
    ['year', f.year !== undefined && f.year > 0 ? String(f.year) : undefined],
    ['date', f.dateText],
    ['type', f.note],
    ['howpublished', f.medium],
    ['organization', f.holder],
    ['number', f.number],
    ['series', f.collection],
    ['url', f.url],
    ['note', `Licence: ${f.rights}`],
  ];
  const body = entries
    .filter(([, v]) => v)
    .map(([k, v]) => `  ${k} = {${k === 'url' ? v : bib(v!)}}`)
    .join(',\n');
  // `@misc`: BibTeX has no entry type for objects; biblatex users may change it to @artwork.
  return `@misc{${bibKey(a.id)},\n${body}\n}\n`;
}

/** RIS tags are two letters, two spaces, a hyphen and a space; one value per line, so newlines are flattened. */
export function toRIS(a: Artifact, c: Pick<Collection, 'title'>, origin = siteOrigin()): string {
  const f = fields(a, c, origin);
  const one = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');
  const lines: [string, string | undefined][] = [
    ['TY', 'ART'],
    ['TI', f.title],
    ['TT', f.original],
    ...f.makers.map((m): [string, string] => ['AU', m]),
    ['PY', f.year !== undefined && f.year > 0 ? String(f.year) : undefined],
    ['DA', f.dateText],
    ['M3', f.note],
    ['M1', f.medium],
    ['PB', f.holder],
    ['AN', f.number],
    ['T2', f.collection],
    ['UR', f.url],
    ['C1', f.rights],
    ['ID', a.id],
    ['ER', ''],
  ];
  return `${lines
    .filter(([k, v]) => v || k === 'ER')
    .map(([k, v]) => `${k}  - ${one(v!)}`)
    .join('\r\n')}\r\n`;
}

/** CSL-JSON (an array of items, as citeproc and Zotero expect). Objects are CSL type "graphic", as Zotero maps artwork. */
export function toCSL(a: Artifact, c: Pick<Collection, 'title'>, origin = siteOrigin()): string {
  const f = fields(a, c, origin);
  const item: Record<string, unknown> = {
    id: a.id,
    type: 'graphic',
    title: f.title,
    ...(f.original ? { 'original-title': f.original } : {}),
    ...(f.makers.length ? { author: f.makers.map((literal) => ({ literal })) } : {}),
    ...(a.date?.from !== undefined
      ? { issued: { 'date-parts': [[a.date.from], ...(a.date.to !== undefined && a.date.to !== a.date.from ? [[a.date.to]] : [])] } }
      : f.dateText
        ? { issued: { literal: f.dateText } }
        : {}),
    ...(f.note ? { genre: f.note } : {}),
    ...(f.medium ? { medium: f.medium } : {}),
    ...(f.holder ? { archive: f.holder } : {}),
    ...(f.number ? { archive_location: f.number } : {}),
    'collection-title': f.collection,
    URL: f.url,
    license: a.rights,
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}
