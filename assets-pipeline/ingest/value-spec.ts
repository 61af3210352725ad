// Evaluates mapping specs against one source row. Every spec yields a list, so multi-valued cells,
// JSON arrays and single values are handled by one path; scalar fields then take the first value.
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import type { LangSpec, ScalarSpec } from './collection-config.ts';
import { getPath, type Cell, type Row } from './read-rows.ts';
import { splitBilingual, splitBilingualEntries } from './bilingual-cell.ts';

export class SpecError extends Error {}

function cellStrings(cell: Cell | undefined): string[] {
  if (cell === undefined || cell === null) return [];
  if (Array.isArray(cell)) return cell.flatMap(cellStrings);
  if (typeof cell === 'object') return [];
  return [String(cell)];
}

export function evalScalar(spec: ScalarSpec, row: Row): string[] {
  if (typeof spec === 'string')
    return cellStrings(getPath(row, spec))
      .map((s) => s.trim())
      .filter(Boolean);
  let values = spec.value !== undefined ? [String(spec.value)] : cellStrings(getPath(row, spec.from!));
  if (spec.split) values = values.flatMap((v) => v.split(new RegExp(spec.split!, 'u')));
  if (spec.remove) values = values.map((v) => v.replace(new RegExp(spec.remove!, 'gu'), ''));
  if (spec.pattern) {
    const re = new RegExp(spec.pattern, 'u');
    values = values.map((v) => {
      const m = re.exec(v);
      return m ? (m[1] ?? m[0]) : '';
    });
  }
  values = values.map((v) => v.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (spec.skip) values = values.slice(spec.skip);
  if (spec.first) values = values.slice(0, 1);
  if (spec.map) {
    values = values.map((v) => {
      const mapped = spec.map![v];
      if (mapped === undefined) throw new SpecError(`value "${v}" is not listed in the mapping's \`map\` (${Object.keys(spec.map!).join(', ')})`);
      return mapped;
    });
  }
  return values;
}

/** A template placeholder's value, with its language when known; `{title}` takes the template's own language,
 * falling back. */
export interface TemplateValue {
  text: string;
  lang?: Locale | undefined;
}
export type TemplateLookup = (path: string, lang: Locale) => TemplateValue | undefined;

/** A piece of a filled template in its own language. */
export interface TemplatePart {
  text: string;
  lang: Locale;
}
/** What a template's languages need: a column's language (from the mapping), and where to report a filled
 * template whose parts are not all in the template's language. */
export interface TemplateLangs {
  columnLang?: (path: string) => Locale | undefined;
  onParts?: (lang: Locale, parts: TemplatePart[]) => void;
}

/** Placeholders of a template: `{column}` or `{a.b}` (a record field in credit templates). */
export const PLACEHOLDER = /\{(?!(?:zh|en|fr):)([^{}\s]+)\}/g;
/** A template's pieces: `{fr:Musée de test}` is literal text in another language than the template's. */
const PIECE = /\{(zh|en|fr):([^{}]*)\}|\{([^{}\s]+)\}/g;

export function evalLang(spec: LangSpec, row: Row, lookup?: TemplateLookup, warn?: (message: string) => void, langs?: TemplateLangs): LangMap[] {
  if ('bilingual' in spec) {
    const cells = evalScalar(spec.bilingual, row);
    if (!spec.several) return cells.map(splitBilingual);
    return cells.flatMap((cell) => {
      const { values, unsafe } = splitBilingualEntries(cell);
      if (unsafe)
        warn?.(
          `cannot tell the values of this cell apart (${unsafe}); kept as one value — write one value a line, or an English line and its Chinese line, blank lines between values`,
        );
      return values;
    });
  }
  if ('switch' in spec) {
    const key = evalScalar(spec.switch, row)[0] ?? '';
    const chosen = spec.cases[key] ?? spec.default;
    if (!chosen) throw new SpecError(`value "${key}" of \`${spec.switch}\` has no case (${Object.keys(spec.cases).join(', ')}) and no default`);
    return evalLang(chosen, row, lookup, warn, langs);
  }
  const perLang: Partial<Record<Locale, string[]>> = {};
  let n = 0;
  for (const l of LOCALES) {
    const sub = spec[l];
    const tpl = spec.template?.[l];
    let values: string[];
    if (tpl !== undefined) {
      // Placeholders name columns (a join of several columns is a template); credit templates may also name
      // fields of the mapped record, looked up first.
      const fromRow = (path: string): TemplateValue | undefined => {
        const text = evalScalar(path, row).join(', ');
        return text ? { text, lang: langs?.columnLang?.(path) } : undefined;
      };
      const parts = fillTemplate(tpl, l, (path, lang) => lookup?.(path, lang) ?? fromRow(path));
      if (parts === undefined) warn?.(`template (${l}) yields nothing for this record: none of its placeholders has a value`);
      else if (parts.some((p) => p.lang !== l)) langs?.onParts?.(l, parts);
      const filled = parts?.map((p) => p.text).join('');
      values = filled ? [filled] : [];
    } else values = sub !== undefined ? evalScalar(sub, row) : [];
    perLang[l] = values;
    n = Math.max(n, values.length);
  }
  const out: LangMap[] = [];
  for (let i = 0; i < n; i++) {
    const m: LangMap = {};
    for (const l of LOCALES) {
      const v = perLang[l]?.[i];
      if (v) m[l] = v;
    }
    out.push(m);
  }
  return out;
}

/** The filled template as pieces in their languages (neighbours of one language merged, spaces collapsed), or
 * undefined when it has placeholders and none of them has a value. Literal text is in the template's language
 * unless marked `{fr:…}`; a value is in the language of the field or column it comes from. */
function fillTemplate(tpl: string, lang: Locale, lookup: TemplateLookup): TemplatePart[] | undefined {
  let placeholders = 0;
  let filled = 0;
  const raw: TemplatePart[] = [];
  let at = 0;
  for (const m of tpl.matchAll(PIECE)) {
    raw.push({ text: tpl.slice(at, m.index), lang });
    at = m.index + m[0].length;
    if (m[1]) raw.push({ text: m[2]!, lang: m[1] as Locale });
    else {
      placeholders++;
      const v = lookup(m[3]!, lang);
      if (v?.text) filled++;
      raw.push({ text: v?.text ?? '', lang: v?.lang ?? lang });
    }
  }
  raw.push({ text: tpl.slice(at), lang });
  if (placeholders && !filled) return undefined;
  const parts: TemplatePart[] = [];
  for (const p of raw) {
    let text = p.text.replace(/\s+/g, ' ');
    const prev = parts.at(-1);
    if ((!prev || prev.text.endsWith(' ')) && text.startsWith(' ')) text = text.slice(1);
    if (!text) continue;
    if (prev && prev.lang === p.lang) prev.text += text;
    else parts.push({ text, lang: p.lang });
  }
  const last = parts.at(-1);
  if (last) last.text = last.text.trimEnd();
  const out = parts.filter((p) => p.text);
  return out.length ? out : undefined;
}

/** Every column or key path a spec reads, to check the mapping against the source's columns. */
export function specPaths(spec: unknown): string[] {
  if (typeof spec === 'string') return [spec];
  if (!spec || typeof spec !== 'object') return [];
  const o = spec as Record<string, unknown>;
  const out: string[] = [];
  if (typeof o.from === 'string') out.push(o.from);
  if (typeof o.switch === 'string') out.push(o.switch);
  if (o.template && typeof o.template === 'object')
    for (const t of Object.values(o.template as Record<string, string>)) for (const m of t.matchAll(PLACEHOLDER)) out.push(m[1]!);
  return out;
}
